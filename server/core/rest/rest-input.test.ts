import { describe, expect, it } from 'vitest';
import type { BodySchema, QueryParameter } from './rest-endpoint.ts';
import { checkBody, checkQuery } from './rest-input.ts';

const schema: BodySchema = {
  fields: { name: { type: 'string', description: 'a name' }, admin: { type: 'boolean', description: 'a flag' } },
  required: ['name'],
};
const query: QueryParameter[] = [
  { name: 'limit', type: 'integer', minimum: 1, maximum: 10, description: 'page size' },
  { name: 'after', type: 'integer', description: 'cursor' },
  { name: 'q', type: 'string', description: 'text' },
];

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { code: string; params: Record<string, unknown> };
  }
  throw new Error('did not throw');
};

describe('checking a REST body against its declaration', () => {
  it('answers the declared fields given; an optional null counts as not given', () => {
    expect(checkBody(schema, { name: 'amina', admin: true })).toEqual({ name: 'amina', admin: true });
    expect(checkBody(schema, { name: 'amina', admin: null })).toEqual({ name: 'amina' });
  });

  it('names the field that is missing, of the wrong type or unknown', () => {
    expect(failure(() => checkBody(schema, { admin: true }))).toMatchObject({ code: 'request.missing_field', params: { field: 'name', in: 'body' } });
    expect(failure(() => checkBody(schema, { name: null }))).toMatchObject({ code: 'request.invalid_field', params: { field: 'name' } });
    expect(failure(() => checkBody(schema, { name: 'x', admin: 'yes' }))).toMatchObject({ code: 'request.invalid_field', params: { field: 'admin', expected: 'boolean' } });
    expect(failure(() => checkBody(schema, { name: 'x', role: 'root' }))).toMatchObject({ code: 'request.unknown_field', params: { field: 'role' } });
  });

  it('takes a JSON object as an object field, whatever its members, and nothing else', () => {
    const withObject: BodySchema = { fields: { record: { type: 'object', description: 'a document' } }, required: ['record'] };
    expect(checkBody(withObject, { record: { title: { en: 'x' }, years: [1, 2] } })).toEqual({ record: { title: { en: 'x' }, years: [1, 2] } });
    expect(checkBody(withObject, { record: {} })).toEqual({ record: {} });
    for (const value of [[], 'text', 3, true]) {
      expect(failure(() => checkBody(withObject, { record: value })), JSON.stringify(value)).toMatchObject({ code: 'request.invalid_field', params: { field: 'record', expected: 'object' } });
    }
    expect(failure(() => checkBody(withObject, { record: null }))).toMatchObject({ code: 'request.invalid_field', params: { field: 'record' } });
  });

  it('refuses a body that is not an object', () => {
    for (const value of [null, [], 'text', 3]) expect(failure(() => checkBody(schema, value)).code).toBe('request.invalid_body');
  });
});

describe('checking a REST query against its declaration', () => {
  const url = (search: string) => new URL(`http://h/p?${search}`);

  it('parses integers and keeps strings', () => {
    expect(checkQuery(query, url('limit=10&after=0&q=a b'))).toEqual({ limit: 10, after: 0, q: 'a b' });
    expect(checkQuery(query, url(''))).toEqual({});
  });

  it('names a parameter out of range, repeated or unknown', () => {
    for (const search of ['limit=0', 'limit=11', 'limit=1.5', 'limit=', 'after=-3', 'after=1e3']) {
      expect(failure(() => checkQuery(query, url(search))), search).toMatchObject({ code: 'request.invalid_field', params: { in: 'query' } });
    }
    expect(failure(() => checkQuery(query, url('q=a&q=b')))).toMatchObject({ code: 'request.repeated_parameter', params: { field: 'q' } });
    expect(failure(() => checkQuery(query, url('page=2')))).toMatchObject({ code: 'request.unknown_parameter', params: { field: 'page' } });
  });
});
