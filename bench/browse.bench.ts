/**
 * What the web UI's reads cost on a full collection, through the REST API as the UI calls it (as the
 * administrator, at GREEN): the newest page, a type filter, free text that matches many objects and free text
 * that matches none (the worst case: it looks at every latest version the reader may see), an object's page
 * with its relationships, and the dashboard.
 */
import type { DatabaseKind, Measurement } from './measurement.ts';
import { checkDeadline, median, p95 } from './stats.ts';
import type { BenchStore } from './store.ts';
import type { TaxiiTarget } from './taxii-client.ts';

const WARMUP = 10;
const REPEATS = 30;
const REQUEST_TIMEOUT_MS = 120_000;

async function getJson(target: TaxiiTarget, path: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(`${target.url}/api/v1${path}`, {
    headers: { accept: 'application/json', authorization: target.authorization },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms: performance.now() - started, body };
}

export async function measureBrowse(admin: TaxiiTarget, store: BenchStore, database: DatabaseKind, size: number, deadline: number): Promise<Measurement[]> {
  const objects = `/collections/${encodeURIComponent(store.collectionId)}/objects`;
  const malware = (await getJson(admin, `${objects}?type=malware&limit=1`)).body as { objects: { id: string }[] };
  const reads = [
    { name: 'newest page of 50', path: `${objects}?limit=50` },
    { name: 'type=indicator', path: `${objects}?type=indicator&limit=50` },
    { name: 'free text matching many (q=operation)', path: `${objects}?q=operation&limit=50` },
    { name: 'free text matching none', path: `${objects}?q=no-such-words-anywhere&limit=50` },
    ...(malware.objects[0] ? [{ name: 'object page with relationships', path: `${objects}/${encodeURIComponent(malware.objects[0].id)}` }] : []),
    { name: 'dashboard', path: '/dashboard' },
  ];
  const results: Measurement[] = [];
  for (const { name, path } of reads) {
    const times: number[] = [];
    let answered = 0;
    for (let i = 0; i < WARMUP + REPEATS; i++) {
      checkDeadline(deadline, `browse ${name}`);
      const { ms, body } = await getJson(admin, path);
      answered = (body as { objects?: unknown[] }).objects?.length ?? 1;
      if (i >= WARMUP) times.push(ms);
    }
    results.push({ name: `web UI read: ${name} (median)`, database, size, value: median(times), unit: 'ms', detail: { path, p95: p95(times), answered, repeats: REPEATS } });
  }
  return results;
}
