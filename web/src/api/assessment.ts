/** The Assessment module's answers, as the UI reads them (public reads of published results; see the OpenAPI document). */
import type { Text } from '../../../shared/assessment/framework.ts';
import type { RegionAggregate, Statistics } from '../../../shared/assessment/regions.ts';
import type { Basis, CycleEdition, Evidence } from './cycle-types.ts';

export interface Edition {
  id: string;
  name: string;
  /** Published results imported from elsewhere, or an edition run as a cycle in Thiqa. */
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

/** A strength or an area for growth: an indicator of a cycle edition, or a pillar (indicator null) of a scores-only one. */
export interface ProfileArea {
  pillar: string;
  indicator: string | null;
  title: Text;
  /** How far it is in place: 0 … 1. */
  share: number;
}

/** A question that applies and is not fully in place, with its priority (weight × missing). */
export interface ProfileNeed {
  question: string;
  number: string;
  text: Text;
  pillar: string;
  indicator: string;
  weight: number;
  /** The share of the question's credit still missing: 0 … 1 (1: not in place at all). */
  missing: number;
  priority: number;
}

/** GET /assessment/countries/{country}/profile?edition=: the country in one edition (the newest with a result by default). */
export interface CountryProfile {
  country: string;
  region: string | null;
  sub_region: string | null;
  /** Null when no edition has a result for the country. */
  edition: CycleEdition | null;
  /** Null when the edition has no result for the country (or the reader may not see it yet). */
  result: { pillars: PillarScores; overall: number; tier: string; rank: number; countries: number; basis: Basis | null } | null;
  pillars: { id: string; title: Text; score: number | null; max: number }[];
  strengths: ProfileArea[];
  growth: ProfileArea[];
  /** Highest priority first; empty for scores-only editions. */
  needs: ProfileNeed[];
  /** The evidence the reader may see (cycle editions). */
  evidence: Evidence[];
  /** Its results in every published edition, oldest first. */
  history: HistoryEntry[];
}
