import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswers, DEFAULT_TIERS, score, scoreAll, scoringModel, tierOf, type Answers } from './scoring.ts';
import { smallFramework } from './testing/small-framework.ts';

const model = scoringModel(smallFramework());
const LEVELS = ['nonexistent', 'partial', 'in-place'] as const;
const QUESTIONS = ['q1', 'q2', 'q3', 'q4'] as const;
const answersArbitrary = fc.record(Object.fromEntries(QUESTIONS.map((q) => [q, fc.constantFrom(...LEVELS)])), { requiredKeys: [] }) as fc.Arbitrary<Answers>;

describe('score', () => {
  it('computes each pillar as 100 / pillars × Σ(weight × credit) / Σ(weight) over the questions that apply', () => {
    // legal: q1 in place (2 × 1), q2 partial (1 × 0.5) → 50 × 2.5 / 3; technical: q3 nothing (1 × 0), q4 in place (3 × 1) → 50 × 3 / 4.
    const result = score(model, { q1: 'in-place', q2: 'partial', q3: 'nonexistent', q4: 'in-place' });
    expect(result.pillars.legal).toBeCloseTo((50 * 2.5) / 3, 10);
    expect(result.pillars.technical).toBeCloseTo(37.5, 10);
    expect(result.overall).toBeCloseTo((50 * 2.5) / 3 + 37.5, 10);
    expect(result.tier).toBe('establishing');
  });

  it('leaves out a question its parent’s answer closes, and counts an unanswered question that applies as nothing', () => {
    // q1 nonexistent closes q2: legal is q1 alone, 0. q3 unanswered counts 0 of weight 1.
    const result = score(model, { q1: 'nonexistent', q2: 'in-place', q4: 'in-place' });
    expect(result.pillars.legal).toBe(0);
    expect(result.pillars.technical).toBeCloseTo(37.5, 10);
    // Opened by a partial q1, q2 counts.
    expect(score(model, { q1: 'partial', q2: 'in-place' }).pillars.legal).toBeCloseTo((50 * 2) / 3, 10);
  });

  it('gives 100 for everything in place and 0 for nothing', () => {
    expect(score(model, { q1: 'in-place', q2: 'in-place', q3: 'in-place', q4: 'in-place' }).overall).toBeCloseTo(100, 10);
    expect(score(model, {}).overall).toBe(0);
  });

  it('keeps every pillar within 0 and its share, and the overall score within 0 and 100, whatever the answers', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = score(model, answers);
        for (const value of Object.values(result.pillars)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(50 + 1e-9);
        }
        expect(result.overall).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  it('does not change when every weight is scaled by the same factor', () => {
    fc.assert(
      fc.property(answersArbitrary, fc.double({ min: 0.01, max: 100, noNaN: true }), (answers, factor) => {
        const scaled = new Map(model.questions.map((q) => [q.id, q.weight * factor]));
        expect(score(model, answers, DEFAULT_TIERS, scaled).overall).toBeCloseTo(score(model, answers).overall, 8);
      }),
    );
  });

  it('never falls when an answer of a question no other depends on is raised', () => {
    fc.assert(
      fc.property(answersArbitrary, fc.constantFrom('q2', 'q3', 'q4'), (answers, raised) => {
        const better = { ...answers, [raised]: 'in-place' };
        expect(score(model, better).overall).toBeGreaterThanOrEqual(score(model, answers).overall - 1e-9);
      }),
    );
  });
});

describe('tiers and ranks', () => {
  it('puts a score in the first tier whose cut-off it reaches', () => {
    expect(tierOf(95)).toBe('role-modelling');
    expect(tierOf(94.99)).toBe('advancing');
    expect(tierOf(85)).toBe('advancing');
    expect(tierOf(55)).toBe('establishing');
    expect(tierOf(20)).toBe('evolving');
    expect(tierOf(19.99)).toBe('building');
    expect(tierOf(0)).toBe('building');
    expect(tierOf(50, [{ code: 'high', min: 50 }, { code: 'low', min: 10 }])).toBe('high');
    expect(tierOf(5, [{ code: 'high', min: 50 }, { code: 'low', min: 10 }])).toBe('low');
  });

  it('ranks countries by overall score, highest first, equal scores sharing a rank', () => {
    const ranked = scoreAll(model, { TN: { q1: 'in-place' }, KE: { q1: 'in-place' }, BR: {}, EG: { q1: 'in-place', q3: 'in-place' } });
    expect(ranked.map((r) => [r.country, r.rank])).toEqual([
      ['EG', 1],
      ['KE', 2],
      ['TN', 2],
      ['BR', 4],
    ]);
  });
});

describe('checkAnswers', () => {
  it('names answers to unknown questions, with unknown levels, or to questions their parent closes', () => {
    const problems = checkAnswers(model, { q9: 'in-place', q3: 'maybe', q1: 'nonexistent', q2: 'in-place' }, '$.answers.TN');
    expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual([
      'answer-unknown-question $.answers.TN.q9',
      'answer-unknown-level $.answers.TN.q3',
      'answer-gated-off $.answers.TN.q2',
    ]);
    expect(checkAnswers(model, { q1: 'partial', q2: 'in-place' })).toEqual([]);
  });
});
