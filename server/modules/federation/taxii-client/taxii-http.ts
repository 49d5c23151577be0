/**
 * One HTTP exchange with a TAXII 2.1 server: the media type in `Accept` and `Content-Type`, the credentials,
 * a timeout per request (the caller's `AbortSignal` honoured too), and every failure mapped once to a
 * `TaxiiRemoteError`. Credentials never appear in a message: URLs are shown without their user information.
 */
import { TaxiiRemoteError, type TaxiiCredentials } from './taxii-remote.ts';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

/** Failures of a connection that was open (closed or reset by the other side): worth a second try. */
const DROPPED = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'EPIPE']);
/** Waits before each new try, in ms. */
const RETRIES = [50, 250];

export interface TaxiiHttpOptions {
  credentials: TaxiiCredentials;
  /** Milliseconds each request may take, answer included (default 30 s). */
  timeoutMs?: number;
  /** The `fetch` to use (tests and proxies); the global one by default. */
  fetch?: typeof fetch;
}

export interface TaxiiAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined for an empty body. */
  body: unknown;
}

/** A URL as it may be shown: without `user:password@`, query kept. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(an invalid URL)';
  }
}

function authorization(credentials: TaxiiCredentials): string | undefined {
  switch (credentials.kind) {
    case 'basic':
      return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`;
    case 'bearer':
      return `Bearer ${credentials.token}`;
    case 'none':
      return undefined;
  }
}

/** Whether a Content-Type is the TAXII 2.1 media type (the version parameter may be absent, per §1.6.8). */
export function isTaxiiMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/taxii+json') return false;
  const version = parameters.find((p) => p.startsWith('version='));
  return version === undefined || version.replace(/^version=/, '').replace(/"/g, '') === '2.1';
}

/** The title of a TAXII error message, if the body is one; never more than 200 characters of it. */
function remoteTitle(body: unknown): string {
  const title = (body as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? `: ${title.slice(0, 200)}` : '';
}

export class TaxiiHttp {
  readonly #credentials: TaxiiCredentials;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: TaxiiHttpOptions) {
    this.#credentials = options.credentials;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#fetch = options.fetch ?? fetch;
  }

  /**
   * Sends one request and answers the parsed TAXII body of a 2xx answer.
   * @throws TaxiiRemoteError `unreachable` (network, timeout), `unauthorised` (401, 403), `not_found` (404),
   *   `server` (5xx), `refused` (another 4xx, such as 413), `protocol` (not TAXII 2.1 JSON). An abort of
   *   `signal` is rethrown as it is.
   */
  async send(method: 'GET' | 'POST' | 'DELETE', url: string, options: { body?: string; signal?: AbortSignal; expectBody?: boolean; headers?: Record<string, string> } = {}): Promise<TaxiiAnswer> {
    const where = `${method} ${shownUrl(url)}`;
    if (URL.canParse(url) && (new URL(url).username || new URL(url).password)) {
      throw new TaxiiRemoteError('protocol', `${where}: the URL holds credentials; give them as credentials (a user and password, or a token) instead`);
    }
    const headers: Record<string, string> = { ...options.headers, accept: TAXII_MEDIA_TYPE };
    const auth = authorization(this.#credentials);
    if (auth) headers.authorization = auth;
    if (options.body !== undefined) headers['content-type'] = TAXII_MEDIA_TYPE;
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response | undefined;
    let text = '';
    for (let attempt = 0; response === undefined; attempt++) {
      try {
        response = await this.#fetch(url, { method, headers, body: options.body, signal, redirect: 'follow' });
        text = await response.text();
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (timeout.aborted) throw new TaxiiRemoteError('unreachable', `${where} took longer than ${this.#timeoutMs} ms`);
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.message : 'network error');
        // A kept-alive connection the server closed while idle fails the next request on it: try again on a
        // new one. (TAXII adds are idempotent by id and version, so a POST is safe to send again.)
        if (!DROPPED.has(cause) || attempt >= RETRIES.length) throw new TaxiiRemoteError('unreachable', `${where} could not reach the server (${cause})`);
        response = undefined;
        await new Promise((resolve) => setTimeout(resolve, RETRIES[attempt]));
      }
    }
    const taxii = isTaxiiMediaType(response.headers.get('content-type'));
    let body: unknown;
    if (text !== '' && taxii) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new TaxiiRemoteError('protocol', `${where} answered a body that is not JSON`, response.status);
      }
    }
    const status = response.status;
    if (status === 401 || status === 403) throw new TaxiiRemoteError('unauthorised', `${where} refused the credentials (HTTP ${status})${remoteTitle(body)}`, status);
    if (status === 404) throw new TaxiiRemoteError('not_found', `${where} found nothing there (HTTP 404)${remoteTitle(body)}`, status);
    if (status >= 500) throw new TaxiiRemoteError('server', `${where} failed on the server (HTTP ${status})${remoteTitle(body)}`, status);
    if (status >= 400) throw new TaxiiRemoteError('refused', `${where} was refused (HTTP ${status})${remoteTitle(body)}`, status);
    if (status < 200 || status >= 300) throw new TaxiiRemoteError('protocol', `${where} answered HTTP ${status}, not a TAXII answer`, status);
    const expectBody = options.expectBody ?? true;
    if (expectBody && !taxii) {
      const type = response.headers.get('content-type') ?? 'no Content-Type';
      throw new TaxiiRemoteError('protocol', `${where} answered ${type.slice(0, 100)}, not ${TAXII_MEDIA_TYPE}`, status);
    }
    if (expectBody && (body === null || typeof body !== 'object' || Array.isArray(body))) {
      throw new TaxiiRemoteError('protocol', `${where} answered JSON that is not a TAXII resource`, status);
    }
    return { status, headers: response.headers, body };
  }
}
