import { describe, expect, it } from 'vitest';
import { aggregateRegions, m49Scheme, statistics } from './regions.ts';

describe('regional aggregates', () => {
  it('computes mean, median, minimum and maximum', () => {
    expect(statistics([4, 1, 3])).toEqual({ count: 3, mean: 8 / 3, median: 3, min: 1, max: 4 });
    expect(statistics([1, 2, 3, 10])!.median).toBe(2.5);
    expect(statistics([])).toBeUndefined();
  });

  it('groups countries by UN M49 region and sub-region', () => {
    const scheme = m49Scheme();
    expect(scheme.get('002')).toContain('TN');
    expect(scheme.get('015')).toEqual(expect.arrayContaining(['TN', 'EG', 'DZ', 'MA']));
    expect(scheme.get('145')).toContain('AE');
    expect(scheme.get('150')).not.toContain('TN');
  });

  it('aggregates each region over the countries that have a score, leaving out empty regions', () => {
    const results: { country: string; overall: number; pillars: Record<string, number> }[] = [
      { country: 'TN', overall: 80, pillars: { legal: 20, technical: 10 } },
      { country: 'EG', overall: 100, pillars: { legal: 20 } },
      { country: 'KE', overall: 60, pillars: { legal: 10, technical: 14 } },
    ];
    const regions = aggregateRegions(results, new Map([['north', ['TN', 'EG', 'DZ']], ['east', ['KE']], ['none', ['FR']]]));
    expect(regions.map((r) => r.region)).toEqual(['east', 'north']);
    const north = regions.find((r) => r.region === 'north')!;
    expect(north.countries).toBe(2);
    expect(north.overall).toEqual({ count: 2, mean: 90, median: 90, min: 80, max: 100 });
    expect(north.pillars.technical).toEqual({ count: 1, mean: 10, median: 10, min: 10, max: 10 });
  });
});
