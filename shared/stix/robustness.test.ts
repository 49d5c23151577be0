import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_SEVERITY } from './problem.ts';
import { objectKind, stixTypes, typeDefinition } from './registry.ts';
import { validateBundleEnvelope, validateObject } from './validator.ts';
import { VALID } from './testing/stix-fixtures.ts';

describe('validateObject never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(Array.isArray(validateObject(value))).toBe(true);
      expect(Array.isArray(validateBundleEnvelope(value))).toBe(true);
    }), { numRuns: 2000 });
  });

  it('on valid objects with one property replaced by anything', () => {
    const types = Object.keys(VALID);
    fc.assert(fc.property(fc.constantFrom(...types), fc.nat(), fc.anything(), (type, pick, replacement) => {
      const object: Record<string, unknown> = { ...VALID[type] };
      const keys = Object.keys(object);
      object[keys[pick % keys.length]!] = replacement;
      const problems = validateObject(object);
      expect(problems.every((problem) => problem.rule !== 'internal-error')).toBe(true);
    }), { numRuns: 3000 });
  });

  it('on values JSON cannot hold', () => {
    for (const value of [undefined, Symbol('x'), () => 1, 1n, new Map(), Object.create(null), new Date(0)]) {
      expect(() => validateObject(value)).not.toThrow();
    }
    expect(validateObject({ type: 'ipv4-addr', id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4', value: 1n }))
      .toEqual([expect.objectContaining({ rule: 'wrong-type', path: '$.value' })]);
  });
});

describe('rule catalogue', () => {
  it('documents every rule, with its severity, in RULES.md', () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, 'RULES.md'), 'utf8');
    const documented = new Map([...text.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]));
    expect(Object.fromEntries(documented)).toEqual(RULE_SEVERITY);
  });

  it('uses kebab-case codes', () => {
    for (const rule of Object.keys(RULE_SEVERITY)) expect(rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('type registry', () => {
  it('knows 19 SDOs, 2 SROs, 18 SCOs and 4 meta types (with the bundle)', () => {
    const kinds = [...stixTypes.values()].map((definition) => definition.kind);
    expect(kinds.filter((kind) => kind === 'sdo')).toHaveLength(19);
    expect(kinds.filter((kind) => kind === 'sro')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'sco')).toHaveLength(18);
    expect(kinds.filter((kind) => kind === 'meta')).toHaveLength(4);
  });

  it('classifies type names', () => {
    expect(objectKind('indicator')).toBe('sdo');
    expect(objectKind('sighting')).toBe('sro');
    expect(objectKind('x509-certificate')).toBe('sco');
    expect(objectKind('marking-definition')).toBe('meta');
    expect(objectKind('bundle')).toBe('meta');
    expect(objectKind('x-mitre-tactic')).toBe('custom');
    expect(typeDefinition('x-mitre-tactic')).toBeUndefined();
    expect(typeDefinition('file')?.idContributing).toEqual(['hashes', 'name', 'extensions', 'parent_directory_ref']);
  });
});
