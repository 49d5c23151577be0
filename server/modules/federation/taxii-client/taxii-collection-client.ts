/**
 * One remote collection: pages of `GET …/objects/`, push, delete. Pages follow `next` when the server gives
 * it and fall back to `added_after` = the last page's `X-TAXII-Date-Added-Last` when it does not; a server
 * that sends the same cursor twice is an error, never a loop.
 */
import { timestampMicros } from '../../../../shared/stix/timestamp.ts';
import type { TaxiiHttp } from './taxii-http.ts';
import { pollUntilComplete, planEnvelopes, tooLargeStatus, type PollOptions } from './taxii-push.ts';
import { readEnvelope, readManifest, readStatus } from './taxii-resources.ts';
import { TaxiiRemoteError, type ManifestPage, type ObjectsPage, type ObjectsQuery, type PushOptions, type PushStatus, type RemoteCollectionClient } from './taxii-remote.ts';

/** How many of the last page cursors a walk remembers to notice a server sending one again. */
const RECENT_CURSORS = 1_024;

/** The query string of a page request; `match[version]` is `all` unless asked otherwise. */
export function objectsSearch(query: ObjectsQuery): string {
  const parameters = new URLSearchParams();
  if (query.addedAfter !== undefined) parameters.set('added_after', query.addedAfter);
  if (query.limit !== undefined) parameters.set('limit', String(query.limit));
  if (query.next !== undefined) parameters.set('next', query.next);
  parameters.set('match[version]', query.matchVersion ?? 'all');
  if (query.matchId?.length) parameters.set('match[id]', query.matchId.join(','));
  if (query.matchType?.length) parameters.set('match[type]', query.matchType.join(','));
  return parameters.toString();
}

export class TaxiiCollectionClient implements RemoteCollectionClient {
  readonly apiRootUrl: string;
  readonly collectionId: string;
  /** The API root's `max_content_length` that pushes split by. */
  readonly maxContentLength: number;
  readonly #http: TaxiiHttp;
  readonly #poll: PollOptions;

  constructor(http: TaxiiHttp, apiRootUrl: string, collectionId: string, maxContentLength: number, poll: PollOptions) {
    this.#http = http;
    this.apiRootUrl = apiRootUrl;
    this.collectionId = collectionId;
    this.maxContentLength = maxContentLength;
    this.#poll = poll;
  }

  get #objectsUrl(): string {
    return `${this.apiRootUrl}collections/${encodeURIComponent(this.collectionId)}/objects/`;
  }

  async objects(query: ObjectsQuery, signal?: AbortSignal): Promise<ObjectsPage> {
    const answer = await this.#http.send('GET', `${this.#objectsUrl}?${objectsSearch(query)}`, { signal });
    return readEnvelope(answer.body as Record<string, unknown>, answer.headers);
  }

  pages(query: ObjectsQuery, signal?: AbortSignal): AsyncGenerator<ObjectsPage> {
    return this.#paginate(query, (current) => this.objects(current, signal));
  }

  /** `GET …/manifest/`: which versions the server added when (`match[version]` is `all` unless asked otherwise). */
  async manifest(query: ObjectsQuery, signal?: AbortSignal): Promise<ManifestPage> {
    const url = `${this.apiRootUrl}collections/${encodeURIComponent(this.collectionId)}/manifest/`;
    const answer = await this.#http.send('GET', `${url}?${objectsSearch(query)}`, { signal });
    return readManifest(answer.body as Record<string, unknown>, answer.headers);
  }

  /** Every manifest record from `query.addedAfter` on, paged like `pages`. */
  manifestPages(query: ObjectsQuery, signal?: AbortSignal): AsyncGenerator<ManifestPage> {
    return this.#paginate(query, (current) => this.manifest(current, signal));
  }

  async *#paginate<P extends { more: boolean; next?: string; dateAddedLast?: string }>(query: ObjectsQuery, read: (query: ObjectsQuery) => Promise<P>): AsyncGenerator<P> {
    let current: ObjectsQuery = { ...query };
    // The cursors of the last pages (bounded, so a walk of millions of pages keeps its memory).
    const recent = new Set<string>(query.next !== undefined ? [`next:${query.next}`] : query.addedAfter !== undefined ? [`after:${query.addedAfter}`] : []);
    for (;;) {
      const page = await read(current);
      yield page;
      if (!page.more) return;
      const previousAfter = current.addedAfter;
      if (page.next !== undefined) {
        current = { ...query, next: page.next };
      } else if (page.dateAddedLast !== undefined) {
        current = { ...query, addedAfter: page.dateAddedLast };
        delete current.next;
        // Without `next`, a walk goes on only if the date moves forward.
        const [before, after] = [previousAfter, page.dateAddedLast].map((t) => (t === undefined ? NaN : timestampMicros(t)));
        if (after! <= before!) throw new TaxiiRemoteError('protocol', `${this.#where()}: X-TAXII-Date-Added-Last ${page.dateAddedLast.slice(0, 40)} is not after the page's added_after; stopped instead of looping`);
      } else {
        throw new TaxiiRemoteError('protocol', `${this.#where()}: a page said "more" but gave neither "next" nor X-TAXII-Date-Added-Last`);
      }
      const key = current.next !== undefined ? `next:${current.next}` : `after:${current.addedAfter}`;
      if (recent.has(key)) throw new TaxiiRemoteError('protocol', `${this.#where()}: the server sent the same page cursor twice (${key.slice(0, 120)}); stopped instead of looping`);
      recent.add(key);
      if (recent.size > RECENT_CURSORS) recent.delete(recent.values().next().value!);
    }
  }

  async push(objects: readonly unknown[], signal?: AbortSignal, options: PushOptions = {}): Promise<PushStatus[]> {
    const plan = planEnvelopes(objects, this.maxContentLength);
    const statuses: PushStatus[] = [];
    const headers = options.personalData ? { 'x-thiqa-personal-data': options.personalData } : undefined;
    for (const { body } of plan.bodies) {
      const answer = await this.#http.send('POST', this.#objectsUrl, { body, signal, headers });
      const first = readStatus(answer.body as Record<string, unknown>);
      statuses.push(await pollUntilComplete(first, () => this.status(first.id, signal), this.#poll, signal));
    }
    if (plan.tooLarge.length > 0) statuses.push(tooLargeStatus(plan.tooLarge, this.maxContentLength));
    return statuses;
  }

  /** `GET {api-root}/status/{id}/`. */
  async status(id: string, signal?: AbortSignal): Promise<PushStatus> {
    const answer = await this.#http.send('GET', `${this.apiRootUrl}status/${encodeURIComponent(id)}/`, { signal });
    return readStatus(answer.body as Record<string, unknown>);
  }

  async deleteObject(id: string, version?: string, signal?: AbortSignal): Promise<void> {
    const search = version !== undefined ? `?${new URLSearchParams({ 'match[version]': version })}` : '';
    await this.#http.send('DELETE', `${this.#objectsUrl}${encodeURIComponent(id)}/${search}`, { signal, expectBody: false });
  }

  #where(): string {
    return `collection ${this.collectionId}`;
  }
}
