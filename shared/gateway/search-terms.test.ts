import { describe, expect, it } from 'vitest';
import { normaliseTitle, queryTerms, termsOf, textMatches, titleSimilarity } from './search-terms.ts';
import { SEARCH_MATRIX as MATRIX } from './testing/search-matrix.ts';

describe('matching: a query finds a text when every query term is among the text’s terms', () => {
  it.each(MATRIX)('%s: «%s» in «%s» → %s (%s)', (_language, query, text, expected) => {
    expect(textMatches(query, text)).toBe(expected);
  });

  it('covers the six languages with rows that must and must not match', () => {
    expect(MATRIX.length).toBeGreaterThanOrEqual(40);
    for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const rows = MATRIX.filter((row) => row[0] === language);
      expect(rows.some((row) => row[3]), language).toBe(true);
      expect(rows.some((row) => !row[3]), language).toBe(true);
    }
  });
});

describe('terms', () => {
  it('reduces the forms of a word in each script to one term', () => {
    expect(termsOf('stratégie stratégies strategy strategies')).toEqual(['strategi']);
    expect(termsOf('стратегия стратегии стратегий стратегиями')).toEqual(['стратег']);
    expect(queryTerms('الوطنية الوطني وطنية')).toEqual(['وطن']);
    // A text also indexes a word without a first letter that may be a prefix (و ف ب ك ل).
    expect(termsOf('وطنية')).toEqual(['وطن', 'طني']);
    expect(termsOf('Straße STRASSE')).toEqual(['strass']);
  });

  it('gives Han runs as bigrams and one-character words', () => {
    expect(termsOf('国家网络安全战略')).toEqual(['国家', '家网', '网络', '络安', '安全', '全战', '战略']);
    expect(queryTerms('网络安全')).toEqual(['网络', '络安', '安全']);
    expect(queryTerms('法')).toEqual(['法']);
  });

  it('keeps numbers, splits at punctuation, and treats NFKC variants alike', () => {
    expect(termsOf('ISO/IEC 27001:2022, v2.0')).toEqual(['iso', 'iec', '27001', '2022', 'v2', '0']);
    expect(termsOf('ＩＳＯ　２７００１')).toEqual(['iso', '27001']);
    expect(termsOf('ﻻ')).toEqual(termsOf('لا'));
  });

  it('leaves stop words out of a query unless it has nothing else, and keeps them in texts', () => {
    expect(queryTerms('la stratégie de la France')).toEqual(['strategi', 'franc']);
    expect(queryTerms('de la')).toEqual(['de', 'la']);
    expect(termsOf('de la')).toEqual(['de', 'la']);
    expect(queryTerms('UN AU')).toEqual(['un', 'au']);
    expect(queryTerms('في')).toEqual(['في']);
    expect(queryTerms('的')).toEqual(['的']);
  });

  it('has no terms for a query without letters or digits, and such a query matches nothing', () => {
    expect(queryTerms('')).toEqual([]);
    expect(queryTerms(' — !? 🙂 ')).toEqual([]);
    expect(textMatches('', 'anything')).toBe(false);
  });

  it('gives other scripts as lower-cased words', () => {
    expect(termsOf('Κυβερνοασφάλεια サイバーセキュリティ')).toEqual(['κυβερνοασφάλεια', 'サイバーセキュリティ']);
  });

  it('cuts a very long word to the longest term', () => {
    const [term] = termsOf('x'.repeat(1000));
    expect(term).toHaveLength(64);
  });
});

describe('titles', () => {
  it('gives the same normalised title to spellings of one title', () => {
    const key = normaliseTitle('Stratégie nationale de cybersécurité');
    expect(key).toBe('cybersecurit national strategi');
    expect(normaliseTitle('STRATEGIES NATIONALES DE LA CYBERSECURITE')).toBe(key);
    expect(normaliseTitle('Cybersécurité : la stratégie nationale')).toBe(key);
    expect(normaliseTitle('الاستراتيجية الوطنية للأمن السيبراني')).toBe(normaliseTitle('استراتيجية وطنية للامن السيبرانى'));
    expect(normaliseTitle('国家网络安全战略')).toBe(normaliseTitle('国家网络安全战略。'));
    expect(normaliseTitle('National Cybersecurity Strategy')).not.toBe(normaliseTitle('National Cybersecurity Act'));
  });

  it('measures how alike two titles are', () => {
    expect(titleSimilarity('National Cybersecurity Strategy', 'national cybersecurity strategies')).toBe(1);
    expect(titleSimilarity('National Cybersecurity Strategy', 'National Cybersecurity Act')).toBeCloseTo(2 / 4);
    expect(titleSimilarity('National Cybersecurity Strategy', '国家网络安全战略')).toBe(0);
  });
});
