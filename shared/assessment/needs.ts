/**
 * What a country lacks, ranked: every question that applies and is not fully in place is a need, weighing
 * `weight × missing credit` (missing credit relative to the scale's best), with the pillar and indicator it
 * comes from so that assistance can be matched to it. Over a region, the same summed across its countries:
 * what most of the region lacks comes first.
 */
import { applies, type Answers, type ScoringModel } from './scoring.ts';

export interface Need {
  question: string;
  number: string;
  pillar: string;
  indicator: string;
  /** weight × (1 − credit / best credit). */
  priority: number;
}

/** One country's needs, highest priority first (framework order among equals). */
export function needsOf(model: ScoringModel, answers: Answers): Need[] {
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  const needs: Need[] = [];
  for (const question of model.questions) {
    if (!applies(model, question, answers, byId)) continue;
    const answer = answers[question.id];
    const credit = answer === undefined ? 0 : (model.credits.get(answer) ?? 0) / model.best;
    const priority = question.weight * (1 - credit);
    if (priority > 0) needs.push({ question: question.id, number: question.number, pillar: question.pillar, indicator: question.indicator, priority });
  }
  return needs.sort((a, b) => b.priority - a.priority);
}

export interface RegionalNeed extends Need {
  /** Countries of the region with this need. */
  countries: number;
}

/** A region's needs: each question's priority summed over the region's countries, highest first. */
export function regionalNeeds(model: ScoringModel, answersByCountry: Readonly<Record<string, Answers>>, countries: readonly string[]): RegionalNeed[] {
  const summed = new Map<string, RegionalNeed>();
  for (const country of countries) {
    const answers = answersByCountry[country];
    if (!answers) continue;
    for (const need of needsOf(model, answers)) {
      const entry = summed.get(need.question);
      if (entry) {
        entry.priority += need.priority;
        entry.countries++;
      } else summed.set(need.question, { ...need, countries: 1 });
    }
  }
  return [...summed.values()].sort((a, b) => b.priority - a.priority || b.countries - a.countries);
}

export interface IndicatorShare {
  pillar: string;
  indicator: string;
  /** Σ(weight × credit / best) / Σ(weight) over the indicator's questions that apply: 0 … 1. */
  share: number;
}

/** How far each indicator is in place (indicators with no question that applies are left out), in framework order. */
export function indicatorShares(model: ScoringModel, answers: Answers): IndicatorShare[] {
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  const sums = new Map<string, { pillar: string; indicator: string; earned: number; possible: number }>();
  for (const question of model.questions) {
    if (!applies(model, question, answers, byId)) continue;
    const answer = answers[question.id];
    const credit = answer === undefined ? 0 : (model.credits.get(answer) ?? 0) / model.best;
    const entry = sums.get(question.indicator) ?? { pillar: question.pillar, indicator: question.indicator, earned: 0, possible: 0 };
    entry.earned += question.weight * credit;
    entry.possible += question.weight;
    sums.set(question.indicator, entry);
  }
  return [...sums.values()].filter((s) => s.possible > 0).map((s) => ({ pillar: s.pillar, indicator: s.indicator, share: s.earned / s.possible }));
}
