/** A small JSON client of the REST API for tests, over a `TestServer` (administrator credentials by default). */
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { TestServer } from '../support/taxii-server.ts';

export interface RestResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  text: string;
}

export const basic = (user: string, password = `${user}-password`) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** One request below `/api/v1`; an object `body` is sent as `application/json`, a string as it is. */
export async function rest(
  server: TestServer,
  path: string,
  options: { method?: string; auth?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RestResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
  const auth = options.auth === undefined ? server.auth.admin : options.auth;
  if (auth) headers.authorization = auth;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${server.url}/api/v1${path}`, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/**
 * How many changes the audit log holds (sign-ins left out: a request may sign in without changing anything).
 * Equal before and after a request: the request changed nothing, since every change is recorded with it.
 */
export async function recordedChanges(server: TestServer): Promise<number> {
  const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
  return entries.filter((entry) => !entry.action.startsWith('auth.')).length;
}
