/**
 * A country's strengths and areas for growth in one edition: the pillars at 75 % of their maximum or more, and
 * those below half of it (the rest is neither). Strengths are listed strongest first, areas for growth weakest
 * first, each pillar with its score and its share of the maximum.
 */
import type { PillarScores } from '../../../api/assessment.ts';

export const STRENGTH_SHARE = 0.75;
export const GROWTH_SHARE = 0.5;

export interface PillarShare {
  pillar: string;
  score: number;
  /** score / max, 0 to 1. */
  share: number;
}

export function splitPillars(pillars: PillarScores, order: readonly string[], max: number): { strengths: PillarShare[]; growth: PillarShare[] } {
  const shares = order.flatMap((pillar) => (pillars[pillar] === undefined ? [] : [{ pillar, score: pillars[pillar]!, share: pillars[pillar]! / max }]));
  return {
    strengths: shares.filter((p) => p.share >= STRENGTH_SHARE).sort((a, b) => b.share - a.share),
    growth: shares.filter((p) => p.share < GROWTH_SHARE).sort((a, b) => a.share - b.share),
  };
}
