/**
 * A real Thiqa server on 127.0.0.1 over a fresh test store, with an administrator, two ordinary users and
 * the default API root and collection; plus a small TAXII client that speaks exactly what the spec says.
 */
import { loadConfig } from '../../server/core/config.ts';
import { openPlatform, type Platform } from '../../server/platform.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { startServer } from '../../server/serve.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { Dialect } from '../../server/core/db/database.ts';
import { createTestStore, type TestStore } from './databases.ts';

export const TAXII = 'application/taxii+json;version=2.1';

export interface TestServer {
  url: string;
  platform: Platform;
  store: TestStore;
  collectionId: string;
  /** Authorization headers: administrator, `alice` (read+write on the default collection), `bob` (no grants). */
  auth: { admin: string; alice: string; bob: string };
  close(): Promise<void>;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export async function startTestServer(dialect: Dialect, env: Record<string, string> = {}): Promise<TestServer> {
  const store = await createTestStore(dialect);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.url, dataDir: '.tmp' }, env));
  const boot = await bootstrap(platform);
  await platform.users.addUser({ name: 'alice', password: 'alice-password' });
  await platform.users.addUser({ name: 'bob', password: 'bob-password' });
  const alice = await platform.users.findUser('alice');
  const collectionId = boot.collectionId!;
  await platform.collections.grant(SYSTEM, collectionId, `user:${alice!.id}`, { read: true, write: true });
  const { token } = await platform.users.createToken('admin', 'tests');
  const server = await startServer(platform, '127.0.0.1', 0);
  return {
    url: server.url,
    platform,
    store,
    collectionId,
    auth: { admin: `Bearer ${token}`, alice: basic('alice', 'alice-password'), bob: basic('bob', 'bob-password') },
    close: async () => {
      await server.close();
      await platform.close();
      await store.drop();
    },
  };
}

export interface TaxiiResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  text: string;
}

export interface RequestOptions {
  method?: string;
  /** An Authorization header; the administrator's when absent, none when null. */
  auth?: string | null;
  /** Sent as JSON in `mediaType` (a string is sent as it is). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request accepting and sending `mediaType`; the body is parsed as JSON when it is JSON. */
export async function request(server: TestServer, path: string, mediaType: string, options: RequestOptions = {}): Promise<TaxiiResponse> {
  const headers: Record<string, string> = { accept: mediaType, ...(options.headers ?? {}) };
  const auth = options.auth === undefined ? server.auth.admin : options.auth;
  if (auth) headers.authorization = auth;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= mediaType;
  }
  const response = await fetch(`${server.url}${path}`, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** One TAXII request; `body` is sent as JSON with the TAXII media type. */
export function taxii(server: TestServer, path: string, options: RequestOptions = {}): Promise<TaxiiResponse> {
  return request(server, path, TAXII, options);
}

/** The objects path of the default collection. */
export function objectsPath(server: TestServer, suffix = ''): string {
  return `/thiqa/collections/${server.collectionId}/objects/${suffix}`;
}

/** Reads every page of a listing by following `next` alone, as a stateless client would. */
export async function readAllPages(server: TestServer, path: string, limit: number, key: 'objects' | 'versions' = 'objects'): Promise<unknown[]> {
  const items: unknown[] = [];
  let next: string | undefined;
  const join = path.includes('?') ? '&' : '?';
  for (let guard = 0; guard < 100_000; guard++) {
    const response = await taxii(server, `${path}${join}limit=${limit}${next ? `&next=${encodeURIComponent(next)}` : ''}`);
    if (response.status !== 200) throw new Error(`page failed: ${response.status} ${response.text}`);
    items.push(...((response.body[key] as unknown[] | undefined) ?? []));
    if (!response.body.more) return items;
    next = response.body.next;
  }
  throw new Error('pagination did not end');
}
