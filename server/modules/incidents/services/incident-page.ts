/**
 * The paging of an incidents listing (pure): its limit, and its opaque `next` cursor, which holds the moment
 * the last incident looked at was added (microseconds) and the filters the page was made for, checksummed, so
 * it holds on any node and after a restart, and one sent with other filters is refused rather than misapplied
 * (as the object browser's cursors, `object-browse-query.ts`).
 */
import { createHash } from 'node:crypto';
import { invalid } from '../../../core/errors.ts';

export const INCIDENT_LIMIT_DEFAULT = 50;
export const INCIDENT_LIMIT_MAX = 200;

/** The filters a cursor is bound to, as checked (`state` a workflow state, `major` a flag). */
export interface PageFilters {
  state?: string | undefined;
  major?: boolean | undefined;
}

const checksum = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 10);
const filtersKey = (filters: PageFilters) => JSON.stringify({ s: filters.state ?? null, m: filters.major ?? null });

/** @throws DomainError `invalid` `incident.invalid_limit` unless 1 to `INCIDENT_LIMIT_MAX` (default 50). */
export function limitOf(limit: unknown): number {
  if (limit === undefined) return INCIDENT_LIMIT_DEFAULT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > INCIDENT_LIMIT_MAX) {
    throw invalid('incident.invalid_limit', `limit is a whole number from 1 to ${INCIDENT_LIMIT_MAX}, not ${String(limit)}`, { field: 'limit', max: INCIDENT_LIMIT_MAX });
  }
  return limit;
}

/** The cursor of the page after the incident added at `dateAdded`, for `filters`. */
export function encodeIncidentCursor(dateAdded: number, filters: PageFilters): string {
  const body = JSON.stringify({ v: 1, b: dateAdded, f: filtersKey(filters) });
  return `${Buffer.from(body).toString('base64url')}.${checksum(body)}`;
}

/**
 * Where the page of `next` starts: before the moment it holds.
 * @throws DomainError `invalid` `incident.invalid_next` (not a cursor of this server), `incident.next_mismatch`
 *   (issued for other filters).
 */
export function decodeIncidentCursor(next: string, filters: PageFilters): number {
  const bad = () => invalid('incident.invalid_next', '"next" is not a cursor of an incidents listing this server issued: start again without it', { field: 'next', next });
  const [payload, sum, extra] = next.split('.');
  if (!payload || !sum || extra !== undefined) throw bad();
  const body = Buffer.from(payload, 'base64url').toString('utf8');
  if (checksum(body) !== sum) throw bad();
  const parsed = JSON.parse(body) as { v?: unknown; b?: unknown; f?: unknown };
  if (parsed.v !== 1 || typeof parsed.b !== 'number' || typeof parsed.f !== 'string') throw bad();
  if (parsed.f !== filtersKey(filters)) throw invalid('incident.next_mismatch', '"next" was issued for other filters (state, major) than this request has: repeat the same filters', { field: 'next', next });
  return parsed.b;
}
