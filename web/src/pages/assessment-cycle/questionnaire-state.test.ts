import { describe, expect, it } from 'vitest';
import { scoringModel } from '../../../../shared/assessment/scoring.ts';
import { question, smallFramework } from '../../../../shared/assessment/testing/small-framework.ts';
import type { Answer, AnswerStatus } from '../../api/cycle-types.ts';
import {
  answersFor,
  awaitingReview,
  closedBy,
  isChanged,
  isEditable,
  progressByPillar,
  savedLevels,
  shownLevels,
  shownQuestions,
  toSubmit,
  totalProgress,
} from './questionnaire-state.ts';

/** The small framework with a grandchild: q5 is asked when q2 (itself asked when q1 opens it) opens it. */
function chainedModel() {
  const framework = smallFramework();
  const legal = framework.pillars[0]!;
  const law = legal.indicators[0]!;
  const chained = { ...framework, pillars: [{ ...legal, indicators: [{ ...law, questions: [...law.questions!, question('q5', '1.1.3', 1, 'q2')] }] }, framework.pillars[1]!] };
  return scoringModel(chained);
}

const answer = (question: string, level: string | null, status: AnswerStatus = 'draft'): Answer => ({
  question,
  level,
  comment: null,
  status,
  revision: 1,
  review: null,
  updated_at: '2025-01-01T00:00:00Z',
  updated_by: { id: 'u', name: 'u' },
});

describe('progress per pillar', () => {
  const model = chainedModel();

  it('counts only the questions that apply: children of an unanswered parent are not asked', () => {
    expect(progressByPillar(model, {})).toEqual([
      { pillar: 'legal', answered: 0, applicable: 1 },
      { pillar: 'technical', answered: 0, applicable: 2 },
    ]);
  });

  it('opens a child when its parent is in place or partial, and closes it again on "nonexistent"', () => {
    expect(progressByPillar(model, { q1: 'partial' })[0]).toEqual({ pillar: 'legal', answered: 1, applicable: 2 });
    expect(progressByPillar(model, { q1: 'in-place', q2: 'in-place' })[0]).toEqual({ pillar: 'legal', answered: 2, applicable: 3 });
    // The child's answer stays stored but no longer counts, nor does its own child.
    expect(progressByPillar(model, { q1: 'nonexistent', q2: 'in-place', q5: 'partial' })[0]).toEqual({ pillar: 'legal', answered: 1, applicable: 1 });
  });

  it('adds up the pillars', () => {
    const progress = progressByPillar(model, { q1: 'in-place', q3: 'partial' });
    expect(totalProgress(progress)).toEqual({ answered: 2, applicable: 4 });
  });

  it('shows the questions in framework order as the levels open them', () => {
    expect(shownQuestions(model, { q1: 'in-place', q2: 'nonexistent' }).map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });
});

describe('levels shown', () => {
  it('puts the drafts over the saved levels; a cleared draft removes the level', () => {
    const saved = savedLevels([answer('q1', 'partial'), answer('q3', null)]);
    expect(saved).toEqual({ q1: 'partial' });
    expect(shownLevels(saved, { q1: { level: null, comment: '' }, q2: { level: 'in-place', comment: '' } })).toEqual({ q2: 'in-place' });
  });

  it('names the question whose saved answer still closes a child opened by an unsaved choice', () => {
    const model = chainedModel();
    const q5 = model.questions.find((q) => q.id === 'q5')!;
    expect(closedBy(model, q5, { q1: 'in-place' })?.id).toBe('q2');
    expect(closedBy(model, q5, { q2: 'in-place' })?.id).toBe('q1');
    expect(closedBy(model, q5, { q1: 'partial', q2: 'in-place' })).toBeUndefined();
    expect(closedBy(model, model.questions[0]!, {})).toBeUndefined();
  });
});

describe('which answers may change', () => {
  it('lets the answering side change an absent, draft or returned answer while the edition is open', () => {
    expect(isEditable(undefined, 'open', true)).toBe(true);
    expect(isEditable({ status: 'draft' }, 'open', true)).toBe(true);
    expect(isEditable({ status: 'clarification' }, 'open', true)).toBe(true);
  });

  it('locks answers with the reviewer or decided, answers of a closed edition, and anyone who does not answer', () => {
    for (const status of ['submitted', 'accepted', 'adjusted'] as const) expect(isEditable({ status }, 'open', true), status).toBe(false);
    expect(isEditable({ status: 'draft' }, 'finalised', true)).toBe(false);
    expect(isEditable({ status: 'draft' }, 'published', true)).toBe(false);
    expect(isEditable(undefined, 'open', false)).toBe(false);
  });

  it('has the focal point answer for its country, and the team for a country assessed from public evidence', () => {
    const invited = { participant: { basis: 'self-assessment', focal_point: { id: 'fp', name: 'fp' } } } as Parameters<typeof answersFor>[0];
    expect(answersFor(invited, 'fp', false)).toBe(true);
    expect(answersFor(invited, 'team', true)).toBe(false);
    const fromEvidence = { participant: { basis: 'public-evidence', focal_point: null } } as Parameters<typeof answersFor>[0];
    expect(answersFor(fromEvidence, 'team', true)).toBe(true);
    expect(answersFor(fromEvidence, 'fp', false)).toBe(false);
  });

  it('tells a draft that changes something from one that does not', () => {
    const saved = answer('q1', 'partial');
    expect(isChanged(undefined, saved)).toBe(false);
    expect(isChanged({ level: 'partial', comment: '' }, saved)).toBe(false);
    expect(isChanged({ level: 'partial', comment: '  ' }, saved)).toBe(false);
    expect(isChanged({ level: 'in-place', comment: '' }, saved)).toBe(true);
    expect(isChanged({ level: 'partial', comment: 'see the law' }, saved)).toBe(true);
    expect(isChanged({ level: 'partial', comment: '' }, undefined)).toBe(true);
  });
});

describe('submission and review', () => {
  const answers = [answer('q1', 'in-place', 'draft'), answer('q2', 'partial', 'submitted'), answer('q3', 'nonexistent', 'accepted'), answer('q4', 'partial', 'draft')];

  it('submits every draft, and nothing already with the reviewer or decided', () => {
    expect(toSubmit(answers).map((a) => a.question)).toEqual(['q1', 'q4']);
    expect(toSubmit([answer('q1', 'in-place', 'clarification')])).toEqual([]);
  });

  it('lists the submitted answers for review in framework order', () => {
    const model = scoringModel(smallFramework());
    const byQuestion = new Map(answers.map((a) => [a.question, a]));
    expect(awaitingReview(model, byQuestion).map((q) => q.id)).toEqual(['q2']);
    byQuestion.set('q4', answer('q4', 'partial', 'submitted'));
    expect(awaitingReview(model, byQuestion).map((q) => q.id)).toEqual(['q2', 'q4']);
  });
});
