import { describe, expect, it } from 'vitest';
import { splitPillars } from './pillar-split.ts';

const ORDER = ['legal', 'technical', 'organisational', 'capacity', 'cooperation'];

describe('strengths and areas for growth', () => {
  it('takes pillars at 75 % of the maximum or more as strengths, below 50 % as areas for growth', () => {
    // Afghanistan in GCI 2024.
    const { strengths, growth } = splitPillars({ legal: 5.812230204081633, technical: 3.294138908524336, organisational: 6.991943059984559, capacity: 2.320334651404788, cooperation: 0 }, ORDER, 20);
    expect(strengths).toEqual([]);
    expect(growth.map((p) => p.pillar)).toEqual(['cooperation', 'capacity', 'technical', 'legal', 'organisational']);
    expect(growth[0]).toEqual({ pillar: 'cooperation', score: 0, share: 0 });
  });

  it('puts the boundaries where they belong: 15 of 20 is a strength, 10 of 20 neither', () => {
    const { strengths, growth } = splitPillars({ legal: 15, technical: 14.99, organisational: 10, capacity: 9.99, cooperation: 20 }, ORDER, 20);
    expect(strengths.map((p) => [p.pillar, p.share])).toEqual([
      ['cooperation', 1],
      ['legal', 0.75],
    ]);
    expect(growth.map((p) => p.pillar)).toEqual(['capacity']);
  });

  it('leaves out pillars the edition does not give', () => {
    const { strengths, growth } = splitPillars({ legal: 20 }, ORDER, 20);
    expect(strengths.map((p) => p.pillar)).toEqual(['legal']);
    expect(growth).toEqual([]);
  });
});
