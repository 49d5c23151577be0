/**
 * Observable lookup (SQLite or PostgreSQL): with `size` indexed observables (1,000,000 by default: the feeds bench's objects,
 * one observable each, stored through `ObjectService.ingest`, which indexes them; load time reported apart),
 * as a signed-in reader of the collection:
 * - a single lookup in the process (`LookupService.lookup`), p99 over 2,000 values (found and not found, every kind);
 * - lookups per second over HTTP (`GET /api/v1/lookup?value=`, a `thiqa serve` child process, `CLIENTS`
 *   concurrent keep-alive clients on this process for `HTTP_SECONDS`, Bearer token), and as its ceiling the
 *   same for `GET /health` on the same server (the clients and the HTTP stack, no lookup);
 * - a bulk lookup of 10,000 values in the process (`lookupMany`), median of 5.
 */
import { SYSTEM, type Actor } from '../server/core/auth/actor.ts';
import { loadConfig } from '../server/core/config.ts';
import { openPlatform } from '../server/platform.ts';
import { LOOKUP_MAX_VALUES } from '../server/modules/lookup/services/lookup.service.ts';
import { feedBenchObject } from './feeds.bench.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { startServerProcess } from './server.ts';
import { median, perSecond, quantile } from './stats.ts';
import { createEmptyStore } from './store.ts';

export const LOOKUP_OBSERVABLES = 1_000_000;
const BATCH = 5_000;
const SINGLE_LOOKUPS = 2_000;
const BULK_REPEATS = 5;
const CLIENTS = 32;
const HTTP_SECONDS = 5;

/** The value the i-th bench object carries, as a user would type it. */
function valueOf(i: number): string {
  const object = feedBenchObject(i);
  if (typeof object.value === 'string') return object.value;
  if (typeof object.pattern === 'string') return /'([^']+)'\]$/.exec(object.pattern)![1]!;
  return Object.values(object.hashes as Record<string, string>)[0]!;
}

/** Values to ask for: mostly stored ones, spread over the store, one in ten not stored. */
function askedValues(count: number, size: number): string[] {
  return Array.from({ length: count }, (_, k) => (k % 10 === 9 ? `absent${k}.example` : valueOf((k * 7_919) % size)));
}

export async function measureLookup(database: DatabaseKind, tmp: string, postgresUrl: string, size = LOOKUP_OBSERVABLES): Promise<Measurement[]> {
  const store = await createEmptyStore(database, tmp, `lookup-${database}`, postgresUrl);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: store.dataDir }, {}));
  let closed = false;
  try {
    await platform.apiRoots.create(SYSTEM, { name: 'bench', title: 'Bench', maxContentLength: 100_000_000 });
    const collection = await platform.collections.create(SYSTEM, { apiRoot: 'bench', title: 'Lookup bench' });
    const user = await platform.users.addUser({ name: 'analyst', password: 'analyst-password' });
    await platform.collections.grant(SYSTEM, collection.id, `user:${user.id}`, { read: true, write: false });
    const reader: Actor = { kind: 'user', userId: user.id, name: 'analyst', roles: user.roles, organisationId: null };
    const loadStarted = performance.now();
    for (let start = 0; start < size; start += BATCH) {
      const objects = Array.from({ length: Math.min(BATCH, size - start) }, (_, k) => feedBenchObject(start + k));
      const result = await platform.objects.ingest(SYSTEM, 'bench', collection.id, objects);
      if (result.rejected.length) throw new Error(`the bench data was refused: ${JSON.stringify(result.rejected[0]).slice(0, 300)}`);
    }
    const loadMs = performance.now() - loadStarted;
    // A server's autovacuum would have analysed the tables by now; one that runs with it off plans blind.
    if (database === 'postgres') await platform.db.run('ANALYZE');
    const detail = { loadMs: Math.round(loadMs) };

    const single = askedValues(SINGLE_LOOKUPS, size);
    for (const value of single.slice(0, 100)) await platform.lookup.lookup(reader, value);
    const times: number[] = [];
    let found = 0;
    for (const value of single) {
      const started = performance.now();
      const answer = await platform.lookup.lookup(reader, value);
      times.push(performance.now() - started);
      if (answer.matches.length) found++;
    }
    if (found < SINGLE_LOOKUPS * 0.85) throw new Error(`only ${found} of ${SINGLE_LOOKUPS} lookups found their object`);

    const bulk = askedValues(LOOKUP_MAX_VALUES, size);
    const bulkTimes: number[] = [];
    for (let r = 0; r < BULK_REPEATS; r++) {
      const started = performance.now();
      await platform.lookup.lookupMany(reader, bulk);
      bulkTimes.push(performance.now() - started);
    }

    const { token } = await platform.users.createToken('analyst', 'bench');
    await platform.close();
    closed = true;
    const storeArgs = ['--data', store.dataDir, ...(database === 'postgres' ? ['--database-url', store.databaseUrl] : [])];
    const http = await httpLookups(storeArgs, `Bearer ${token}`, askedValues(10_000, size));
    return [
      { name: `lookup: one value in the process, p99 of ${SINGLE_LOOKUPS}`, database, size, value: quantile(times, 0.99), unit: 'ms', goal: 'lookupSingle', detail: { ...detail, p50: median(times), found } },
      { name: `lookup: over HTTP, ${CLIENTS} clients`, database, size, value: http.perSecond, unit: 'lookups/s', goal: 'lookupHttp', detail: { ...detail, requests: http.requests } },
      { name: `lookup: ceiling, GET /health over HTTP, ${CLIENTS} clients`, database, size, value: http.ceiling.perSecond, unit: 'requests/s', detail: { requests: http.ceiling.requests } },
      { name: `lookup: ${LOOKUP_MAX_VALUES.toLocaleString('en-US')} values at once (median of ${BULK_REPEATS})`, database, size, value: median(bulkTimes), unit: 'ms', goal: 'lookupBulk', detail: { ...detail, times: bulkTimes.map(Math.round) } },
    ];
  } finally {
    if (!closed) await platform.close();
    await store.drop();
  }
}

/**
 * Lookups per second from `CLIENTS` concurrent clients against a `thiqa serve` child process, and the same for
 * `GET /health` (one `SELECT 1`, same credentials) on the same server: the ceiling of these clients and this
 * HTTP stack on this machine, which no lookup can pass.
 */
async function httpLookups(storeArgs: string[], authorization: string, values: readonly string[]): Promise<{ perSecond: number; requests: number; ceiling: { perSecond: number; requests: number } }> {
  const server = await startServerProcess(storeArgs);
  try {
    let next = 0;
    const lookup = () => `/api/v1/lookup?value=${encodeURIComponent(values[next++ % values.length]!)}`;
    const lookups = await requestsPerSecond(server.url, authorization, lookup);
    return { ...lookups, ceiling: await requestsPerSecond(server.url, authorization, () => '/health') };
  } finally {
    await server.stop();
  }
}

/** `CLIENTS` keep-alive clients asking for `path()` in turn for `HTTP_SECONDS`, after 200 requests to warm up. */
async function requestsPerSecond(url: string, authorization: string, path: () => string): Promise<{ perSecond: number; requests: number }> {
  let requests = 0;
  const ask = async () => {
    const target = path();
    const response = await fetch(`${url}${target}`, { headers: { authorization, accept: 'application/json' } });
    if (response.status !== 200) throw new Error(`GET ${target} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 200; i++) await ask();
  const started = performance.now();
  const until = started + HTTP_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        await ask();
        requests++;
      }
    }),
  );
  return { perSecond: perSecond(requests, performance.now() - started), requests };
}
