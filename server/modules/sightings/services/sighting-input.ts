/**
 * A sighting as a team posts it, checked, and the STIX 2.1 `sighting` object built from it (pure). The
 * object follows the specification's sighting properties: `sighting_of_ref` (the indicator), `count`
 * (0 to 999,999,999), `first_seen` ≤ `last_seen`, `where_sighted_refs` (identities or locations),
 * `observed_data_refs` (observed data), and the free-text `where` as its `description`. An attributed
 * sighting names the poster's organisation as `created_by_ref` and first `where_sighted_refs`; an anonymous
 * one names neither.
 */
import { randomUUID } from 'node:crypto';
import { invalid } from '../../../core/errors.ts';
import { isIdentifier } from '../../../../shared/stix/identifier.ts';
import { parseTlpLevel, RECIPIENT_USERS, TLP_AMBER, TLP_LEVELS, TLP_RED, tlpName } from '../../../../shared/stix/sharing.ts';
import { isTimestamp, timestampMicros } from '../../../../shared/stix/timestamp.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';

export const COUNT_MAX = 999_999_999;
export const WHERE_MAX = 1_000;
export const REFS_MAX = 100;

/** What a poster sends (REST body or CLI flags); every field optional. */
export interface SightingRequest {
  count?: unknown;
  first_seen?: unknown;
  last_seen?: unknown;
  where?: unknown;
  anonymous?: unknown;
  tlp?: unknown;
  where_sighted_refs?: unknown;
  observed_data_refs?: unknown;
}

/** The request, checked. `tlp` is a rank, or undefined for the collection's default. */
export interface SightingInput {
  count: number;
  firstSeen: string | undefined;
  lastSeen: string | undefined;
  where: string | undefined;
  anonymous: boolean;
  tlp: number | undefined;
  whereSightedRefs: string[];
  observedDataRefs: string[];
}

/** Who posts it: the organisation's STIX identity (null without one) and the user's name (for RED). */
export interface Poster {
  identityId: string | null;
  userName: string | null;
}

/**
 * Checks a posted sighting.
 * @throws DomainError `invalid` `sighting.invalid_count`, `sighting.invalid_first_seen`, `sighting.invalid_last_seen`,
 *   `sighting.invalid_window`, `sighting.invalid_where`, `sighting.invalid_anonymous`, `sighting.invalid_tlp`,
 *   `sighting.anonymous_tlp`, `sighting.invalid_where_sighted_refs`, `sighting.invalid_observed_data_refs`.
 */
export function checkSightingRequest(request: SightingRequest): SightingInput {
  const count = request.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > COUNT_MAX) {
    throw invalid('sighting.invalid_count', `count is a whole number from 0 to ${COUNT_MAX}, not ${JSON.stringify(count)}`, { field: 'count', max: COUNT_MAX });
  }
  const firstSeen = timestampOf(request.first_seen, 'first_seen');
  const lastSeen = timestampOf(request.last_seen, 'last_seen');
  if (firstSeen !== undefined && lastSeen !== undefined && timestampMicros(lastSeen) < timestampMicros(firstSeen)) {
    throw invalid('sighting.invalid_window', `last_seen (${lastSeen}) is before first_seen (${firstSeen})`, { first_seen: firstSeen, last_seen: lastSeen });
  }
  const where = request.where;
  if (where !== undefined && (typeof where !== 'string' || where.trim() === '' || where.length > WHERE_MAX || /\p{Cc}/u.test(where.replace(/[\n\t]/g, '')))) {
    throw invalid('sighting.invalid_where', `where is a text of 1 to ${WHERE_MAX} characters without control characters`, { field: 'where', max: WHERE_MAX });
  }
  const anonymous = request.anonymous ?? false;
  if (typeof anonymous !== 'boolean') throw invalid('sighting.invalid_anonymous', 'anonymous is true or false', { field: 'anonymous' });
  const tlp = tlpOf(request.tlp);
  if (anonymous && tlp !== undefined && tlp > TLP_AMBER) {
    throw invalid('sighting.anonymous_tlp', `an anonymous sighting is at most TLP:AMBER: TLP:${tlpName(tlp).toUpperCase()} is kept for the organisation or people who stored it, and an anonymous sighting names none`, { tlp: tlpName(tlp) });
  }
  return {
    count,
    firstSeen,
    lastSeen,
    where: where?.trim(),
    anonymous,
    tlp,
    whereSightedRefs: refsOf(request.where_sighted_refs, 'where_sighted_refs', ['identity', 'location']),
    observedDataRefs: refsOf(request.observed_data_refs, 'observed_data_refs', ['observed-data']),
  };
}

