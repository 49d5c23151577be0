/**
 * A small TAXII 2.1 server written for the client's tests, in memory on `node:http`, independent of Thiqa's
 * code. It behaves differently from Thiqa in the ways the specification allows, chosen per test: pages with
 * only the `X-TAXII-Date-Added-*` headers and no `next`, a small `max_content_length`, statuses that stay
 * pending for a few polls; and in ways it does not, to test failures: a page repeated forever, HTML or
 * garbage instead of TAXII, 500s.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const TAXII = 'application/taxii+json;version=2.1';
type Json = Record<string, unknown>;

export interface IndependentOptions {
  /**
   * `next`: cursors only, no date headers; `headers`: date headers only, no `next`; `repeat`: the first page
   * forever, with a `next`; `stuck`: date headers only, and `added_after` ignored (the first page forever).
   */
  paging?: 'next' | 'headers' | 'repeat' | 'stuck';
  /** Largest page, whatever the client asks (default 10). */
  pageSize?: number;
  maxContentLength?: number;
  /** Polls a status stays pending before it is complete (default 0: complete at once). */
  pendingPolls?: number;
  /** Accepted credentials: a Basic user and password, or a Bearer token. */
  user?: { name: string; password: string };
  token?: string;
  /** The first this many requests get their connection closed without an answer. */
  dropFirst?: number;
  /** Object pages after this many answer 500 (a server failing half-way). */
  failAfterPages?: number;
  /** The manifest leaves out the first version: it disagrees with the objects. */
  manifestSkew?: boolean;
  /** Every answer is this instead of TAXII. */
  broken?: 'html' | 'garbage' | 'json-not-taxii' | 'server-error';
}

export interface StoredVersion {
  object: Json;
  /** Microseconds since the epoch. */
  dateAdded: number;
}

export interface IndependentServer {
  url: string;
  /** The API root's URL, ending in `/`. */
  apiRoot: string;
  collectionId: string;
  versions: StoredVersion[];
  /** Byte lengths of the bodies of the POSTs received. */
  postedBodies: number[];
  /** Stores versions with given `date_added` values (microseconds), as a source to migrate from. */
  preload(versions: { object: Json; dateAdded: number }[]): void;
  close(): Promise<void>;
}

