/** The Assessment module's answers, as the UI reads them (public reads of published results; see the OpenAPI document). */
import type { RegionAggregate, Statistics } from '../../../shared/assessment/regions.ts';

export interface Edition {
  id: string;
  name: string;
  kind: 'scores-only' | 'cycle';
  year: number | null;
  source: string | null;
  created_at: string;
}

/** Pillar id → score (0–20 for the GCA's five pillars); a pillar the edition does not give is absent. */
export type PillarScores = Readonly<Record<string, number>>;

/** GET /assessment/editions/{name}/results: one entry per country, by rank. */
export interface Results {
  edition: Edition;
  results: { country: string; pillars: PillarScores; overall: number; tier: string; rank: number }[];
}

/** Count, mean, median, min, max per pillar and overall over a region's countries, as `shared/assessment/regions.ts` computes them. */
export type { RegionAggregate, Statistics };

/** GET /assessment/editions/{name}/regions: the M49 regions and sub-regions with results, by code. */
export interface Regions {
  edition: Edition;
  scheme: 'm49';
  regions: RegionAggregate[];
}

export interface HistoryEntry {
  edition: Edition;
  pillars: PillarScores;
  overall: number;
  tier: string;
  rank: number;
  /** How many countries the edition ranks. */
  countries: number;
}

/** GET /assessment/countries/{country}: its results in every edition that has one, oldest first. */
export interface CountryHistory {
  country: string;
  region: string | null;
  sub_region: string | null;
  editions: HistoryEntry[];
}
