/** A small JSON client of the REST API for tests, over a `TestServer` (administrator credentials by default). */
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { request, type RequestOptions, type TaxiiResponse, type TestServer } from '../support/taxii-server.ts';

export type RestResponse = TaxiiResponse;

export const basic = (user: string, password = `${user}-password`) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** One request below `/api/v1`; an object `body` is sent as `application/json`, a string as it is. */
export function rest(server: TestServer, path: string, options: RequestOptions = {}): Promise<RestResponse> {
  return request(server, `/api/v1${path}`, 'application/json', options);
}

/**
 * How many changes the audit log holds (sign-ins left out: a request may sign in without changing anything).
 * Equal before and after a request: the request changed nothing, since every change is recorded with it.
 */
export async function recordedChanges(server: TestServer): Promise<number> {
  const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
  return entries.filter((entry) => !entry.action.startsWith('auth.')).length;
}
