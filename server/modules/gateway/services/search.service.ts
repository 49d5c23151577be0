/**
 * Multilingual search of published Gateway records, open to anyone. A query is cut into terms by
 * `shared/gateway/search-terms.ts` (the same rules that indexed the records, in every language at once), and a
 * record matches when it holds every term and every facet value asked for; results come newest published
 * first, paged by a cursor, with the count of every facet value over all the matching records and their total.
 * Exports write the whole result: CSV when its records are of one type (`record-csv.ts`, as a bulk file
 * reads back), JSON for any mix. Reads and exports are not audited: everything they give is public.
 */
import { invalid } from '../../../core/errors.ts';
import { countryByAlpha2 } from '../../../../shared/assessment/iso3166.ts';
import { writeRecordCsv } from '../../../../shared/gateway/record-csv.ts';
import { FACETS, type Facet, type FacetValue } from '../../../../shared/gateway/record-index.ts';
import { GCA_PILLAR_IDS, isRecordType, M49_AREAS, YEAR_MAX, YEAR_MIN, type RecordType } from '../../../../shared/gateway/record-types.ts';
import { queryTerms } from '../../../../shared/gateway/search-terms.ts';
import { isLanguage } from '../../../../shared/i18n/languages.ts';
import type { StoredRecord } from '../repositories/record.repository.ts';
import type { FacetCount, SearchRepository } from '../repositories/search.repository.ts';

export type { FacetCount };

/** What a search asks: free text and one value per facet, all optional. */
export type SearchInput = { q?: string | undefined; limit?: number | undefined; cursor?: string | undefined } & Partial<Record<Facet, string | undefined>>;

export interface SearchResult {
  /** How many published records match. */
  total: number;
  /** This page, newest published first. */
  records: StoredRecord[];
  /** Per facet, the count of each value over every matching record, most frequent first, then by value. */
  facets: Record<Facet, { value: string; count: number }[]>;
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
}

export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;
export const QUERY_MAX = 500;
export const QUERY_TERMS_MAX = 32;
const EXPORT_PAGE = 1_000;

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const invalidFilter = (field: string, value: string, expected: string) =>
  invalid('gateway.invalid_filter', `"${value}" is not a value of the ${field} filter: ${expected}`, { field, value, expected });

/** Each facet filter's value in its canonical form, or why it is not one. */
const FILTERS: Readonly<Record<Facet, (value: string) => string>> = {
  type: (v) => (isRecordType(v.toLowerCase()) ? v.toLowerCase() : fail('type', v, 'a record type')),
  country: (v) => countryByAlpha2(v.toUpperCase())?.alpha2 ?? fail('country', v, 'an ISO 3166-1 alpha-2 code'),
  region: (v) => (M49_AREAS.has(v) ? v : fail('region', v, 'a UN M49 area code of three digits')),
  pillar: (v) => (GCA_PILLAR_IDS.includes(v.toLowerCase()) ? v.toLowerCase() : fail('pillar', v, `a GCA pillar (${GCA_PILLAR_IDS.join(', ')})`)),
  language: (v) => (isLanguage(v.toLowerCase()) ? v.toLowerCase() : fail('language', v, 'one of ar, zh, en, fr, ru, es')),
  year: (v) => (/^\d{4}$/.test(v) && Number(v) >= YEAR_MIN && Number(v) <= YEAR_MAX ? v : fail('year', v, `a year from ${YEAR_MIN} to ${YEAR_MAX}`)),
};

function fail(field: string, value: string, expected: string): never {
  throw invalidFilter(field, value, expected);
}

function parseCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,15}$/.test(cursor)) throw invalid('gateway.invalid_cursor', 'the cursor is not one a search answered as next', { field: 'cursor' });
  return Number(cursor);
}

export class SearchService {
  private readonly search: SearchRepository;

  constructor(search: SearchRepository) {
    this.search = search;
  }

