/**
 * Pulling one link: the peer's collection read page by page from the link's cursor, every version
 * (`match[version]=all`), ingested into the local collection through the exchange's ingest path as the peer
 * (so the origin organisation of what arrives is the peer's, and the exchange's validation and sharing checks
 * hold), provenance recorded for every version accepted (stored or already there), what is refused
 * quarantined with its rule codes, and the cursor moved after each page is stored. The next page is fetched
 * while one is stored: at most two pages are in memory.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import type { LinkRepository, LinkRow } from '../repositories/link.repository.ts';
import type { ProvenanceRepository, QuarantineRow } from '../repositories/provenance.repository.ts';
import type { ObjectsQuery, RemoteCollectionClient } from '../taxii-client/taxii-remote.ts';

/** What is kept of a refused object, at most (its JSON as received). */
export const QUARANTINE_MAX_BYTES = 64 * 1024;

export interface PullReport {
  pages: number;
  received: number;
  stored: number;
  duplicates: number;
  quarantined: number;
  /** Versions deleted here because the peer no longer has them (link-reconcile.ts). */
  deleted: number;
}

export interface PullDeps {
  objects: ObjectService;
  links: LinkRepository;
  provenance: ProvenanceRepository;
}

const NEXT = 'next:';

function queryFrom(cursor: string | null, pageSize: number): ObjectsQuery {
  if (cursor?.startsWith(NEXT)) return { next: cursor.slice(NEXT.length), limit: pageSize, matchVersion: 'all' };
  return { ...(cursor ? { addedAfter: cursor } : {}), limit: pageSize, matchVersion: 'all' };
}

function asJson(object: unknown): { text: string; truncated: boolean } {
  let text: string;
  try {
    text = JSON.stringify(object) ?? String(object);
  } catch {
    text = String(object);
  }
  const bytes = Buffer.from(text);
  if (bytes.length <= QUARANTINE_MAX_BYTES) return { text, truncated: false };
  return { text: bytes.subarray(0, QUARANTINE_MAX_BYTES).toString('utf8'), truncated: true };
}

/**
 * The pages of `source`, each next one already asked for while the one handed out is being stored: the peer
 * reads and sends while this side writes. At most two pages are in memory.
 */
async function* aheadByOne<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = iterator.next();
      // A failure of the request ahead surfaces when its page is awaited, not before the current one is stored.
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** Pulls `link` until the peer has nothing more, or `signal` asks to stop (after the page in hand is stored). */
export async function pullLink(deps: PullDeps, link: LinkRow, peerActor: Actor, peerId: string, client: RemoteCollectionClient, pageSize: number, signal?: AbortSignal): Promise<PullReport> {
  const report: PullReport = { pages: 0, received: 0, stored: 0, duplicates: 0, quarantined: 0, deleted: 0 };
  let cursor = link.pull_cursor;
  for await (const page of aheadByOne(client.pages(queryFrom(cursor, pageSize), signal))) {
    report.pages++;
    report.received += page.objects.length;
    if (page.objects.length > 0) {
      const result = await deps.objects.ingest(peerActor, link.local_api_root, link.local_collection, page.objects);
      const at = Date.now();
      const arrivals = [...result.stored.map((s) => ({ stixId: s.id, version: s.version })), ...result.duplicates.map((d) => ({ stixId: d.id, version: d.version }))];
      await deps.provenance.recordArrivals(link.local_collection, peerId, link.id, at, arrivals);
      const quarantined: QuarantineRow[] = result.rejected.map((r) => {
        const { text, truncated } = asJson(page.objects[r.index]);
        const reasons = [...new Set(r.problems.filter((p) => p.severity === 'error').map((p) => p.rule))];
        return { id: randomUUID(), peer_id: peerId, link_id: link.id, received_at: at, stix_id: r.id ?? null, object_json: text, truncated: truncated ? 1 : 0, reasons: JSON.stringify(reasons) };
      });
      await deps.provenance.quarantine(quarantined);
      report.stored += result.stored.length;
      report.duplicates += result.duplicates.length;
      report.quarantined += quarantined.length;
    }
    // The remote's own position: its last date_added when it says it, else its `next` (valid on Thiqa across
    // restarts; on a server whose `next` expires, a stale one fails and the link is reported failing).
    const position = page.dateAddedLast ?? (page.next ? `${NEXT}${page.next}` : undefined);
    if (position !== undefined && position !== cursor) {
      cursor = position;
      await deps.links.setPullCursor(link.id, cursor);
    }
    if (signal?.aborted) break;
  }
  return report;
}
