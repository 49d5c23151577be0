/**
 * Every published record matching facet values, read through the search's own query a page at a time (newest
 * published first): the reads of the network, the gaps, the facts of a country and the matching of needs with
 * assistance take their records here, so they see exactly what the search shows and nothing unpublished.
 */
import type { FacetValue } from '../../../../shared/gateway/record-index.ts';
import type { RecordType } from '../../../../shared/gateway/record-types.ts';
import type { StoredRecord } from '../repositories/record.repository.ts';
import type { SearchRepository } from '../repositories/search.repository.ts';

const PAGE = 1_000;

/** The published records having every one of `filters`, newest published first. */
export async function allPublished(search: SearchRepository, filters: readonly FacetValue[]): Promise<StoredRecord[]> {
  const found: StoredRecord[] = [];
  let before: number | undefined;
  for (;;) {
    const { records } = await search.search({ terms: [], filters, limit: PAGE, before, counts: false });
    found.push(...records);
    if (records.length < PAGE) return found;
    before = records.at(-1)!.doc!;
  }
}

/** The published records of one type. */
export const publishedOfType = (search: SearchRepository, type: RecordType) => allPublished(search, [{ facet: 'type', value: type }]);
