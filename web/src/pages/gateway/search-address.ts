/**
 * The Gateway search as it lives in the address (`/gateway?q=…&type=strategy&country=TN`), so a search can be
 * bookmarked and shared, and as the REST API takes it: the same names (`q`, one value per facet, the page's
 * `cursor`), for the search and for the export of everything it finds.
 */
import { API, queryString } from '../../api/client.ts';
import { FACETS, type Facet } from '../../../../shared/gateway/record-index.ts';

export type SearchFilters = { q: string; cursor: string } & Record<Facet, string>;

/** The page size of the search page. */
export const PAGE_SIZE = 20;

const EMPTY: SearchFilters = { q: '', cursor: '', type: '', country: '', region: '', pillar: '', language: '', year: '' };

/** The search an address asks for; what it does not say is empty. */
export function filtersOf(query: URLSearchParams): SearchFilters {
  const filters = { ...EMPTY, q: (query.get('q') ?? '').trim(), cursor: (query.get('cursor') ?? '').trim() };
  for (const facet of FACETS) filters[facet] = (query.get(facet) ?? '').trim();
  return filters;
}

function criteria(filters: SearchFilters): Record<string, string> {
  const params: Record<string, string> = { q: filters.q.trim() };
  for (const facet of FACETS) params[facet] = filters[facet];
  return params;
}

/** The search page's own address for `filters`. */
export function addressOf(filters: SearchFilters): string {
  return `/gateway${queryString({ ...criteria(filters), cursor: filters.cursor })}`;
}

/** The REST request for a page of results. */
export function requestOf(filters: SearchFilters, limit = PAGE_SIZE): string {
  return `/gateway/records${queryString({ ...criteria(filters), limit, cursor: filters.cursor })}`;
}

/** The download of everything the search finds (all pages), as CSV (one type) or JSON: a plain link. */
export function exportHref(filters: SearchFilters, format: 'csv' | 'json'): string {
  return `${API}/gateway/export${queryString({ ...criteria(filters), format })}`;
}

/** The filters with one facet set to `value` (or cleared when empty), back on the first page. */
export function withFacet(filters: SearchFilters, facet: Facet, value: string): SearchFilters {
  return { ...filters, [facet]: value, cursor: '' };
}

/** The filters with another query, back on the first page. */
export function withQuery(filters: SearchFilters, q: string): SearchFilters {
  return { ...filters, q: q.trim(), cursor: '' };
}

/** The facets a search filters by, in the order of `FACETS`. */
export function chosenFacets(filters: SearchFilters): Facet[] {
  return FACETS.filter((facet) => filters[facet] !== '');
}

/** Whether the search asks for anything at all (a query or a filter). */
export function isBlank(filters: SearchFilters): boolean {
  return filters.q === '' && chosenFacets(filters).length === 0;
}
