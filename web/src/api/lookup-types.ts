/** The answers of the Lookup and Sightings modules, as the UI reads them (the OpenAPI document is the reference). */

/** A value in its normal form and its detected type. */
export interface ObservableValue {
  type: string;
  value: string;
}

/** GET /collections/{id}/objects/{object_id}/correlations. */
export interface Correlations {
  id: string;
  collection: string;
  version: string | null;
  values: ObservableValue[];
  objects: { id: string; type: string; name: string | null; version: string | null; api_root: string; collection: string; shared: ObservableValue[] }[];
  total: number;
  /** Other organisations that reported the linked objects, counted from what the reader may see. */
  organisations: number;
}

/** An indicator's sightings in a few numbers. */
export interface SightingAggregate {
  sightings: number;
  total_count: number;
  organisations: number;
  anonymous: number;
  first_seen: string | null;
  last_seen: string | null;
}

/** GET /collections/{collection}/indicators/{id}/sightings. */
export interface IndicatorSightings {
  collection: string;
  indicator: string;
  aggregate: SightingAggregate;
  sightings: { id: string; count: number | null; first_seen: string | null; last_seen: string | null; anonymous: boolean; tlp: string; created: string | null }[];
}

/** One value's answer of POST /lookup. */
export interface LookupAnswer {
  query: string;
  type: string | null;
  value: string | null;
  hash_algorithm: string | null;
  matches: { id: string; type: string; name: string | null; version: string; api_root: string; collection: string; sightings?: SightingAggregate }[];
  organisations: number;
  warning_lists: { name: string; type: string }[];
}

/** The most values one lookup takes (the server's `LOOKUP_MAX_VALUES`). */
export const LOOKUP_MAX_VALUES = 10_000;
