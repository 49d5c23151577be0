import { describe, expect, it } from 'vitest';
import { indicatorShares, needsOf, regionalNeeds } from './needs.ts';
import { scoringModel } from './scoring.ts';
import { smallFramework } from './testing/small-framework.ts';

const model = scoringModel(smallFramework());

describe('needs', () => {
  it('ranks every question that applies and is not fully in place by weight × missing credit', () => {
    // q1 partial (2 × 0.5 = 1), q2 opened by it and unanswered (1 × 1), q3 in place (none), q4 nonexistent (3 × 1).
    const needs = needsOf(model, { q1: 'partial', q3: 'in-place', q4: 'nonexistent' });
    expect(needs.map((n) => [n.question, n.priority, n.indicator])).toEqual([
      ['q4', 3, 'cirt'],
      ['q1', 1, 'law'],
      ['q2', 1, 'law'],
    ]);
  });

  it('leaves out a question its parent closes', () => {
    expect(needsOf(model, { q1: 'nonexistent', q3: 'in-place', q4: 'in-place' }).map((n) => n.question)).toEqual(['q1']);
  });

  it('sums a region’s needs over its countries, most shared first', () => {
    const needs = regionalNeeds(model, { TN: { q1: 'in-place', q2: 'in-place', q3: 'nonexistent', q4: 'in-place' }, EG: { q1: 'in-place', q2: 'partial', q3: 'nonexistent', q4: 'in-place' } }, ['TN', 'EG', 'KE']);
    expect(needs.map((n) => [n.question, n.priority, n.countries])).toEqual([
      ['q3', 2, 2],
      ['q2', 0.5, 1],
    ]);
  });
});

describe('indicatorShares', () => {
  it('gives how far each indicator is in place over the questions that apply', () => {
    // law: q1 in place (2 × 1), q2 partial (1 × 0.5) → 2.5 / 3; cirt: q3 nonexistent (1 × 0), q4 in place (3 × 1) → 3 / 4.
    expect(indicatorShares(model, { q1: 'in-place', q2: 'partial', q3: 'nonexistent', q4: 'in-place' })).toEqual([
      { pillar: 'legal', indicator: 'law', share: 2.5 / 3 },
      { pillar: 'technical', indicator: 'cirt', share: 0.75 },
    ]);
  });

  it('counts a closed child for nothing, and an unanswered question as not in place', () => {
    expect(indicatorShares(model, { q1: 'nonexistent' })).toEqual([
      { pillar: 'legal', indicator: 'law', share: 0 },
      { pillar: 'technical', indicator: 'cirt', share: 0 },
    ]);
  });
});
