// An indicator's STIX pattern is checked on validation (and so on ingest): a pattern that does not parse, or
// breaks a rule of §9, is an error that says where and what was expected; other pattern languages are left alone.
import { describe, expect, it } from 'vitest';
import { validateObject } from '../validator.ts';
import { errors, variant } from '../testing/stix-fixtures.ts';

describe('indicator patterns on validation', () => {
  it('accepts the valid indicator and a compound pattern', () => {
    expect(errors(variant('indicator', {}))).toEqual([]);
    expect(errors(variant('indicator', { pattern: "([file:name = 'a'] FOLLOWEDBY [url:value = 'http://x/']) WITHIN 60 SECONDS" }))).toEqual([]);
  });

  it.each([
    ["[file:name = 'a'", 'at column 17: expected AND, OR or \']\', found end of pattern'],
    ['[file:name foo]', "at column 12: expected a comparison operator, found 'foo'"],
    ["[file:name = 'a' AND url:value = 'b']", 'at column 22: comparisons joined by AND must all be on one object type, found file and url'],
    ["[file:name = 'a'] REPEATS 0 TIMES", 'at column 19: REPEATS needs a positive number of times, found 0'],
  ])('refuses %j as indicator-pattern-invalid at $.pattern', (pattern, detail) => {
    const problems = validateObject(variant('indicator', { pattern }));
    const column = Number(/^at column (\d+)/.exec(detail)![1]);
    expect(problems).toEqual([{ severity: 'error', rule: 'indicator-pattern-invalid', path: '$.pattern', message: `The STIX pattern is invalid ${detail}.`, params: expect.objectContaining({ line: 1, column }) }]);
  });

  it('leaves patterns of other languages to their own tools', () => {
    expect(errors(variant('indicator', { pattern: 'alert tcp any any -> any 80 (msg:"x";)', pattern_type: 'snort' }))).toEqual([]);
    expect(errors(variant('indicator', { pattern: 'rule x { condition: true }', pattern_type: 'yara' }))).toEqual([]);
  });
});
