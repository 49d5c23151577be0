import { describe, expect, it } from 'vitest';
import { countryPath, formatChange, formatScore, maxOf, pillarsOf, resultsPath, scoreOf } from './measures.ts';

describe('measures', () => {
  it('lists the pillars some row gives, in the GCA order, others after by id', () => {
    expect(pillarsOf([{ pillars: { technical: 1, legal: 2 } }, { pillars: { cooperation: 3, zeta: 1, alpha: 2 } }])).toEqual(['legal', 'technical', 'cooperation', 'alpha', 'zeta']);
    expect(pillarsOf([])).toEqual([]);
  });

  it('reads a score and its maximum', () => {
    const row = { overall: 86.5063381552001, pillars: { legal: 20 } };
    expect(scoreOf(row, 'overall')).toBe(86.5063381552001);
    expect(scoreOf(row, 'legal')).toBe(20);
    expect(scoreOf(row, 'technical')).toBeUndefined();
    expect([maxOf('overall'), maxOf('legal'), maxOf('x', 4)]).toEqual([100, 20, 25]);
  });

  it('writes scores with two decimals at most, in the reader’s language, changes signed', () => {
    expect(formatScore('en', 86.5063381552001)).toBe('86.51');
    expect(formatScore('fr', 86.5063381552001)).toBe('86,51');
    expect(formatScore('ar', 100)).toBe('100');
    expect(formatChange('en', 13.2186)).toBe('+13.22');
    expect(formatChange('en', -1.5)).toBe('-1.5');
    expect(formatChange('en', 0)).toBe('0');
  });

  it('builds the pages’ addresses, names encoded', () => {
    expect(resultsPath('GCI 2024')).toBe('/assessment/editions/GCI%202024');
    expect(resultsPath('GCI 2024', 'overall')).toBe('/assessment/editions/GCI%202024');
    expect(resultsPath('GCI 2024', 'legal')).toBe('/assessment/editions/GCI%202024?measure=legal');
    expect(countryPath('TN', 'GCI 2020')).toBe('/assessment/countries/TN?edition=GCI%202020');
  });
});
