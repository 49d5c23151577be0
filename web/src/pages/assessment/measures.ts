/**
 * What an Assessment page shows a number of: the overall score (0–100) or one pillar (0–20 for the GCA's five),
 * and the addresses of the Assessment pages. Pillars are listed in the GCA's order; a pillar no row gives
 * is left out, and a pillar of another framework follows, by id.
 */
import type { PillarScores } from '../../api/assessment.ts';
import { API } from '../../api/client.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Language } from '../../../../shared/i18n/languages.ts';

export const PILLARS = ['legal', 'technical', 'organisational', 'capacity', 'cooperation'] as const;
export const OVERALL = 'overall';
export const OVERALL_MAX = 100;

/** `overall` or a pillar id. */
export type Measure = string;

/** The highest score of a measure: 100 overall; a pillar its share of it (20 for each of five pillars). */
export function maxOf(measure: Measure, pillarCount: number = PILLARS.length): number {
  return measure === OVERALL ? OVERALL_MAX : OVERALL_MAX / pillarCount;
}

/** The pillars some row gives, the GCA's first in their order, then any other by id. */
export function pillarsOf(rows: readonly { pillars: Readonly<Record<string, unknown>> }[]): string[] {
  const given = new Set(rows.flatMap((row) => Object.keys(row.pillars)));
  const known: readonly string[] = PILLARS;
  return [...PILLARS.filter((p) => given.has(p)), ...[...given].filter((p) => !known.includes(p)).sort()];
}

/** A row's score on a measure, or undefined where it has none. */
export function scoreOf(row: { overall: number; pillars: PillarScores }, measure: Measure): number | undefined {
  return measure === OVERALL ? row.overall : row.pillars[measure];
}

/** The catalog key naming a measure (a pillar the catalogs do not know is shown by its id). */
export function measureKey(measure: Measure): string {
  return measure === OVERALL ? 'assessment.overall' : `assessment.pillar.${measure}`;
}

const part = encodeURIComponent;

export const editionsPath = () => '/assessment';
export const resultsPath = (edition: string, measure?: Measure) =>
  `/assessment/editions/${part(edition)}${measure && measure !== OVERALL ? `?measure=${part(measure)}` : ''}`;
export const regionsPath = (edition: string) => `/assessment/editions/${part(edition)}/regions`;
export const countryPath = (country: string, edition?: string) => `/assessment/countries/${part(country)}${edition ? `?edition=${part(edition)}` : ''}`;
/** The CSV download (a plain link: the server names the file). */
export const resultsCsvHref = (edition: string) => `${API}/assessment/editions/${part(edition)}/results.csv`;

/** A score as pages show it: at most two decimals, as the GCI publishes them (the exact value stays in `<data value>`). */
export function formatScore(language: Language, score: number): string {
  return formatNumber(language, score, { maximumFractionDigits: 2 });
}

/** A change of score, signed (+3.5, −1.25, 0). */
export function formatChange(language: Language, change: number): string {
  return formatNumber(language, change, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
}
