import { describe, expect, it } from 'vitest';
import { validateObject } from './validator.ts';
import { findings, variant } from './testing/stix-fixtures.ts';

const indicator = (changes: Record<string, unknown>) => variant('indicator', changes);

describe('type and id', () => {
  it.each([
    ['missing type', { type: undefined }, ['error required-property $.type']],
    ['a numeric type', { type: 7 }, ['error wrong-type $.type']],
    ['an upper-case type', { type: 'Indicator', id: 'Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' },
      ['error invalid-type-name $.type', 'error invalid-identifier $.id']],
    ['a type with a double hyphen', { type: 'x--y', id: 'x-y--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' },
      ['error invalid-type-name $.type']],
    ['a two-letter type', { type: 'ab', id: 'ab--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' },
      ['error invalid-type-name $.type', 'error invalid-identifier $.id']],
    ['missing id', { id: undefined }, ['error required-property $.id']],
    ['an id of another type', { id: 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }, ['error id-type-mismatch $.id']],
    ['an id that is not a UUID', { id: 'indicator--8e2e2d2b-17d4-4cbf-938f' }, ['error invalid-identifier $.id']],
    ['an id with a non-RFC 4122 variant', { id: 'indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f' },
      ['error invalid-identifier $.id']],
    ['an id with version 0', { id: 'indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f' }, ['error invalid-identifier $.id']],
  ])('reports %s', (_description, changes, expected) => {
    expect(findings(indicator(changes))).toEqual(expected);
  });

  it('accepts UUIDs of versions 1 to 8 in either case', () => {
    expect(findings(indicator({ id: 'indicator--1621D4D4-B67D-11E3-9670-F01FAF20D111' }))).toEqual([]);
    expect(findings(indicator({ id: 'indicator--01890a5d-ac96-774b-bcce-b302099a8057' }))).toEqual([]);
  });
});

describe('spec_version', () => {
  it('is required on SDOs and must be 2.1', () => {
    expect(findings(indicator({ spec_version: undefined }))).toEqual(['error required-property $.spec_version']);
    expect(findings(indicator({ spec_version: '2.0' }))).toEqual(['error invalid-spec-version $.spec_version']);
  });

  it('is optional on SCOs', () => {
    expect(findings(variant('mutex', { spec_version: undefined }))).toEqual([]);
  });
});

describe('created and modified', () => {
  it('are required on SDOs', () => {
    expect(findings(indicator({ created: undefined, modified: undefined }))).toEqual([
      'error required-property $.created', 'error required-property $.modified',
    ]);
  });

  it('must be real RFC 3339 UTC timestamps', () => {
    expect(findings(indicator({ created: '2016-02-30T00:00:00.000Z', modified: '2016-04-06T20:03:00.000+01:00' })))
      .toEqual(['error invalid-timestamp $.created', 'error invalid-timestamp $.modified']);
  });

  it('need at least millisecond precision', () => {
    expect(findings(indicator({ created: '2016-04-06T20:03:00Z', modified: '2016-04-06T20:03:00.1Z' }))).toEqual([
      'error timestamp-precision $.created', 'error timestamp-precision $.modified',
    ]);
    expect(findings(indicator({ created: '2016-04-06T20:03:00.123456Z', modified: '2016-04-06T20:03:00.123456Z' }))).toEqual([]);
  });

  it('reports modified before created, naming both values', () => {
    const [problem] = validateObject(indicator({ created: '2017-01-01T00:00:00.000Z', modified: '2016-01-01T00:00:00.000Z' }));
    expect(problem).toEqual({
      severity: 'error', rule: 'timestamp-order', path: '$.modified',
      message: '"modified" (2016-01-01T00:00:00.000Z) is before "created" (2017-01-01T00:00:00.000Z); it must not be earlier.',
    });
  });

  it('compares instants, not spellings, and honours sub-microsecond digits', () => {
    expect(findings(indicator({ created: '2016-01-01T00:00:00.000Z', modified: '2016-01-01T00:00:00.000000Z' }))).toEqual([]);
    expect(findings(indicator({ created: '2016-01-01T00:00:00.0000002Z', modified: '2016-01-01T00:00:00.0000001Z' })))
      .toEqual(['error timestamp-order $.modified']);
  });
});

describe('other common properties', () => {
  it.each([
    ['confidence above 100', { confidence: 101 }, 'error out-of-range $.confidence'],
    ['a fractional confidence', { confidence: 50.5 }, 'error wrong-type $.confidence'],
    ['a lang that is no language tag', { lang: 'english language' }, 'error invalid-format $.lang'],
    ['labels that are not strings', { labels: ['ok', 3] }, 'error wrong-type $.labels[1]'],
    ['revoked as a string', { revoked: 'false' }, 'error wrong-type $.revoked'],
    ['a creator that is not an identity', { created_by_ref: 'tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }, 'error ref-type $.created_by_ref'],
    ['a null property', { name: null }, 'error wrong-type $.name'],
    ['defanged on an SDO', { defanged: false }, 'error property-not-applicable $.defanged'],
    ['a reserved property', { username: 'root' }, 'error reserved-property $.username'],
    ['an external reference without source', { external_references: [{ url: 'https://example.com' }] },
      'error required-property $.external_references[0].source_name'],
    ['an external reference url without scheme', { external_references: [{ source_name: 'x', url: 'example.com' }] },
      'error invalid-format $.external_references[0].url'],
    ['an external reference with a bad hash', { external_references: [{ source_name: 'x', url: 'https://e.com',
      hashes: { 'SHA-1': 'zz' } }] }, "error invalid-hash $.external_references[0].hashes['SHA-1']"],
    ['empty extensions', { extensions: {} }, 'error empty-dictionary $.extensions'],
  ])('reports %s', (_description, changes, expected) => {
    expect(findings(indicator(changes))).toEqual([expected]);
  });

  it('writes messages that say what is wrong and why', () => {
    expect(validateObject(indicator({ confidence: 150 }))[0]?.message).toBe('"confidence" is 150; it must be between 0 and 100.');
    expect(validateObject(indicator({ labels: [] }))[0]?.message)
      .toBe('"labels" is an empty list; omit it instead (STIX forbids empty lists).');
  });
});
