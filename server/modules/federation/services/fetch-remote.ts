/**
 * The minimum TAXII 2.1 client the sync needs, on `fetch`, implementing `RemoteCollectionClient`
 * (../taxii-client/taxii-remote.ts). Written here because the full client (`taxii-client/`) was not ready when
 * the sync was; `platform.ts` picks the implementation through `RemoteFactory`, so replacing this is one line.
 * It reads a page (`added_after`, `next`, `limit`, `match[version]=all`), follows `next` else
 * `X-TAXII-Date-Added-Last`, pushes envelopes within the API root's `max_content_length`, and deletes.
 */
import { TaxiiRemoteError, type ObjectsPage, type ObjectsQuery, type PushStatus, type RemoteCollectionClient, type TaxiiCredentials } from '../taxii-client/taxii-remote.ts';

const MEDIA = 'application/taxii+json;version=2.1';
const TIMEOUT_MS = 30_000;

/** Makes the client of one remote collection (the sync's only way to a peer). */
export type RemoteFactory = (apiRootUrl: string, collectionId: string, credentials: TaxiiCredentials) => RemoteCollectionClient;

export const fetchRemote: RemoteFactory = (apiRootUrl, collectionId, credentials) => new FetchRemoteCollection(apiRootUrl, collectionId, credentials);

