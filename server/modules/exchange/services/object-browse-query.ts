/**
 * The filters of the web UI's object listing (`GET /collections/{id}/objects`), checked and turned into a
 * repository query, and its opaque `next` cursor: the `date_added` of the last object served and the filters
 * it was made for, checksummed (as TAXII cursors are, see object-query.ts), so it holds on any node and after
 * a restart, and one sent with other filters is refused rather than misapplied.
 */
import { createHash } from 'node:crypto';
import { invalid } from '../../../core/errors.ts';
import { parseTimestamp } from '../../../../shared/stix/timestamp.ts';
import { parseTlpLevel } from '../../../../shared/stix/sharing.ts';
import type { BrowseQuery } from '../repositories/object-browse.repository.ts';

/** Filters as the caller gave them: raw text, comma lists not yet split. */
export interface BrowseFilter {
  type?: string | undefined;
  tlp?: string | undefined;
  addedAfter?: string | undefined;
  addedBefore?: string | undefined;
  organisation?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  next?: string | undefined;
}

type Criteria = Omit<BrowseFilter, 'limit' | 'next'>;

export const BROWSE_LIMIT_DEFAULT = 50;
export const BROWSE_LIMIT_MAX = 200;
const Q_MAX = 200;
const TYPE = /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;

const badFilter = (filter: string, value: string, why: string) =>
  invalid('query.invalid_filter', `${filter} value "${value}" is not ${why}`, { filter, value, field: filter, in: 'query' });

const checksum = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 10);

function criteriaOf(filter: BrowseFilter): Criteria {
  const { limit: _limit, next: _next, ...criteria } = filter;
  return Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined && value !== '')) as Criteria;
}

/** The cursor after an object added at `dateAdded`, for the filters of `filter`. */
export function encodeBrowseCursor(dateAdded: number, filter: BrowseFilter): string {
  const body = JSON.stringify({ v: 1, b: dateAdded, q: criteriaOf(filter) });
  return `${Buffer.from(body).toString('base64url')}.${checksum(body)}`;
}

function decodeCursor(next: string): { before: number; criteria: Criteria } {
  const bad = () => invalid('query.invalid_next', `"next" is not a cursor this server issued; start again without it`, { next, field: 'next', in: 'query' });
  const [payload, sum, extra] = next.split('.');
  if (!payload || !sum || extra !== undefined) throw bad();
  const body = Buffer.from(payload, 'base64url').toString('utf8');
  if (checksum(body) !== sum) throw bad();
  const parsed = JSON.parse(body) as { v?: unknown; b?: unknown; q?: unknown };
  if (parsed.v !== 1 || typeof parsed.b !== 'number' || typeof parsed.q !== 'object' || parsed.q === null) throw bad();
  return { before: parsed.b, criteria: parsed.q as Criteria };
}

const list = (text: string | undefined) => (text === undefined ? [] : text.split(',').map((item) => item.trim()).filter((item) => item !== ''));

function micros(filter: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const parsed = parseTimestamp(text);
  if (!parsed) throw badFilter(filter, text, 'a timestamp such as 2026-01-01T00:00:00.000Z');
  return parsed.micros;
}

/**
 * The repository query of a listing request (`limit` one more than the page, to know whether more follow),
 * with the filters a `next` cursor carries when one is given.
 * @throws DomainError `invalid` `query.invalid_filter` (params `filter`, `value`), `query.invalid_next`,
 *   `query.next_mismatch`.
 */
export function resolveBrowseQuery(collectionId: string, filter: BrowseFilter): { query: BrowseQuery; limit: number; filter: BrowseFilter } {
  let criteria = criteriaOf(filter);
  let before: number | undefined;
  if (filter.next !== undefined) {
    const cursor = decodeCursor(filter.next);
    const given = JSON.stringify(criteria);
    if (given !== '{}' && given !== JSON.stringify(cursor.criteria)) {
      throw invalid('query.next_mismatch', '"next" was issued for other filters than this request has: repeat the same filters or send "next" alone', {
        next: filter.next,
        field: 'next',
        in: 'query',
      });
    }
    criteria = cursor.criteria;
    before = cursor.before;
  }
  const types = list(criteria.type);
  for (const type of types) if (!TYPE.test(type)) throw badFilter('type', type, 'a STIX type name');
  const tlps = list(criteria.tlp).map((name) => {
    // A "+" in a query string reads as a space: "amber+strict" arrives as "amber strict" unless escaped.
    const rank = parseTlpLevel(name.replace(/ /g, '+'));
    if (rank === undefined) throw badFilter('tlp', name, 'a TLP level: clear, green, amber, amber+strict or red');
    return rank;
  });
  const addedBefore = micros('added_before', criteria.addedBefore);
  const q = criteria.q?.normalize('NFC').toLowerCase().trim();
  if (q !== undefined && q.length > Q_MAX) throw badFilter('q', criteria.q!, `at most ${Q_MAX} characters`);
  const organisation = criteria.organisation?.trim();
  if (organisation !== undefined && !/^[^\p{Cc}]{1,100}$/u.test(organisation)) throw badFilter('organisation', criteria.organisation!, 'an organisation id');
  const limit = filter.limit ?? BROWSE_LIMIT_DEFAULT;
  return {
    query: {
      collectionId,
      types,
      tlps,
      addedAfter: micros('added_after', criteria.addedAfter),
      addedBefore: before === undefined ? addedBefore : Math.min(before, addedBefore ?? Infinity),
      organisationId: organisation || undefined,
      text: q || undefined,
      limit: limit + 1,
    },
    limit,
    filter: { ...criteria },
  };
}
