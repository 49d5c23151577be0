/**
 * The UN M49 regions as the regional comparison lists them: each of the five regions followed by its
 * sub-regions (which region a sub-region belongs to is read from the country table, where each country has
 * both). A code of neither kind is listed last, on its own.
 */
import { COUNTRY_CODES } from '../../../../../shared/assessment/iso3166.ts';

/** The five M49 regions, in the order M49 lists them. */
export const WORLD_REGIONS = ['002', '019', '142', '150', '009'] as const;

const PARENT = new Map(COUNTRY_CODES.flatMap((c) => (c.region && c.subRegion ? [[c.subRegion, c.region] as const] : [])));

/** The region a sub-region belongs to, or undefined. */
export function parentOf(code: string): string | undefined {
  return PARENT.get(code);
}

/** The aggregates in reading order: a region (level 0), then its sub-regions (level 1), by code. */
export function regionRows<T extends { region: string }>(aggregates: readonly T[]): { aggregate: T; level: 0 | 1 }[] {
  const world: readonly string[] = WORLD_REGIONS;
  const byCode = [...aggregates].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
  const rows: { aggregate: T; level: 0 | 1 }[] = [];
  for (const region of WORLD_REGIONS) {
    const top = byCode.find((a) => a.region === region);
    if (top) rows.push({ aggregate: top, level: 0 });
    for (const sub of byCode.filter((a) => parentOf(a.region) === region)) rows.push({ aggregate: sub, level: top ? 1 : 0 });
  }
  for (const other of byCode.filter((a) => !world.includes(a.region) && parentOf(a.region) === undefined)) rows.push({ aggregate: other, level: 0 });
  return rows;
}
