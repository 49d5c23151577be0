import { describe, expect, it } from 'vitest';
import type { RestApiPart, RestEndpoint } from './rest-endpoint.ts';
import { mergeOpenApi, restOpenApi } from './rest-openapi.ts';

const endpoint: RestEndpoint = {
  method: 'get',
  path: '/things/{id}',
  tag: 'things',
  summary: 'Get a thing',
  parameters: { id: 'thing id' },
  success: { status: 200, description: 'the thing', schema: { $ref: '#/components/schemas/Thing' } },
  errors: { 404: 'no such thing' },
};
const part: RestApiPart = { endpoints: { getThing: endpoint }, schemas: { Thing: { type: 'object' } } };

describe('the REST part of the OpenAPI document', () => {
  it('describes each declared endpoint below /api/v1 with its parameters and answers', () => {
    const { paths, components } = restOpenApi([part]);
    const operation = paths['/api/v1/things/{id}']!.get as Record<string, unknown>;
    expect(operation).toMatchObject({ operationId: 'getThing', tags: ['things'], parameters: [{ name: 'id', in: 'path', required: true, description: 'thing id' }] });
    expect(Object.keys(operation.responses as object).sort()).toEqual(['200', '401', '404', '500']);
    expect(Object.keys(components!.schemas!)).toEqual(['Error', 'Thing']);
  });

  it('describes each body field by its type: an object field as a JSON object', () => {
    const post: RestEndpoint = {
      ...endpoint,
      method: 'post',
      path: '/things',
      body: { fields: { kind: { type: 'string', description: 'k' }, tags: { type: 'string-list', description: 't' }, content: { type: 'object', description: 'c' } }, required: ['kind', 'content'] },
    };
    const { paths } = restOpenApi([{ endpoints: { addThing: post }, schemas: {} }]);
    const body = (paths['/api/v1/things']!.post as { requestBody: { content: Record<string, { schema: unknown }> } }).requestBody.content['application/json']!.schema;
    expect(body).toEqual({
      type: 'object',
      properties: { kind: { type: 'string', description: 'k' }, tags: { type: 'array', items: { type: 'string' }, description: 't' }, content: { type: 'object', description: 'c' } },
      required: ['kind', 'content'],
      additionalProperties: false,
    });
  });

  it('refuses an operation, a path and method or a schema declared twice', () => {
    expect(() => restOpenApi([part, { endpoints: { getThing: { ...endpoint, path: '/other' } }, schemas: {} }])).toThrow(/declared twice/);
    expect(() => restOpenApi([part, { endpoints: { again: endpoint }, schemas: {} }])).toThrow(/declared twice/);
    expect(() => restOpenApi([part, { endpoints: {}, schemas: { Thing: {} } }])).toThrow(/declared twice/);
  });

  it('merges documents path by path, refusing a path described twice', () => {
    const rest = restOpenApi([part]);
    const taxii = { paths: { '/taxii2/': { get: {} } }, components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } } } };
    const merged = mergeOpenApi({ title: 'T', version: '1' }, [taxii, rest]);
    expect(Object.keys(merged.paths)).toEqual(['/taxii2/', '/api/v1/things/{id}']);
    expect(merged.components!.schemas!.Thing).toBeDefined();
    expect(() => mergeOpenApi({ title: 'T', version: '1' }, [rest, rest])).toThrow(/described twice/);
  });
});