  /**
   * One page of the published records matching `input`, with facet counts and the total.
   * @throws DomainError `invalid` `gateway.invalid_filter`, `gateway.query_too_long`, `gateway.query_too_many_terms`,
   *   `gateway.invalid_cursor`.
   */
  async find(input: SearchInput): Promise<SearchResult> {
    const criteria = this.criteria(input);
    const limit = Math.min(Math.max(input.limit ?? SEARCH_LIMIT_DEFAULT, 1), SEARCH_LIMIT_MAX);
    const before = parseCursor(input.cursor);
    const facets = Object.fromEntries(FACETS.map((f) => [f, [] as { value: string; count: number }[]])) as SearchResult['facets'];
    if (criteria === 'nothing') return { total: 0, records: [], facets, next: null };
    const page = await this.search.search({ ...criteria, limit: limit + 1, before, counts: true });
    const records = page.records.slice(0, limit);
    for (const { facet, value, count } of page.counts) facets[facet].push({ value, count });
    for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || byCode(a.value, b.value));
    // Every record has exactly one type: the type counts add up to the total.
    const total = facets.type.reduce((sum, { count }) => sum + count, 0);
    return { total, records, facets, next: page.records.length > limit ? String(records.at(-1)!.doc) : null };
  }

  /**
   * Every published record matching `input`, as a file: CSV of the one type its records are of (the `type`
   * filter makes sure), or JSON of `{ "records": [{ id, type, revision, published_at, updated_at, record }] }`.
   * @throws DomainError `invalid` `gateway.invalid_format`, `gateway.export_mixed_types`, and as `find`.
   */
  async export(input: SearchInput, format: string): Promise<{ format: 'csv' | 'json'; type: RecordType | undefined; total: number; chunks: AsyncGenerator<string> }> {
    if (format !== 'csv' && format !== 'json') throw invalid('gateway.invalid_format', `"${format}" is not an export format: csv or json`, { field: 'format', format });
    const { total, facets } = await this.find({ ...input, limit: 1, cursor: undefined });
    const types = facets.type.map((t) => t.value).sort(byCode) as RecordType[];
    const type = input.type === undefined ? types[0] : (FILTERS.type(input.type) as RecordType);
    if (format === 'csv' && types.length > 1) {
      throw invalid('gateway.export_mixed_types', `the results hold records of ${types.length} types (${types.join(', ')}): a CSV file holds one; filter by type, or export JSON`, { field: 'type', types: types.join(', ') });
    }
    const criteria = this.criteria(input);
    const pages = this.pages(criteria);
    return { format, type, total, chunks: format === 'csv' ? csvChunks(type, pages) : jsonChunks(pages) };
  }

  private async *pages(criteria: ReturnType<SearchService['criteria']>): AsyncGenerator<StoredRecord[]> {
    if (criteria === 'nothing') return;
    let before: number | undefined;
    for (;;) {
      const { records } = await this.search.search({ ...criteria, limit: EXPORT_PAGE, before, counts: false });
      if (records.length) yield records;
      if (records.length < EXPORT_PAGE) return;
      before = records.at(-1)!.doc!;
    }
  }

  /** The terms and filters of a search, or `nothing` for a query without a single term to look for. */
  private criteria(input: SearchInput): { terms: string[]; filters: FacetValue[] } | 'nothing' {
    const q = input.q?.trim() ?? '';
    if (q.length > QUERY_MAX) throw invalid('gateway.query_too_long', `a query has at most ${QUERY_MAX} characters`, { field: 'q', max: QUERY_MAX });
    const filters = FACETS.flatMap((facet) => (input[facet] === undefined || input[facet] === '' ? [] : [{ facet, value: FILTERS[facet](input[facet]!.trim()) }]));
    const terms = q === '' ? [] : queryTerms(q);
    if (terms.length > QUERY_TERMS_MAX) throw invalid('gateway.query_too_many_terms', `a query has at most ${QUERY_TERMS_MAX} words`, { field: 'q', max: QUERY_TERMS_MAX });
    return q !== '' && terms.length === 0 ? 'nothing' : { terms, filters };
  }
}

async function* csvChunks(type: RecordType | undefined, pages: AsyncGenerator<StoredRecord[]>): AsyncGenerator<string> {
  if (type === undefined) return;
  let first = true;
  let any = false;
  for await (const records of pages) {
    const text = writeRecordCsv(type, records.map((r) => r.body!));
    yield first ? text : text.slice(text.indexOf('\n') + 1);
    first = false;
    any = true;
  }
  // No record of the type asked for: the header alone, which a bulk file reader takes as the type's columns.
  if (!any) yield writeRecordCsv(type, []);
}

async function* jsonChunks(pages: AsyncGenerator<StoredRecord[]>): AsyncGenerator<string> {
  yield '{"records":[';
  let first = true;
  for await (const records of pages) {
    for (const r of records) {
      const entry = { id: r.id, type: r.type, revision: r.revision, published_at: new Date(r.publishedAt!).toISOString(), updated_at: new Date(r.updatedAt!).toISOString(), record: r.body };
      yield `${first ? '' : ','}\n${JSON.stringify(entry)}`;
      first = false;
    }
  }
  yield '\n]}\n';
}
