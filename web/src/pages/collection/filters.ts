/**
 * The collection browser's filters as they live in the address (`?type=indicator&tlp=amber&q=…`) and as the
 * REST API takes them. Dates are whole days of the reader's choosing, sent as UTC bounds.
 */
import { queryString } from '../../api/client.ts';
import { TLP_NAMES, type TlpName } from '../../api/types.ts';

export interface Filters {
  q: string;
  types: string[];
  tlp: TlpName[];
  /** `YYYY-MM-DD`, or '' */
  from: string;
  to: string;
  organisation: string;
}

const list = (value: string | null) => (value ? value.split(',').map((part) => part.trim()).filter(Boolean) : []);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersOf(query: URLSearchParams): Filters {
  return {
    q: query.get('q') ?? '',
    types: list(query.get('type')),
    tlp: list(query.get('tlp')).filter((level): level is TlpName => (TLP_NAMES as readonly string[]).includes(level)),
    from: DAY.test(query.get('from') ?? '') ? query.get('from')! : '',
    to: DAY.test(query.get('to') ?? '') ? query.get('to')! : '',
    organisation: query.get('organisation') ?? '',
  };
}

/** The page's own address for these filters. */
export function addressOf(collectionId: string, filters: Filters): string {
  return `/collections/${encodeURIComponent(collectionId)}${queryString({
    q: filters.q.trim(),
    type: filters.types.join(','),
    tlp: filters.tlp.join(','),
    from: filters.from,
    to: filters.to,
    organisation: filters.organisation,
  })}`;
}

/** The REST request for a page of objects with these filters (and the `next` cursor of the page before). */
export function requestOf(collectionId: string, filters: Filters, next?: string): string {
  return `/collections/${encodeURIComponent(collectionId)}/objects${queryString({
    q: filters.q.trim(),
    type: filters.types.join(','),
    tlp: filters.tlp.join(','),
    added_after: filters.from && `${filters.from}T00:00:00.000Z`,
    added_before: filters.to && `${filters.to}T23:59:59.999Z`,
    organisation: filters.organisation,
    limit: 50,
    next,
  })}`;
}

/** STIX types offered in the type filter (any other can be typed). */
export const COMMON_TYPES = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'identity',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'note',
  'observed-data',
  'report',
  'relationship',
  'sighting',
  'threat-actor',
  'tool',
  'vulnerability',
] as const;
