/**
 * What the federation asks of a TAXII 2.1 server, whoever wrote it: the contract between the TAXII client
 * (`taxii-client.ts`) and the sync (`../services/`). Timestamps are TAXII/STIX timestamps as the server sent
 * them (text), never reparsed into `Date`, so microseconds survive.
 */

/** How the client proves who it is to the remote server. */
export type TaxiiCredentials =
  | { kind: 'basic'; user: string; password: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'none' };

export interface RemoteCollection {
  id: string;
  title: string;
  description?: string;
  canRead: boolean;
  canWrite: boolean;
  mediaTypes: string[];
}

export interface RemoteApiRoot {
  /** Absolute URL, ending in `/`. */
  url: string;
  title: string;
  versions: string[];
  /** Bytes; a push splits its envelopes to stay within it. */
  maxContentLength: number;
}

export interface Discovery {
  title: string;
  default?: string;
  /** Absolute URLs of the API roots, ending in `/`. */
  apiRoots: string[];
}

/** A page of `GET …/objects/`: where to go on from is `next` when the server gives one, else `dateAddedLast`. */
export interface ObjectsPage {
  objects: unknown[];
  more: boolean;
  next?: string;
  /** `X-TAXII-Date-Added-First` / `-Last` of the response. */
  dateAddedFirst?: string;
  dateAddedLast?: string;
}

/** One record of `GET …/manifest/`: which version of which object the server added when. */
export interface ManifestRecord {
  id: string;
  /** As the server sent it. */
  dateAdded: string;
  version: string;
  mediaType?: string;
}

/** A page of `GET …/manifest/`, paged like the objects. */
export interface ManifestPage {
  records: ManifestRecord[];
  more: boolean;
  next?: string;
  dateAddedFirst?: string;
  dateAddedLast?: string;
}

export interface ObjectsQuery {
  addedAfter?: string;
  next?: string;
  limit?: number;
  /** `match[version]`; `all` when absent, so every version reaches the other side. */
  matchVersion?: string;
  matchId?: string[];
  matchType?: string[];
}

/** A TAXII status resource as the server answered it (after polling until it is `complete`, or gave up). */
export interface PushStatus {
  id: string;
  status: 'pending' | 'complete';
  totalCount: number;
  successCount: number;
  failureCount: number;
  pendingCount: number;
  failures: { id: string; version?: string; message?: string }[];
  /** True on the status the client itself made for objects it did not send (each alone beyond `max_content_length`). */
  local?: boolean;
}

/** One collection of one remote server, with the credentials to use on it. */
/** How a push is sent. */
export interface PushOptions {
  personalData?: 'confirm';
}

export interface RemoteCollectionClient {
  readonly apiRootUrl: string;
  readonly collectionId: string;
  objects(query: ObjectsQuery, signal?: AbortSignal): Promise<ObjectsPage>;
  /** Every version of every object from `query.addedAfter` on, page by page, following `next`, else `added_after`. */
  pages(query: ObjectsQuery, signal?: AbortSignal): AsyncGenerator<ObjectsPage>;
  /** Every manifest record from `query.addedAfter` on, page by page, paged like `pages`. */
  manifestPages(query: ObjectsQuery, signal?: AbortSignal): AsyncGenerator<ManifestPage>;
  /**
   * Adds objects, split into envelopes within the API root's `max_content_length`; one status per envelope.
   * `options.personalData` is sent as `X-Thiqa-Personal-Data` (a Thiqa server then stores objects holding
   * personal data that it would otherwise reject: their sharing was confirmed here); other servers ignore it.
   */
  push(objects: readonly unknown[], signal?: AbortSignal, options?: PushOptions): Promise<PushStatus[]>;
  /** `DELETE …/objects/{id}/` (with `match[version]` when given). */
  deleteObject(id: string, version?: string, signal?: AbortSignal): Promise<void>;
}

/**
 * A failure talking to the remote: `unreachable` (connection, DNS, timeout), `unauthorised` (401/403),
 * `not_found`, `protocol` (the answer is not TAXII 2.1: wrong media type, unparsable, missing fields),
 * `server` (5xx) or `refused` (another 4xx, such as 400 or 413). `status` is the HTTP status when there was one.
 */
export type TaxiiFailureKind = 'unreachable' | 'unauthorised' | 'not_found' | 'protocol' | 'server' | 'refused';

export class TaxiiRemoteError extends Error {
  readonly kind: TaxiiFailureKind;
  readonly status: number | undefined;
  constructor(kind: TaxiiFailureKind, message: string, status?: number) {
    super(message);
    this.name = 'TaxiiRemoteError';
    this.kind = kind;
    this.status = status;
  }
}
