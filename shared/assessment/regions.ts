/**
 * Regional aggregates of an edition's results: for each region, per pillar and overall, the mean, median,
 * minimum and maximum over the region's countries that have that score. Regions are UN M49 regions and
 * sub-regions by default (codes such as "002" Africa, "145" Western Asia), or any scheme given as a map from
 * region to country codes (such as one read from a CSV file by region-scheme-file.ts).
 */
import { COUNTRY_CODES } from './iso3166.ts';

export interface Statistics {
  count: number;
  mean: number;
  median: number;
  min: number;
  max: number;
}

export interface RegionAggregate {
  region: string;
  countries: number;
  pillars: Record<string, Statistics>;
  overall: Statistics;
}

/** A region scheme: region code → the alpha-2 codes of its countries. */
export type RegionScheme = ReadonlyMap<string, readonly string[]>;

/** The name of the built-in scheme of UN M49 regions and sub-regions; no imported scheme may take it. */
export const M49_SCHEME = 'm49';

/** Does `name` (any case, surrounding spaces aside) name the built-in UN M49 scheme? */
export const isM49Scheme = (name: string) => name.trim().toLowerCase() === M49_SCHEME;

/** The UN M49 regions and sub-regions, each with its countries. */
export function m49Scheme(): RegionScheme {
  const scheme = new Map<string, string[]>();
  for (const country of COUNTRY_CODES) {
    for (const region of [country.region, country.subRegion]) {
      if (region === null) continue;
      scheme.set(region, [...(scheme.get(region) ?? []), country.alpha2]);
    }
  }
  return scheme;
}

export function statistics(values: readonly number[]): Statistics | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return {
    count: sorted.length,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
    median: sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** Aggregates per region of the scheme, leaving out regions none of whose countries has a result. */
export function aggregateRegions(results: readonly { country: string; overall: number; pillars: Record<string, number> }[], scheme: RegionScheme = m49Scheme()): RegionAggregate[] {
  const byCountry = new Map(results.map((r) => [r.country, r]));
  const aggregates: RegionAggregate[] = [];
  for (const [region, countries] of scheme) {
    const members = countries.map((c) => byCountry.get(c)).filter((r) => r !== undefined);
    const overall = statistics(members.map((r) => r.overall));
    if (!overall) continue;
    const pillarIds = [...new Set(members.flatMap((r) => Object.keys(r.pillars)))];
    const pillars: Record<string, Statistics> = {};
    for (const pillar of pillarIds) {
      const stats = statistics(members.map((r) => r.pillars[pillar]).filter((v) => v !== undefined));
      if (stats) pillars[pillar] = stats;
    }
    aggregates.push({ region, countries: members.length, pillars, overall });
  }
  return aggregates.sort((a, b) => (a.region < b.region ? -1 : 1));
}
