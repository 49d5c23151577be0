/**
 * The aggregate of an indicator's sightings (pure), over the sightings a reader may see, as that reader sees
 * them: how many, the total of their counts, how many distinct organisations stand behind them
 * (`created_by_ref`) and how many are anonymous (no `created_by_ref`), the earliest `first_seen` and the
 * latest `last_seen`.
 */
import { isTimestamp, timestampMicros } from '../../../../shared/stix/timestamp.ts';

export interface SightingAggregate {
  sightings: number;
  /** The sum of the counts; a sighting without `count` counts once. */
  totalCount: number;
  organisations: number;
  anonymous: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** The aggregate of `sightings` (STIX sighting objects). */
export function aggregateSightings(sightings: readonly Record<string, unknown>[]): SightingAggregate {
  const organisations = new Set<string>();
  let totalCount = 0;
  let anonymous = 0;
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  for (const sighting of sightings) {
    totalCount += typeof sighting.count === 'number' ? sighting.count : 1;
    if (typeof sighting.created_by_ref === 'string') organisations.add(sighting.created_by_ref);
    else anonymous++;
    firstSeen = earliest(firstSeen, sighting.first_seen);
    lastSeen = latest(lastSeen, sighting.last_seen);
  }
  return { sightings: sightings.length, totalCount, organisations: organisations.size, anonymous, firstSeen, lastSeen };
}

function earliest(held: string | null, candidate: unknown): string | null {
  if (!isTimestamp(candidate)) return held;
  return held === null || timestampMicros(candidate) < timestampMicros(held) ? candidate : held;
}

function latest(held: string | null, candidate: unknown): string | null {
  if (!isTimestamp(candidate)) return held;
  return held === null || timestampMicros(candidate) > timestampMicros(held) ? candidate : held;
}
