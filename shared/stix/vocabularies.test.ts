import { describe, expect, it } from 'vitest';
import { ENUMERATIONS, OPEN_VOCABULARIES, vocabularySet } from './vocabularies.ts';
import { findings, variant } from './testing/stix-fixtures.ts';

describe('vocabularies', () => {
  it('names open vocabularies -ov and enumerations -enum, without duplicates', () => {
    for (const [name, values] of Object.entries(OPEN_VOCABULARIES)) {
      expect(name).toMatch(/-ov$/);
      expect(new Set(values).size).toBe(values.length);
    }
    for (const [name, values] of Object.entries(ENUMERATIONS)) {
      expect(name).toMatch(/-enum$/);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('treats pattern_type as an open vocabulary: unknown values only warn', () => {
    expect(findings(variant('indicator', { pattern_type: 'kql' }))).toEqual(['warning vocab-value $.pattern_type']);
    expect(findings(variant('indicator', { pattern_type: 'sigma' }))).toEqual([]);
  });

  it('treats enumerations as closed: unknown values are errors', () => {
    expect(findings(variant('opinion', { opinion: 'agree' }))).toEqual([]);
    expect(findings(variant('opinion', { opinion: 'Agree' }))).toEqual(['error enum-value $.opinion']);
  });

  it('includes the Errata 01 additions', () => {
    expect(vocabularySet('implementation-language-ov').has('rust')).toBe(true);
    expect(vocabularySet('industry-sector-ov').has('legal')).toBe(true);
    expect(vocabularySet('threat-actor-type-ov').has('private-sector')).toBe(true);
    expect(vocabularySet('report-type-ov').has('incident')).toBe(true);
  });

  it('uses the value table spelling of SOCK_DGRAM', () => {
    expect(vocabularySet('network-socket-type-enum').has('SOCK_DGRAM')).toBe(true);
  });

  it('warns on list items outside a vocabulary, one warning per item', () => {
    expect(findings(variant('malware', { malware_types: ['ransomware', 'cryptojacker', 'wiper', 'stealer'] }))).toEqual([
      'warning vocab-value $.malware_types[1]', 'warning vocab-value $.malware_types[3]',
    ]);
  });

  it('warns on hash names outside hash-algorithm-ov unless they are custom x_ names', () => {
    const hashes = { 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db', sha1: 'x', x_foo_hash: 'y' };
    expect(findings(variant('malware', { external_references: [{ source_name: 'v', url: 'https://e.com', hashes }] })))
      .toEqual(['warning vocab-value $.external_references[0].hashes.sha1']);
  });
});
