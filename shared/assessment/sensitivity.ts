/**
 * How much a ranking depends on its weights: every question's weight is multiplied by a factor drawn
 * uniformly from [1 − spread, 1 + spread], independently, `draws` times, and each country is scored again.
 * For each country: the share of draws that keep the tier it has under the published weights, and the 5th and
 * 95th percentiles of its rank. Deterministic for a seed. Built for 194 countries × 100 questions × 10,000 draws:
 * the answers are reduced once to a credit per (country, question) and an applicability mask, so a draw is one
 * pass of multiply-adds per country.
 */
import { SeededRandom } from '../synthetic/random.ts';
import { applies, DEFAULT_TIERS, scoreAll, tierFinder, type Answers, type ScoringModel, type Tier } from './scoring.ts';

export interface SensitivityOptions {
  draws: number;
  /** 0.25 for ±25 %. */
  spread: number;
  seed?: number;
  tiers?: readonly Tier[];
}

export interface CountrySensitivity {
  country: string;
  tier: string;
  rank: number;
  /** Share of draws (0–1) in which the country keeps `tier`. */
  tierKept: number;
  rankP5: number;
  rankP95: number;
}

/** The value at quantile `q` (0–1) of sorted numbers, nearest rank. */
function quantile(sorted: Int32Array, q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

export function sensitivity(model: ScoringModel, answersByCountry: Readonly<Record<string, Answers>>, options: SensitivityOptions): CountrySensitivity[] {
  const tiers = options.tiers ?? DEFAULT_TIERS;
  const tierOf = tierFinder(tiers);
  const base = scoreAll(model, answersByCountry, tiers);
  const countries = base.map((entry) => entry.country);
  const questions = model.questions;
  const pillarIndex = new Map(model.framework.pillars.map((pillar, i) => [pillar.id, i]));
  const pillarOf = Int32Array.from(questions, (q) => pillarIndex.get(q.pillar)!);
  const nq = questions.length;
  const np = model.framework.pillars.length;
  // credit[c * nq + q]: relative credit, or -1 where the question does not apply to that country.
  const credit = new Float64Array(countries.length * nq);
  const byId = new Map(questions.map((q) => [q.id, q]));
  countries.forEach((country, c) => {
    const answers = answersByCountry[country]!;
    questions.forEach((question, q) => {
      const answer = answers[question.id];
      credit[c * nq + q] = !applies(model, question, answers, byId) ? -1 : answer === undefined ? 0 : (model.credits.get(answer) ?? 0) / model.best;
    });
  });

  const random = new SeededRandom(options.seed ?? 1);
  const weights = new Float64Array(nq);
  const earned = new Float64Array(np);
  const possible = new Float64Array(np);
  const overall = new Float64Array(countries.length);
  const order = Array.from(countries, (_, i) => i);
  const ranks = countries.map(() => new Int32Array(options.draws));
  const kept = new Int32Array(countries.length);
  for (let draw = 0; draw < options.draws; draw++) {
    for (let q = 0; q < nq; q++) weights[q] = questions[q]!.weight * (1 - options.spread + 2 * options.spread * random.next());
    for (let c = 0; c < countries.length; c++) {
      earned.fill(0);
      possible.fill(0);
      const row = c * nq;
      for (let q = 0; q < nq; q++) {
        const value = credit[row + q]!;
        if (value < 0) continue;
        const p = pillarOf[q]!;
        earned[p] = earned[p]! + weights[q]! * value;
        possible[p] = possible[p]! + weights[q]!;
      }
      let total = 0;
      for (let p = 0; p < np; p++) if (possible[p]! > 0) total += (model.pillarMax * earned[p]!) / possible[p]!;
      overall[c] = total;
      if (tierOf(total) === base[c]!.tier) kept[c] = kept[c]! + 1;
    }
    order.sort((a, b) => overall[b]! - overall[a]!);
    let rank = 0;
    for (let i = 0; i < order.length; i++) {
      if (i === 0 || overall[order[i]!]! < overall[order[i - 1]!]!) rank = i + 1;
      ranks[order[i]!]![draw] = rank;
    }
  }
  return base.map((entry, c) => {
    const sorted = ranks[c]!.sort();
    return {
      country: entry.country,
      tier: entry.tier,
      rank: entry.rank,
      tierKept: options.draws ? kept[c]! / options.draws : 1,
      rankP5: options.draws ? quantile(sorted, 0.05) : entry.rank,
      rankP95: options.draws ? quantile(sorted, 0.95) : entry.rank,
    };
  });
}
