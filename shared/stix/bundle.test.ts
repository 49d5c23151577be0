import { describe, expect, it } from 'vitest';
import { validateBundleEnvelope, validateObject } from './validator.ts';

const rules = (problems: { severity: string; rule: string; path: string }[]) =>
  problems.map((problem) => `${problem.severity} ${problem.rule} ${problem.path}`);

const bundle = { type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: [{ type: 'x-anything' }] };

describe('validateBundleEnvelope', () => {
  it('accepts a bundle, with or without objects', () => {
    expect(validateBundleEnvelope(bundle)).toEqual([]);
    expect(validateBundleEnvelope({ type: 'bundle', id: bundle.id })).toEqual([]);
  });

  it('does not look inside the objects', () => {
    expect(validateBundleEnvelope({ ...bundle, objects: [42, 'x'] })).toEqual([]);
  });

  it.each([
    ['a non-object', [1, 2], 'error not-an-object $'],
    ['a wrong type', { ...bundle, type: 'report' }, 'error bundle-type $.type'],
    ['a missing id', { type: 'bundle' }, 'error required-property $.id'],
    ['an id of another type', { ...bundle, id: 'report--5d0092c5-5f74-4287-9642-33f4c354e56d' }, 'error id-type-mismatch $.id'],
    ['a malformed id', { ...bundle, id: 'bundle--1' }, 'error invalid-identifier $.id'],
    ['objects that are not a list', { ...bundle, objects: {} }, 'error wrong-type $.objects'],
    ['an empty objects list', { ...bundle, objects: [] }, 'error empty-list $.objects'],
    ['a STIX 2.0 spec_version', { ...bundle, spec_version: '2.0' }, 'warning bundle-spec-version $.spec_version'],
  ])('reports %s', (_description, value, expected) => {
    expect(rules(validateBundleEnvelope(value))).toEqual([expected]);
  });

  it('is what validateObject does with a bundle', () => {
    expect(rules(validateObject({ ...bundle, objects: [] }))).toEqual(['error empty-list $.objects']);
  });
});