/** `2026-01-01T00:00:00.000001Z` from microseconds. */
export function formatMicros(micros: number): string {
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, 19)}.${String(micros % 1_000_000).padStart(6, '0')}Z`;
}

function parseMicros(text: string): number | undefined {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?Z$/.exec(text);
  if (!match) return undefined;
  return Date.parse(`${match[1]}Z`) * 1000 + Number((match[2] ?? '').padEnd(6, '0'));
}

const versionOf = (object: Json) => String(object.modified ?? object.created ?? '');

function send(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': TAXII, ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

export async function startIndependentServer(options: IndependentOptions = {}): Promise<IndependentServer> {
  const pageSize = options.pageSize ?? 10;
  const maxContentLength = options.maxContentLength ?? 10_000_000;
  const collectionId = '9d1a1d3e-5b8c-4a57-8c1c-0e6c3b7f2a10';
  const versions: StoredVersion[] = [];
  const postedBodies: number[] = [];
  const statuses = new Map<string, { status: Json; polls: number }>();
  let clock = Date.parse('2025-06-01T00:00:00Z') * 1000;
  let base = '';
  let objectPages = 0;
  let dropped = 0;

  const authorised = (request: http.IncomingMessage) => {
    const header = request.headers.authorization ?? '';
    if (options.user && header === `Basic ${Buffer.from(`${options.user.name}:${options.user.password}`).toString('base64')}`) return true;
    if (options.token && header === `Bearer ${options.token}`) return true;
    return !options.user && !options.token;
  };

  const page = (query: URLSearchParams, response: http.ServerResponse, manifest = false) => {
    const after = query.get('added_after');
    const afterMicros = after === null || options.paging === 'stuck' ? -1 : parseMicros(after);
    if (afterMicros === undefined) return send(response, 400, { title: 'added_after is not a timestamp' });
    const start = options.paging === 'repeat' ? 0 : Number(query.get('next') ?? 0);
    const matchVersion = query.get('match[version]') ?? 'last';
    const ids = query.get('match[id]')?.split(',');
    const latest = new Map<string, string>();
    for (const v of versions) if (versionOf(v.object) > (latest.get(v.object.id as string) ?? '')) latest.set(v.object.id as string, versionOf(v.object));
    const matching = versions
      .filter((v) => v.dateAdded > afterMicros && (!ids || ids.includes(v.object.id as string)))
      .filter((v) => matchVersion === 'all' || latest.get(v.object.id as string) === versionOf(v.object))
      .sort((a, b) => a.dateAdded - b.dateAdded);
    const limit = Math.min(Number(query.get('limit') ?? pageSize), pageSize);
    if (!manifest && options.failAfterPages !== undefined && ++objectPages > options.failAfterPages) return send(response, 500, { title: 'failing half-way' });
    const listed = manifest && options.manifestSkew ? matching.slice(1) : matching;
    const rows = listed.slice(start, start + limit);
    const more = start + rows.length < listed.length;
    const headers: Record<string, string> = {};
    if (options.paging !== 'next' && rows.length > 0) {
      headers['X-TAXII-Date-Added-First'] = formatMicros(rows[0]!.dateAdded);
      headers['X-TAXII-Date-Added-Last'] = formatMicros(rows[rows.length - 1]!.dateAdded);
    }
    const next = options.paging === 'headers' || options.paging === 'stuck' || !more ? {} : { next: String(options.paging === 'repeat' ? 0 : start + rows.length) };
    const items = rows.map((r) => (manifest ? { id: r.object.id, date_added: formatMicros(r.dateAdded), version: versionOf(r.object), media_type: 'application/stix+json;version=2.1' } : r.object));
    send(response, 200, { more, ...next, ...(rows.length ? { objects: items } : {}) }, headers);
  };

  const add = (body: string, response: http.ServerResponse) => {
    postedBodies.push(Buffer.byteLength(body));
    if (Buffer.byteLength(body) > maxContentLength) return send(response, 413, { title: 'too large' });
    let envelope: { objects?: Json[] };
    try {
      envelope = JSON.parse(body) as { objects?: Json[] };
    } catch {
      return send(response, 400, { title: 'not JSON' });
    }
    const successes: Json[] = [];
    const failures: Json[] = [];
    for (const object of envelope.objects ?? []) {
      if (typeof object.id !== 'string' || typeof object.type !== 'string') {
        failures.push({ id: String(object.id ?? ''), message: 'no id or type' });
        continue;
      }
      const known = versions.some((v) => v.object.id === object.id && versionOf(v.object) === versionOf(object));
      if (!known) versions.push({ object, dateAdded: (clock += 1) });
      successes.push({ id: object.id, version: versionOf(object) });
    }
    const id = `status-${statuses.size + 1}`;
    const complete = { id, status: 'complete', total_count: successes.length + failures.length, success_count: successes.length, failure_count: failures.length, pending_count: 0, successes, failures };
    statuses.set(id, { status: complete, polls: 0 });
    const pending = options.pendingPolls ?? 0;
    if (pending === 0) return send(response, 202, complete);
    send(response, 202, { id, status: 'pending', total_count: complete.total_count, success_count: 0, failure_count: 0, pending_count: complete.total_count });
  };

  const route = (request: http.IncomingMessage, body: string, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', base);
    if (options.broken === 'html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      return response.end('<html><body>Welcome to our portal</body></html>');
    }
    if (options.broken === 'garbage') {
      response.writeHead(200, { 'content-type': TAXII });
      return response.end('{"objects": [tru');
    }
    if (options.broken === 'json-not-taxii') return send(response, 200, { hello: 'world', collections: 'none' });
    if (options.broken === 'server-error') return send(response, 500, { title: 'database on fire' });
    if (!authorised(request)) return send(response, 401, { title: 'who are you?' }, { 'www-authenticate': 'Basic realm="independent"' });
    const path = url.pathname;
    const objects = `/api1/collections/${collectionId}/objects/`;
    if (request.method === 'GET' && path === '/taxii2/') return send(response, 200, { title: 'Independent TAXII', default: `${base}/api1/`, api_roots: ['/api1/'] });
    if (request.method === 'GET' && path === '/api1/') return send(response, 200, { title: 'API root one', versions: [TAXII], max_content_length: maxContentLength });
    if (request.method === 'GET' && path === '/api1/collections/') {
      return send(response, 200, { collections: [{ id: collectionId, title: 'Shared', can_read: true, can_write: true, media_types: ['application/stix+json;version=2.1'] }] });
    }
    if (request.method === 'GET' && path === objects) return page(url.searchParams, response);
    if (request.method === 'GET' && path === `/api1/collections/${collectionId}/manifest/`) return page(url.searchParams, response, true);
    if (request.method === 'POST' && path === objects) return add(body, response);
    if (request.method === 'DELETE' && path.startsWith(objects)) {
      const id = decodeURIComponent(path.slice(objects.length).replace(/\/$/, ''));
      const version = url.searchParams.get('match[version]');
      const before = versions.length;
      for (let i = versions.length - 1; i >= 0; i--) if (versions[i]!.object.id === id && (!version || versionOf(versions[i]!.object) === version)) versions.splice(i, 1);
      return before === versions.length ? send(response, 404, { title: 'no such object' }) : send(response, 200, undefined);
    }
    const status = /^\/api1\/status\/([^/]+)\/$/.exec(path);
    if (request.method === 'GET' && status) {
      const entry = statuses.get(status[1]!);
      if (!entry) return send(response, 404, { title: 'no such status' });
      entry.polls += 1;
      if (entry.polls < (options.pendingPolls ?? 0)) {
        return send(response, 200, { id: entry.status.id, status: 'pending', total_count: entry.status.total_count, success_count: 0, failure_count: 0, pending_count: entry.status.total_count });
      }
      return send(response, 200, entry.status);
    }
    send(response, 404, { title: 'not here' });
  };

  const server = http.createServer((request, response) => {
    if (dropped < (options.dropFirst ?? 0)) {
      dropped += 1;
      request.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => route(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    apiRoot: `${base}/api1/`,
    collectionId,
    versions,
    postedBodies,
    preload: (given) => {
      for (const v of given) versions.push({ object: v.object, dateAdded: v.dateAdded });
      clock = Math.max(clock, ...given.map((v) => v.dateAdded));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
