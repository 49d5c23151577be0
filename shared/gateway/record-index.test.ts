import { describe, expect, it } from 'vitest';
import { duplicateKeys, normaliseSourceUrl, recordFacets, recordLanguages, recordTerms } from './record-index.ts';
import { RECORD_TYPES } from './record-types.ts';
import { EXAMPLE_RECORDS } from './testing/examples.ts';

const facetsOf = (type: (typeof RECORD_TYPES)[number]) => recordFacets(type, EXAMPLE_RECORDS[type]).map(({ facet, value }) => `${facet}:${value}`);

describe('the facets of a record', () => {
  it('name its type, countries with their M49 region and sub-region, pillars, languages and own years', () => {
    expect(facetsOf('initiative')).toEqual([
      'type:initiative',
      'country:EG',
      'country:JO',
      'country:TN',
      // EG and TN: Africa (002), Northern Africa (015); JO: Asia (142), Western Asia (145); 145 and 015 named too.
      'region:002',
      'region:015',
      'region:142',
      'region:145',
      'pillar:capacity',
      'pillar:cooperation',
      'language:ar',
      'language:en',
      'language:fr',
      'year:2024',
      'year:2026',
    ]);
  });

  it('take a pillar from an indicator, and never a year from last_verified', () => {
    const record = { title: { en: 'Cybercrime law' }, source_url: 'https://example.org/law', last_verified: '2025-01-01', indicators: ['legal-cybercrime'], country: 'MU', kinds: ['cybercrime-substantive'] };
    expect(recordFacets('legislation', record).map(({ facet, value }) => `${facet}:${value}`)).toEqual(['type:legislation', 'country:MU', 'region:002', 'region:202', 'pillar:legal', 'language:en']);
  });

  it('give every type at least its type, a pillar and a language', () => {
    for (const type of RECORD_TYPES) {
      const facets = new Set(recordFacets(type, EXAMPLE_RECORDS[type]).map((f) => f.facet));
      expect([...facets].filter((f) => ['type', 'pillar', 'language'].includes(f)), type).toEqual(['type', 'pillar', 'language']);
    }
  });

  it('list the languages of every text of the record', () => {
    expect(recordLanguages('cirt', EXAMPLE_RECORDS.cirt)).toEqual(['en', 'ru']);
    expect(recordLanguages('agreement', EXAMPLE_RECORDS.agreement)).toEqual(['zh', 'en']);
  });
});

describe('the search terms of a record', () => {
  it('come from its texts in every language and from its plain fields, each text on its own', () => {
    const terms = recordTerms('standard', EXAMPLE_RECORDS.standard);
    expect(terms).toEqual(expect.arrayContaining(['iso', 'iec', '27001', '2022', 'information']));
    const cirt = recordTerms('cirt', EXAMPLE_RECORDS.cirt);
    expect(cirt).toEqual(expect.arrayContaining(['first']));
    expect(cirt).not.toContain('https');
    // Two Chinese texts side by side make no bigram across them.
    const record = { title: { zh: '网络' }, summary: { zh: '安全' }, source_url: 'https://example.org/x', body: 'ITU', identifier: 'X.1' };
    expect(recordTerms('standard', record)).not.toContain('络安');
  });
});

describe('duplicate keys', () => {
  it('match titles that differ in case, accents and articles, for the same type and country', () => {
    const a = duplicateKeys('strategy', { title: { fr: 'Stratégie nationale de cybersécurité' }, source_url: 'https://a.example.org', country: 'TN' });
    const b = duplicateKeys('strategy', { title: { en: 'National Strategy', fr: 'STRATEGIES NATIONALES DE LA CYBERSECURITE' }, source_url: 'https://b.example.org', country: 'TN' });
    const shared = a.filter((k) => b.some((l) => l.key === k.key));
    expect(shared.map((k) => k.reason)).toEqual(['title']);
    const otherCountry = duplicateKeys('strategy', { title: { fr: 'Stratégie nationale de cybersécurité' }, source_url: 'https://c.example.org', country: 'MA' });
    expect(otherCountry.some((k) => a.some((l) => l.key === k.key))).toBe(false);
  });

  it('match the same source address written differently, whatever the type', () => {
    const a = duplicateKeys('resource', { title: { en: 'A' }, source_url: 'https://www.example.org/guide/?b=2&a=1#top', kind: 'guide' });
    const b = duplicateKeys('standard', { title: { en: 'B' }, source_url: 'http://EXAMPLE.org/guide?a=1&b=2&utm_source=mail', body: 'X', identifier: 'Y' });
    expect(a.filter((k) => b.some((l) => l.key === k.key)).map((k) => k.reason)).toEqual(['source_url']);
  });

  it('normalise source addresses', () => {
    expect(normaliseSourceUrl('HTTPS://www.Example.org/strategy/?b=2&utm_source=x&a=1#top')).toBe('example.org/strategy?a=1&b=2');
    expect(normaliseSourceUrl('https://example.org:8443/Path/')).toBe('example.org:8443/Path');
    expect(normaliseSourceUrl('https://example.org:443/')).toBe('example.org');
    expect(normaliseSourceUrl(' not a url ')).toBe('not a url');
  });
});
