/**
 * Scores of one country's answers to a framework, as the GCI computes them: a pillar scores
 * `pillarMax × Σ(weight × credit) / Σ(weight)` over the questions that apply, credits taken relative to the
 * scale's highest credit (`pillarMax` is 100 / the number of pillars: 20 for the five GCA pillars), and the
 * overall score is the sum of the pillars (0–100). A question applies unless it depends on a question whose
 * answer does not open it (`gateLevels`); one that applies and is unanswered earns nothing. A tier is the
 * first whose cut-off the overall score reaches.
 */
import { maxCredit, questionsOf, type Framework, type PlacedQuestion } from './framework.ts';
import type { AssessmentProblem } from './framework-validation.ts';

/** A country's answers: question id → answer level code. */
export type Answers = Readonly<Record<string, string>>;

export interface Tier {
  code: string;
  /** The lowest overall score in this tier. */
  min: number;
}

/** The GCI's five tiers, highest first. */
export const DEFAULT_TIERS: readonly Tier[] = [
  { code: 'role-modelling', min: 95 },
  { code: 'advancing', min: 85 },
  { code: 'establishing', min: 55 },
  { code: 'evolving', min: 20 },
  { code: 'building', min: 0 },
];

export interface Score {
  pillars: Record<string, number>;
  overall: number;
  tier: string;
}

/** A framework prepared once for scoring many countries: questions in order, credits by level. */
export interface ScoringModel {
  framework: Framework;
  questions: PlacedQuestion[];
  credits: ReadonlyMap<string, number>;
  best: number;
  pillarMax: number;
}

export function scoringModel(framework: Framework): ScoringModel {
  return {
    framework,
    questions: questionsOf(framework),
    credits: new Map(framework.scale.map((level) => [level.code, level.credit])),
    best: maxCredit(framework),
    pillarMax: 100 / framework.pillars.length,
  };
}

/** Whether a question is asked, given the answers: every question it depends on is answered with a gate level, up the chain. */
export function applies(model: ScoringModel, question: PlacedQuestion, answers: Answers, byId = new Map(model.questions.map((q) => [q.id, q]))): boolean {
  const gates = model.framework.gateLevels;
  let parent = question.parent;
  const seen = new Set<string>();
  while (parent !== undefined && !seen.has(parent)) {
    seen.add(parent);
    const answer = answers[parent];
    if (answer === undefined || !gates.includes(answer)) return false;
    parent = byId.get(parent)?.parent;
  }
  return true;
}

/** A function giving the tier of an overall score under `tiers` (the lowest tier when none is reached). */
export function tierFinder(tiers: readonly Tier[] = DEFAULT_TIERS): (overall: number) => string {
  const sorted = [...tiers].sort((a, b) => b.min - a.min);
  const lowest = sorted[sorted.length - 1]!.code;
  return (overall) => (sorted.find((tier) => overall >= tier.min) ?? { code: lowest }).code;
}

/** The tier of an overall score under `tiers`. */
export function tierOf(overall: number, tiers: readonly Tier[] = DEFAULT_TIERS): string {
  return tierFinder(tiers)(overall);
}

/** Rounds a score for publication: two decimals, as the GCI publishes them. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** One country's scores. `weights` overrides the framework's question weights (the sensitivity analysis uses it). */
export function score(model: ScoringModel, answers: Answers, tiers: readonly Tier[] = DEFAULT_TIERS, weights?: ReadonlyMap<string, number>): Score {
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  const earned = new Map<string, number>();
  const possible = new Map<string, number>();
  for (const pillar of model.framework.pillars) {
    earned.set(pillar.id, 0);
    possible.set(pillar.id, 0);
  }
  for (const question of model.questions) {
    if (!applies(model, question, answers, byId)) continue;
    const weight = weights?.get(question.id) ?? question.weight;
    const answer = answers[question.id];
    const credit = answer === undefined ? 0 : (model.credits.get(answer) ?? 0) / model.best;
    earned.set(question.pillar, earned.get(question.pillar)! + weight * credit);
    possible.set(question.pillar, possible.get(question.pillar)! + weight);
  }
  const pillars: Record<string, number> = {};
  let overall = 0;
  for (const pillar of model.framework.pillars) {
    const total = possible.get(pillar.id)!;
    const value = total > 0 ? (model.pillarMax * earned.get(pillar.id)!) / total : 0;
    pillars[pillar.id] = value;
    overall += value;
  }
  return { pillars, overall, tier: tierOf(overall, tiers) };
}

/** Answers that do not fit the framework: unknown questions, unknown levels, questions their parent's answer closes. */
export function checkAnswers(model: ScoringModel, answers: Answers, path = '$'): AssessmentProblem[] {
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  const problems: AssessmentProblem[] = [];
  for (const [id, level] of Object.entries(answers)) {
    const where = `${path}.${id}`;
    const question = byId.get(id);
    if (!question) problems.push({ rule: 'answer-unknown-question', path: where, message: `there is no question "${id}" in framework ${model.framework.id}` });
    else if (!model.credits.has(level)) problems.push({ rule: 'answer-unknown-level', path: where, message: `"${level}" is not a level of the answer scale (${[...model.credits.keys()].join(', ')})` });
    else if (!applies(model, question, answers, byId)) problems.push({ rule: 'answer-gated-off', path: where, message: `question "${id}" is not asked: its parent "${question.parent}" is not answered with ${model.framework.gateLevels.join(' or ')}` });
  }
  return problems;
}

export interface RankedScore extends Score {
  country: string;
  /** 1 for the highest overall score; equal scores share a rank. */
  rank: number;
}

/** Countries ranked by overall score, highest first (then by code); equal scores share the better rank. */
export function rankByOverall<T extends { country: string; overall: number }>(entries: readonly T[]): (T & { rank: number })[] {
  const sorted = [...entries].sort((a, b) => b.overall - a.overall || (a.country < b.country ? -1 : 1));
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || entry.overall < sorted[i - 1]!.overall) rank = i + 1;
    return { ...entry, rank };
  });
}

/** Every country's scores, ranked by overall score (ties share the better rank), highest first. */
export function scoreAll(model: ScoringModel, answersByCountry: Readonly<Record<string, Answers>>, tiers: readonly Tier[] = DEFAULT_TIERS): RankedScore[] {
  return rankByOverall(Object.entries(answersByCountry).map(([country, answers]) => ({ country, ...score(model, answers, tiers) })));
}
