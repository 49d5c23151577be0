/**
 * Search over published records: the only SQL reading `gateway_terms` and `gateway_facets`. A record matches
 * when it holds every query term and every facet value asked for: one `INTERSECT` of index ranges, each an
 * equality on the primary key, so SQLite and PostgreSQL find the same records, and the page is read newest
 * published first (`doc` descending, unique: no ties to break). Facet counts are the facet values of the
 * matching records, counted.
 */
import type { Database, SqlValue } from '../../../core/db/database.ts';
import type { Facet, FacetValue } from '../../../../shared/gateway/record-index.ts';
import { RECORD_COLUMNS, toRecord, type StoredRecord } from './record.repository.ts';

export interface SearchCriteria {
  terms: readonly string[];
  filters: readonly FacetValue[];
  limit: number;
  /** Only records numbered below this: the last `doc` of the previous page. */
  before?: number | undefined;
  /** Whether to count the facet values of all the matching records. */
  counts: boolean;
}

export interface FacetCount {
  facet: Facet;
  value: string;
  count: number;
}

export interface SearchPage {
  records: StoredRecord[];
  counts: FacetCount[];
}

/** The set of matching `doc`s as SQL, or undefined for every published record. */
function matching(criteria: SearchCriteria): { sql: string; params: SqlValue[] } | undefined {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const term of criteria.terms) {
    parts.push('SELECT doc FROM gateway_terms WHERE term = ?');
    params.push(term);
  }
  for (const { facet, value } of criteria.filters) {
    parts.push('SELECT doc FROM gateway_facets WHERE facet = ? AND value = ?');
    params.push(facet, value);
  }
  return parts.length ? { sql: parts.join(' INTERSECT '), params } : undefined;
}

export class SearchRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async search(criteria: SearchCriteria): Promise<SearchPage> {
    const hits = matching(criteria);
    const conditions = [`status = 'published'`];
    const params: SqlValue[] = [];
    if (hits) {
      conditions.push(`doc IN (${hits.sql})`);
      params.push(...hits.params);
    }
    if (criteria.before !== undefined) {
      conditions.push('doc < ?');
      params.push(criteria.before);
    }
    const rows = await this.db.all<Parameters<typeof toRecord>[0]>(`SELECT ${RECORD_COLUMNS} FROM gateway_records WHERE ${conditions.join(' AND ')} ORDER BY doc DESC LIMIT ?`, [...params, criteria.limit]);
    const records = rows.map(toRecord);
    if (!criteria.counts) return { records, counts: [] };
    const countSql = hits
      ? `SELECT facet, value, COUNT(*) AS n FROM gateway_facets WHERE doc IN (${hits.sql}) GROUP BY facet, value`
      : 'SELECT facet, value, COUNT(*) AS n FROM gateway_facets GROUP BY facet, value';
    const counts = await this.db.all<{ facet: Facet; value: string; n: number | string }>(countSql, hits?.params ?? []);
    return { records, counts: counts.map((c) => ({ facet: c.facet, value: c.value, count: Number(c.n) })) };
  }
}
