/**
 * Full read through TAXII pagination: GET the objects listing with `limit`, follow `next` until `more` is
 * false, and count. The count must equal the number of distinct ids the generator emitted (the listing
 * serves only the latest version of each object). Each page is parsed, as a real client must; the time the
 * server took (sum of request times) is kept apart from the wall time in the JSON.
 */
import type { DatabaseKind, Measurement } from './measurement.ts';
import { checkDeadline, perSecond } from './stats.ts';
import { getPage, type TaxiiTarget } from './taxii-client.ts';

/** Positions found while reading, used by the filtered-GET latencies. */
export interface Landmarks {
  /** X-TAXII-Date-Added-First of the first page: the oldest object. */
  firstDateAdded: string;
  /** X-TAXII-Date-Added-Last of the page before the last: `added_after` this leaves about one page. */
  nearEndDateAdded: string;
  /** The `next` cursor that page answered: it points at the last page. */
  nearEndNext: string;
}

export interface ReadResult {
  measurement: Measurement;
  landmarks: Landmarks | undefined;
}

/**
 * Reads the whole collection (`size` objects ingested) with pages of `pageSize`. `expected` is the number
 * of latest versions it should hold (undefined when that is not known).
 */
export async function measureFullRead(
  target: TaxiiTarget,
  size: number,
  database: DatabaseKind,
  options: { pageSize: number; expected: number | undefined; deadline: number },
): Promise<ReadResult> {
  const { pageSize, expected, deadline } = options;
  let objects = 0;
  let pages = 0;
  let bytes = 0;
  let serverMs = 0;
  let next: string | undefined;
  let firstDateAdded: string | undefined;
  // The last page that said `more: true`: by the end, the page before the last.
  let previous: { last: string; next: string } | undefined;
  const maxPages = Math.ceil(size / pageSize) + 2;

  const started = performance.now();
  for (;;) {
    checkDeadline(deadline, `full read (limit ${pageSize})`);
    if (pages >= maxPages) throw new Error(`full read did not end after ${pages} pages of ${pageSize}`);
    const { reply, envelope } = await getPage(target, `limit=${pageSize}${next ? `&next=${encodeURIComponent(next)}` : ''}`);
    pages++;
    bytes += reply.text.length;
    serverMs += reply.ms;
    objects += envelope.objects?.length ?? 0;
    firstDateAdded ??= reply.headers.get('x-taxii-date-added-first') ?? undefined;
    if (!envelope.more) break;
    if (!envelope.next) throw new Error('a page said more: true without next');
    previous = { last: reply.headers.get('x-taxii-date-added-last') ?? '', next: envelope.next };
    next = envelope.next;
  }
  const wallMs = performance.now() - started;

  const landmarks = firstDateAdded && previous ? { firstDateAdded, nearEndDateAdded: previous.last, nearEndNext: previous.next } : undefined;
  return {
    landmarks,
    measurement: {
      name: `read: full pagination, limit ${pageSize}`,
      database,
      size,
      value: perSecond(objects, wallMs),
      unit: 'objects/s',
      goal: 'read',
      detail: {
        objects,
        expectedLatest: expected,
        countOk: expected === undefined ? undefined : objects === expected,
        pages,
        megabytes: Math.round(bytes / 1e6),
        wallMs: Math.round(wallMs),
        serverMs: Math.round(serverMs),
      },
    },
  };
}