function authorisation(credentials: TaxiiCredentials): Record<string, string> {
  if (credentials.kind === 'basic') return { Authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}` };
  if (credentials.kind === 'bearer') return { Authorization: `Bearer ${credentials.token}` };
  return {};
}

class FetchRemoteCollection implements RemoteCollectionClient {
  readonly apiRootUrl: string;
  readonly collectionId: string;
  private readonly credentials: TaxiiCredentials;
  private maxContentLength: number | undefined;

  constructor(apiRootUrl: string, collectionId: string, credentials: TaxiiCredentials) {
    this.apiRootUrl = apiRootUrl.endsWith('/') ? apiRootUrl : `${apiRootUrl}/`;
    this.collectionId = collectionId;
    this.credentials = credentials;
  }

  private get objectsUrl(): string {
    return `${this.apiRootUrl}collections/${encodeURIComponent(this.collectionId)}/objects/`;
  }

  private async request(url: string, init: RequestInit, signal?: AbortSignal): Promise<{ response: Response; body: unknown }> {
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers: { Accept: MEDIA, ...authorisation(this.credentials), ...(init.headers as Record<string, string> | undefined) },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw new TaxiiRemoteError('unreachable', `${new URL(url).origin} cannot be reached: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401 || response.status === 403) throw new TaxiiRemoteError('unauthorised', `${new URL(url).origin} refused the credentials (${response.status})`, response.status);
    if (response.status === 404) throw new TaxiiRemoteError('not_found', `${url} was not found (404)`, 404);
    if (response.status >= 500) throw new TaxiiRemoteError('server', `${new URL(url).origin} failed (${response.status})`, response.status);
    if (response.status >= 400) throw new TaxiiRemoteError('refused', `${url} refused the request (${response.status}): ${text.slice(0, 200)}`, response.status);
    if (text === '') return { response, body: undefined };
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/taxii\+json/i.test(type)) throw new TaxiiRemoteError('protocol', `${url} answered ${type || 'no media type'}, not ${MEDIA}`, response.status);
    try {
      return { response, body: JSON.parse(text) as unknown };
    } catch {
      throw new TaxiiRemoteError('protocol', `${url} answered something that is not JSON`, response.status);
    }
  }

  async objects(query: ObjectsQuery, signal?: AbortSignal): Promise<ObjectsPage> {
    const url = new URL(this.objectsUrl);
    if (query.addedAfter) url.searchParams.set('added_after', query.addedAfter);
    if (query.next) url.searchParams.set('next', query.next);
    if (query.limit) url.searchParams.set('limit', String(query.limit));
    url.searchParams.set('match[version]', query.matchVersion ?? 'all');
    if (query.matchId?.length) url.searchParams.set('match[id]', query.matchId.join(','));
    if (query.matchType?.length) url.searchParams.set('match[type]', query.matchType.join(','));
    const { response, body } = await this.request(url.toString(), { method: 'GET' }, signal);
    const envelope = (body ?? {}) as Record<string, unknown>;
    if (typeof envelope !== 'object' || Array.isArray(envelope)) throw new TaxiiRemoteError('protocol', `${url} answered no TAXII envelope`);
    const objects = envelope.objects ?? [];
    if (!Array.isArray(objects)) throw new TaxiiRemoteError('protocol', `${url} answered an envelope whose "objects" is not a list`);
    const page: ObjectsPage = { objects, more: envelope.more === true };
    if (typeof envelope.next === 'string') page.next = envelope.next;
    const first = response.headers.get('x-taxii-date-added-first');
    const last = response.headers.get('x-taxii-date-added-last');
    if (first) page.dateAddedFirst = first;
    if (last) page.dateAddedLast = last;
    return page;
  }

  async *pages(query: ObjectsQuery, signal?: AbortSignal): AsyncGenerator<ObjectsPage> {
    let current = { ...query };
    for (;;) {
      const page = await this.objects(current, signal);
      yield page;
      if (!page.more || page.objects.length === 0) return;
      if (page.next) current = { ...query, next: page.next };
      else if (page.dateAddedLast) current = { ...query, addedAfter: page.dateAddedLast, next: undefined };
      else throw new TaxiiRemoteError('protocol', `${this.objectsUrl} said there is more but gave neither "next" nor X-TAXII-Date-Added-Last`);
    }
  }

  private async limit(signal?: AbortSignal): Promise<number> {
    if (this.maxContentLength === undefined) {
      const { body } = await this.request(this.apiRootUrl, { method: 'GET' }, signal);
      const advertised = (body as { max_content_length?: unknown } | undefined)?.max_content_length;
      this.maxContentLength = typeof advertised === 'number' && advertised > 1024 ? advertised : 10 * 1024 * 1024;
    }
    return this.maxContentLength;
  }

  async push(objects: readonly unknown[], signal?: AbortSignal): Promise<PushStatus[]> {
    if (objects.length === 0) return [];
    const max = (await this.limit(signal)) - 64;
    const statuses: PushStatus[] = [];
    let batch: string[] = [];
    let size = 16;
    const send = async () => {
      if (batch.length === 0) return;
      const { body } = await this.request(this.objectsUrl, { method: 'POST', headers: { 'Content-Type': MEDIA }, body: `{"objects":[${batch.join(',')}]}` }, signal);
      statuses.push(statusOf(body));
      batch = [];
      size = 16;
    };
    for (const object of objects) {
      const text = JSON.stringify(object);
      const bytes = Buffer.byteLength(text) + 1;
      if (bytes > max) {
        statuses.push({ id: '', status: 'complete', totalCount: 1, successCount: 0, failureCount: 1, pendingCount: 0, failures: [{ id: String((object as { id?: unknown }).id ?? ''), message: 'larger than the peer takes' }] });
        continue;
      }
      if (size + bytes > max) await send();
      batch.push(text);
      size += bytes;
    }
    await send();
    return statuses;
  }

  async deleteObject(id: string, version?: string, signal?: AbortSignal): Promise<void> {
    const url = new URL(`${this.objectsUrl}${encodeURIComponent(id)}/`);
    if (version) url.searchParams.set('match[version]', version);
    await this.request(url.toString(), { method: 'DELETE' }, signal);
  }
}

function statusOf(body: unknown): PushStatus {
  const s = (body ?? {}) as Record<string, unknown>;
  const count = (v: unknown) => (typeof v === 'number' ? v : 0);
  const failures = Array.isArray(s.failures) ? (s.failures as Record<string, unknown>[]) : [];
  return {
    id: typeof s.id === 'string' ? s.id : '',
    status: s.status === 'pending' ? 'pending' : 'complete',
    totalCount: count(s.total_count),
    successCount: count(s.success_count),
    failureCount: count(s.failure_count),
    pendingCount: count(s.pending_count),
    failures: failures.map((f) => ({ id: String(f.id ?? ''), ...(typeof f.version === 'string' ? { version: f.version } : {}), ...(typeof f.message === 'string' ? { message: f.message } : {}) })),
  };
}
