/**
 * Search over published records: the only SQL reading `gateway_terms`, `gateway_facets` and the facet totals.
 * A record matches when it holds every query term and every facet value asked for. Each condition is a range
 * of a primary key (a posting list, in `doc` order); one is scanned (`SELECTIVE`) and the others are probed
 * for each of its records (`EXISTS` on their primary key), so SQLite and PostgreSQL find the same records, by equality
 * only. The page is read newest published first (`doc` descending, unique: no ties to break).
 *
 * Facet counts: every posting carries its record's facet codes, one character per facet value, so the counts of
 * a search are the characters of the postings it scans, concatenated by the database in one value and counted
 * here: one pass over the matching records, whatever the number of facets. With no condition at all, the
 * counts are the totals kept as records are published.
 */
import type { Database, SqlValue } from '../../../core/db/database.ts';
import type { Facet, FacetValue } from '../../../../shared/gateway/record-index.ts';
import { codeAt, readFacetCodes } from './record-index.sql.ts';
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

/** One condition: a posting list, as a key range of its table. */
interface Posting {
  table: 'gateway_terms' | 'gateway_facets';
  key: (alias: string) => string;
  params: SqlValue[];
}

const termPosting = (term: string): Posting => ({ table: 'gateway_terms', key: (a) => `${a}.term = ?`, params: [term] });
/** The order conditions are written in: terms (words are rarer than facet values), then the usually rarest facets. */
const SELECTIVE: readonly Facet[] = ['country', 'year', 'region', 'type', 'pillar', 'language'];

const facetPosting = ({ facet, value }: FacetValue): Posting => ({ table: 'gateway_facets', key: (a) => `${a}.facet = ? AND ${a}.value = ?`, params: [facet, value] });

export class SearchRepository {
  private readonly db: Database;
  /** Facet values by code: committed codes never change, so they are read once and again only for a new one. */
  private dictionary = new Map<number, FacetValue>();

  constructor(db: Database) {
    this.db = db;
  }

  async search(criteria: SearchCriteria): Promise<SearchPage> {
    const filters = [...criteria.filters].sort((a, b) => SELECTIVE.indexOf(a.facet) - SELECTIVE.indexOf(b.facet));
    const postings = await this.ordered([...criteria.terms.map(termPosting), ...filters.map(facetPosting)]);
    if (postings.length === 0) return this.everything(criteria);
    // The records of the first posting list that are in every other one.
    const where = [postings[0]!.key('p0'), ...postings.slice(1).map((p, i) => `EXISTS (SELECT 1 FROM ${p.table} p${i + 1} WHERE ${p.key(`p${i + 1}`)} AND p${i + 1}.doc = p0.doc)`)];
    const params = postings.flatMap((p) => p.params);
    const from = `FROM ${postings[0]!.table} p0 WHERE ${where.join(' AND ')}`;
    const before = criteria.before === undefined ? '' : ' AND p0.doc < ?';
    const rows = await this.db.all<Parameters<typeof toRecord>[0]>(
      `SELECT ${RECORD_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ')} FROM gateway_records r
       JOIN (SELECT p0.doc ${from}${before} ORDER BY p0.doc DESC LIMIT ?) hits ON hits.doc = r.doc ORDER BY r.doc DESC`,
      [...params, ...(criteria.before === undefined ? [] : [criteria.before]), criteria.limit],
    );
    const records = rows.map(toRecord);
    if (!criteria.counts) return { records, counts: [] };
    const concat = this.db.dialect === 'postgres' ? "string_agg(p0.facets, '')" : "group_concat(p0.facets, '')";
    const codes = (await this.db.get<{ codes: string | null }>(`SELECT ${concat} AS codes ${from}`, params))?.codes ?? '';
    const tally = new Map<number, number>();
    for (let i = 0; i < codes.length; i++) {
      const code = codeAt(codes, i);
      tally.set(code, (tally.get(code) ?? 0) + 1);
    }
    return { records, counts: await this.named(tally) };
  }

  /** Every published record: the page from the records, the counts from the totals. */
  private async everything(criteria: SearchCriteria): Promise<SearchPage> {
    const before = criteria.before === undefined ? '' : ' AND doc < ?';
    const rows = await this.db.all<Parameters<typeof toRecord>[0]>(`SELECT ${RECORD_COLUMNS} FROM gateway_records WHERE status = 'published'${before} ORDER BY doc DESC LIMIT ?`, [
      ...(criteria.before === undefined ? [] : [criteria.before]),
      criteria.limit,
    ]);
    if (!criteria.counts) return { records: rows.map(toRecord), counts: [] };
    const totals = await this.db.all<{ code: number | string; records: number | string }>('SELECT code, records FROM gateway_facet_totals WHERE records > 0');
    return { records: rows.map(toRecord), counts: await this.named(new Map(totals.map((t) => [Number(t.code), Number(t.records)]))) };
  }

  /**
   * SQLite runs the conditions in the order written: the shortest posting list first costs least, and counting
   * the lists (index ranges) is cheap there. PostgreSQL orders them itself, from its statistics.
   */
  private async ordered(postings: Posting[]): Promise<Posting[]> {
    if (postings.length < 2 || this.db.dialect === 'postgres') return postings;
    const counts = postings.map((p, i) => `(SELECT COUNT(*) FROM ${p.table} c${i} WHERE ${p.key(`c${i}`)}) AS n${i}`);
    const row = (await this.db.get<Record<string, number | string>>(`SELECT ${counts.join(', ')}`, postings.flatMap((p) => p.params)))!;
    return postings.map((p, i) => ({ p, n: Number(row[`n${i}`]) })).sort((a, b) => a.n - b.n).map(({ p }) => p);
  }

  private async named(tally: ReadonlyMap<number, number>): Promise<FacetCount[]> {
    if ([...tally.keys()].some((code) => !this.dictionary.has(code))) this.dictionary = await readFacetCodes(this.db);
    return [...tally].map(([code, count]) => ({ ...this.dictionary.get(code)!, count }));
  }
}
