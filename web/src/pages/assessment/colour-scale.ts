/**
 * The colours of scores on the map, the legend and the pillar charts: five bands from low to high, the
 * overall score's bands being the tiers (building … role-modelling, at the GCI's cut-offs) and a pillar's five
 * equal fifths of its maximum. The palette is viridis (ordered in lightness, readable with the common colour
 * vision deficiencies, distinct from the grey of "no result").
 */
import { DEFAULT_TIERS } from '../../../../shared/assessment/scoring.ts';
import { maxOf, OVERALL, type Measure } from './measures.ts';

/** Low to high. */
export const PALETTE = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] as const;
export const NO_RESULT = '#d4d7db';

export interface Band {
  /** The lowest score in the band; the highest is the next band's `min` (the last band's is `max`, included). */
  min: number;
  max: number;
  colour: string;
  /** The tier the band stands for (overall score only). */
  tier?: string;
}

/** The bands of a measure, low to high. */
export function bandsOf(measure: Measure, pillarCount?: number): Band[] {
  if (measure === OVERALL) {
    const tiers = [...DEFAULT_TIERS].reverse();
    return tiers.map((tier, i) => ({ min: tier.min, max: tiers[i + 1]?.min ?? maxOf(OVERALL), colour: PALETTE[i]!, tier: tier.code }));
  }
  const max = maxOf(measure, pillarCount);
  return PALETTE.map((colour, i) => ({ min: (max * i) / PALETTE.length, max: (max * (i + 1)) / PALETTE.length, colour }));
}

/** The band a score falls in (a score below the first band is in it, one above the last in the last). */
export function bandOf(bands: readonly Band[], score: number): Band {
  return bands.findLast((band) => score >= band.min) ?? bands[0]!;
}

/** The colour of a score on a measure, grey where there is none. */
export function colourOf(bands: readonly Band[], score: number | undefined): string {
  return score === undefined ? NO_RESULT : bandOf(bands, score).colour;
}

/** Black or white, whichever reads better on `background` (WCAG relative luminance). */
export function inkOn(background: string): '#000000' | '#ffffff' {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(background.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}