/**
 * The STIX sighting of `indicatorId` posted by `poster`, created `now`.
 * @throws DomainError `invalid` `sighting.organisation_required` (attributed, by a poster without an
 *   organisation), `sighting.anonymous_names_poster` (anonymous, naming the poster's identity).
 */
export function buildSighting(indicatorId: string, input: SightingInput, poster: Poster, now: Date): Record<string, unknown> {
  const own = poster.identityId;
  if (!input.anonymous && own === null) {
    throw invalid('sighting.organisation_required', 'a sighting is posted for the poster’s organisation, and this account belongs to none: post it anonymously, or as a member of an organisation');
  }
  if (input.anonymous && own !== null && input.whereSightedRefs.includes(own)) {
    throw invalid('sighting.anonymous_names_poster', 'an anonymous sighting may not name the poster’s own organisation in where_sighted_refs', { field: 'where_sighted_refs' });
  }
  const stamp = now.toISOString();
  const whereSighted = input.anonymous ? input.whereSightedRefs : [own!, ...input.whereSightedRefs.filter((ref) => ref !== own)];
  const sighting: Record<string, unknown> = {
    type: 'sighting',
    spec_version: '2.1',
    id: `sighting--${randomUUID()}`,
    created: stamp,
    modified: stamp,
    sighting_of_ref: indicatorId,
    count: input.count,
  };
  if (!input.anonymous) sighting.created_by_ref = own;
  if (input.firstSeen !== undefined) sighting.first_seen = input.firstSeen;
  if (input.lastSeen !== undefined) sighting.last_seen = input.lastSeen;
  if (input.where !== undefined) sighting.description = input.where;
  if (whereSighted.length) sighting.where_sighted_refs = whereSighted;
  if (input.observedDataRefs.length) sighting.observed_data_refs = input.observedDataRefs;
  if (input.tlp !== undefined) sighting.object_marking_refs = [TLP2_MARKINGS[TLP_LEVELS[input.tlp]!]];
  // RED is for named people: the poster is the one named.
  if (input.tlp === TLP_RED && poster.userName !== null) sighting[RECIPIENT_USERS] = [poster.userName];
  return sighting;
}

function timestampOf(value: unknown, field: 'first_seen' | 'last_seen'): string | undefined {
  if (value === undefined) return undefined;
  if (isTimestamp(value)) return value;
  const message = `${field} is a UTC timestamp such as 2026-03-01T12:00:00Z, not ${JSON.stringify(value)}`;
  throw field === 'first_seen' ? invalid('sighting.invalid_first_seen', message, { field }) : invalid('sighting.invalid_last_seen', message, { field });
}

function tlpOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const rank = typeof value === 'string' ? parseTlpLevel(value) : undefined;
  if (rank === undefined) throw invalid('sighting.invalid_tlp', `tlp is one of ${TLP_LEVELS.join(', ')}, not ${JSON.stringify(value)}`, { field: 'tlp', levels: TLP_LEVELS.join(', ') });
  return rank;
}

function refsOf(value: unknown, field: 'where_sighted_refs' | 'observed_data_refs', types: readonly string[]): string[] {
  if (value === undefined) return [];
  const ok = Array.isArray(value) && value.length <= REFS_MAX && value.every((ref) => isIdentifier(ref) && types.includes(ref.slice(0, ref.indexOf('--'))));
  if (!ok) {
    const message = `${field} is a list of at most ${REFS_MAX} ids of ${types.join(' or ')} objects`;
    const params = { field, max: REFS_MAX, types: types.join(', ') };
    throw field === 'where_sighted_refs' ? invalid('sighting.invalid_where_sighted_refs', message, params) : invalid('sighting.invalid_observed_data_refs', message, params);
  }
  return [...new Set(value as string[])];
}
