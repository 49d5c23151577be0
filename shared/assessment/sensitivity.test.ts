import { describe, expect, it } from 'vitest';
import { needsOf, regionalNeeds } from './needs.ts';
import { scoringModel } from './scoring.ts';
import { sensitivity } from './sensitivity.ts';
import { smallFramework } from './testing/small-framework.ts';

const model = scoringModel(smallFramework());
const answers = {
  TN: { q1: 'in-place', q2: 'in-place', q3: 'in-place', q4: 'in-place' },
  KE: { q1: 'in-place', q2: 'partial', q3: 'nonexistent', q4: 'in-place' },
  BR: { q1: 'partial', q3: 'in-place', q4: 'partial' },
  EG: {},
  // 50 + 37.5 = 87.5, advancing; with the technical weights moved, 82.1 to 91.7 either side of 85.
  MA: { q1: 'in-place', q2: 'in-place', q3: 'nonexistent', q4: 'in-place' },
};

describe('sensitivity', () => {
  it('keeps every tier and rank when the weights do not move', () => {
    for (const entry of sensitivity(model, answers, { draws: 50, spread: 0 })) {
      expect(entry.tierKept).toBe(1);
      expect([entry.rankP5, entry.rankP95]).toEqual([entry.rank, entry.rank]);
    }
  });

  it('shows which countries sit near a tier boundary when the weights move, the same for the same seed', () => {
    const first = sensitivity(model, answers, { draws: 2_000, spread: 0.25, seed: 7 });
    expect(sensitivity(model, answers, { draws: 2_000, spread: 0.25, seed: 7 })).toEqual(first);
    const byCountry = Object.fromEntries(first.map((entry) => [entry.country, entry]));
    // Everything in place or nothing at all: no weight can move these.
    expect(byCountry.TN!.tierKept).toBe(1);
    expect(byCountry.EG!.tierKept).toBe(1);
    // MA sits near the cut-off of 85: some draws take it below.
    expect(byCountry.MA!.tier).toBe('advancing');
    expect(byCountry.MA!.tierKept).toBeGreaterThan(0.3);
    expect(byCountry.MA!.tierKept).toBeLessThan(0.95);
    for (const entry of first) expect(entry.rankP5).toBeLessThanOrEqual(entry.rankP95);
  });
});

describe('needs', () => {
  it('ranks what a country lacks by weight × missing credit, leaving out what is in place or not asked', () => {
    const needs = needsOf(model, answers.BR);
    // q4: 3 × 0.5 = 1.5; q1: 2 × 0.5 = 1; q2 applies (q1 partial) and is unanswered: 1 × 1; q3 in place: none.
    expect(needs.map((n) => [n.question, n.priority])).toEqual([
      ['q4', 1.5],
      ['q1', 1],
      ['q2', 1],
    ]);
    expect(needs[0]).toMatchObject({ pillar: 'technical', indicator: 'cirt', number: '2.1.1.1' });
    expect(needsOf(model, answers.TN)).toEqual([]);
    // Nothing answered: q2 is not asked, since q1 is not in place.
    expect(needsOf(model, answers.EG).map((n) => n.question)).toEqual(['q4', 'q1', 'q3']);
  });

  it('sums a region’s needs over its countries, the most lacking first', () => {
    const region = regionalNeeds(model, answers, ['KE', 'BR', 'EG', 'XX']);
    expect(region[0]).toMatchObject({ question: 'q4', countries: 2, priority: 4.5 });
    expect(region.find((n) => n.question === 'q3')).toMatchObject({ countries: 2, priority: 2 });
  });
});
