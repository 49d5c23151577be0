/**
 * The filters of the TAXII object, manifest and versions endpoints, checked and turned into a repository
 * query, and the opaque, stateless `next` cursor. A cursor carries the position (the last `date_added`
 * served) and the filters it was made for, with a checksum: it is valid on any node and after a restart,
 * a client may send it alone, and a cursor sent with different filters is refused rather than misapplied.
 */
import { createHash } from 'node:crypto';
import { invalid } from '../../../core/errors.ts';
import { parseTimestamp } from '../../../../shared/stix/timestamp.ts';
import type { ObjectQuery, VersionFilter } from '../repositories/object.repository.ts';

/** Filters as the caller gave them (raw text, comma lists already split). */
export interface ObjectFilter {
  addedAfter?: string | undefined;
  limit?: number | undefined;
  next?: string | undefined;
  ids?: string[] | undefined;
  types?: string[] | undefined;
  versions?: string[] | undefined;
  specVersions?: string[] | undefined;
}

type Criteria = Pick<ObjectFilter, 'addedAfter' | 'ids' | 'types' | 'versions' | 'specVersions'>;

const TYPE = /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;
const ID = /^[a-z0-9-]+--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SPEC_VERSION = /^[0-9]+\.[0-9]+$/;

function criteriaOf(filter: ObjectFilter): Criteria {
  const criteria: Criteria = {};
  if (filter.addedAfter !== undefined) criteria.addedAfter = filter.addedAfter;
  if (filter.ids?.length) criteria.ids = filter.ids;
  if (filter.types?.length) criteria.types = filter.types;
  if (filter.versions?.length) criteria.versions = filter.versions;
  if (filter.specVersions?.length) criteria.specVersions = filter.specVersions;
  return criteria;
}

const checksum = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 10);

export function encodeCursor(after: number, criteria: Criteria): string {
  const body = JSON.stringify({ v: 1, a: after, q: criteria });
  return `${Buffer.from(body).toString('base64url')}.${checksum(body)}`;
}

function decodeCursor(next: string): { after: number; criteria: Criteria } {
  const bad = (why: string) => invalid('query.invalid_next', `"next" is not a cursor this server issued (${why}); start again without it`, { next });
  const [payload, sum, extra] = next.split('.');
  if (!payload || !sum || extra !== undefined) throw bad('malformed');
  const body = Buffer.from(payload, 'base64url').toString('utf8');
  if (checksum(body) !== sum) throw bad('checksum mismatch');
  const parsed = JSON.parse(body) as { v?: unknown; a?: unknown; q?: unknown };
  if (parsed.v !== 1 || typeof parsed.a !== 'number' || typeof parsed.q !== 'object' || parsed.q === null) throw bad('unknown version');
  return { after: parsed.a, criteria: parsed.q as Criteria };
}

function check(values: string[] | undefined, pattern: RegExp, name: string, what: string): void {
  for (const value of values ?? []) {
    if (!pattern.test(value)) throw invalid('query.invalid_filter', `${name} value "${value}" is not ${what}`, { filter: name, value });
  }
}

/** Parses `match[version]`: first, last, all, or timestamps. */
export function versionFilter(values: string[] | undefined, fallback: 'last' | 'all'): VersionFilter {
  const filter: VersionFilter = { all: false, first: false, last: false, keys: [] };
  if (!values?.length) return { ...filter, [fallback]: true };
  const keys: string[] = [];
  for (const value of values) {
    if (value === 'all') filter.all = true;
    else if (value === 'first') filter.first = true;
    else if (value === 'last') filter.last = true;
    else {
      const parsed = parseTimestamp(value);
      if (!parsed) {
        throw invalid('query.invalid_filter', `match[version] value "${value}" is not first, last, all or a timestamp such as 2016-01-01T00:00:00.000Z`, {
          filter: 'match[version]',
          value,
        });
      }
      keys.push(parsed.key);
    }
  }
  return { ...filter, keys };
}

/**
 * Resolves the filters of one request into a repository query (without `limit`), applying a `next`
 * cursor when present. `defaultVersion` is `last` for objects and manifest, `all` for versions.
 */
export function resolveQuery(collectionId: string, filter: ObjectFilter, defaultVersion: 'last' | 'all'): Omit<ObjectQuery, 'limit'> & { criteria: Criteria } {
  let criteria = criteriaOf(filter);
  let after = 0;
  if (filter.next !== undefined) {
    const cursor = decodeCursor(filter.next);
    const given = JSON.stringify(criteria);
    if (given !== '{}' && given !== JSON.stringify(cursor.criteria)) {
      throw invalid('query.next_mismatch', '"next" was issued for other filters than this request has: repeat the same filters or send "next" alone', {
        next: filter.next,
      });
    }
    criteria = cursor.criteria;
    after = cursor.after;
  }
  check(criteria.types, TYPE, 'match[type]', 'a STIX type name');
  check(criteria.ids, ID, 'match[id]', 'a STIX identifier such as indicator--<uuid>');
  check(criteria.specVersions, SPEC_VERSION, 'match[spec_version]', 'a version such as 2.1');
  if (criteria.addedAfter !== undefined) {
    const parsed = parseTimestamp(criteria.addedAfter);
    if (!parsed) {
      throw invalid('query.invalid_filter', `added_after "${criteria.addedAfter}" is not a timestamp such as 2016-01-01T00:00:00.000Z`, {
        filter: 'added_after',
        value: criteria.addedAfter,
      });
    }
    after = Math.max(after, parsed.micros);
  }
  return {
    collectionId,
    after,
    types: criteria.types,
    ids: criteria.ids,
    specVersions: criteria.specVersions,
    versions: versionFilter(criteria.versions, defaultVersion),
    criteria,
  };
}

/** Checks a requested page size; larger than the maximum is served as the maximum. */
export function pageSize(limit: number | undefined, pageDefault: number, pageMax: number): number {
  if (limit === undefined) return pageDefault;
  if (!Number.isInteger(limit) || limit < 1) {
    throw invalid('query.invalid_limit', `limit must be a whole number of at least 1, got "${limit}"`, { filter: 'limit', value: String(limit) });
  }
  return Math.min(limit, pageMax);
}
