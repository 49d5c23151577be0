/**
 * A TAXII 2.1 client for any conformant server: discovery, API roots, collections, and per collection a
 * `RemoteCollectionClient` (pages, push, delete; `taxii-collection-client.ts`). It speaks HTTP with `fetch`
 * and keeps no state beyond the API roots' `max_content_length` it has read.
 *
 * @example
 *   const client = new TaxiiClient({ credentials: { kind: 'bearer', token } });
 *   const root = await client.apiRoot('https://hub.example/thiqa/');
 *   const remote = await client.collectionClient(root.url, collectionId);
 *   for await (const page of remote.pages({})) store(page.objects);
 */
import { TaxiiHttp, type TaxiiHttpOptions } from './taxii-http.ts';
import { readApiRoot, readCollection, readCollections, readDiscovery, rootUrl } from './taxii-resources.ts';
import { TaxiiCollectionClient } from './taxii-collection-client.ts';
import type { PollOptions } from './taxii-push.ts';
import { TaxiiRemoteError, type Discovery, type RemoteApiRoot, type RemoteCollection } from './taxii-remote.ts';

export interface TaxiiClientOptions extends TaxiiHttpOptions {
  /** How a push polls its statuses until they are complete. */
  poll?: PollOptions;
}

/** The discovery URL of a server given by its address or its discovery URL: `…/taxii2/` (§4.1). */
export function discoveryUrl(url: string): string {
  const parsed = parseUrl(url);
  if (!/\/taxii2\/?$/.test(parsed.pathname)) parsed.pathname = `${parsed.pathname.replace(/\/$/, '')}/taxii2/`;
  else if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.toString();
}

/** @throws TaxiiRemoteError `protocol` when `url` is not an http(s) URL. */
export function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TaxiiRemoteError('protocol', 'the server address is not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TaxiiRemoteError('protocol', `the server address must start with http:// or https://, not ${parsed.protocol}`);
  return parsed;
}

export class TaxiiClient {
  readonly #http: TaxiiHttp;
  readonly #poll: PollOptions;

  constructor(options: TaxiiClientOptions) {
    this.#http = new TaxiiHttp(options);
    this.#poll = options.poll ?? {};
  }

  /** `GET /taxii2/` of the server at `url` (its address or discovery URL). */
  async discover(url: string, signal?: AbortSignal): Promise<Discovery> {
    const at = discoveryUrl(url);
    const answer = await this.#http.send('GET', at, { signal });
    return readDiscovery(answer.body as Record<string, unknown>, at);
  }

  /** The API root at `url` (absolute; a trailing `/` is added when missing). */
  async apiRoot(url: string, signal?: AbortSignal): Promise<RemoteApiRoot> {
    const at = rootUrl(parseUrl(url).toString(), url);
    const answer = await this.#http.send('GET', at, { signal });
    return readApiRoot(answer.body as Record<string, unknown>, at);
  }

  /** The collections of an API root the credentials may see. */
  async collections(apiRootUrl: string, signal?: AbortSignal): Promise<RemoteCollection[]> {
    const answer = await this.#http.send('GET', `${rootUrl(apiRootUrl, apiRootUrl)}collections/`, { signal });
    return readCollections(answer.body as Record<string, unknown>);
  }

  async collection(apiRootUrl: string, collectionId: string, signal?: AbortSignal): Promise<RemoteCollection> {
    const answer = await this.#http.send('GET', `${rootUrl(apiRootUrl, apiRootUrl)}collections/${encodeURIComponent(collectionId)}/`, { signal });
    return readCollection(answer.body);
  }

  /**
   * The client of one remote collection. Reads the API root first, for its `max_content_length`
   * (`maxContentLength` given skips that request).
   */
  async collectionClient(apiRootUrl: string, collectionId: string, options: { maxContentLength?: number; signal?: AbortSignal } = {}): Promise<TaxiiCollectionClient> {
    const url = rootUrl(apiRootUrl, apiRootUrl);
    const max = options.maxContentLength ?? (await this.apiRoot(url, options.signal)).maxContentLength;
    return new TaxiiCollectionClient(this.#http, url, collectionId, max, this.#poll);
  }
}
