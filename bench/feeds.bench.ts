/**
 * Defenders' feeds: the time to produce each format (`FeedService.contentById`: the collection's latest
 * visible versions read page by page, their values taken and normalised, sorted, written) from a collection
 * of 100,000 indicators and observables (deterministic: a fifth each of IPv4, domain, URL indicators, and
 * observables of the six kinds; one in ten labelled spam). No goal is set by the issue; the times are reported.
 * Stored through `ObjectService.ingest` as the operator, in batches of 5,000 (load time reported apart).
 */
import { SYSTEM } from '../server/core/auth/actor.ts';
import { loadConfig } from '../server/core/config.ts';
import { openPlatform } from '../server/platform.ts';
import { FEED_FORMAT_NAMES } from '../shared/feeds/feed-formats.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { median } from './stats.ts';
import { createEmptyStore } from './store.ts';

export const FEED_OBJECTS = 100_000;
const BATCH = 5_000;
const REPEATS = 3;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** The i-th object of the bench collection. */
export function feedBenchObject(i: number): Record<string, unknown> {
  const base = { spec_version: '2.1', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' };
  const ip = `${10 + (i % 200)}.${(i >> 8) % 256}.${(i >> 3) % 256}.${i % 256}`;
  const domain = `host${i}.zone${i % 997}.example`;
  const labels = i % 10 === 0 ? ['spam'] : ['malicious-activity'];
  const sco = (type: string, value: Record<string, unknown>) => ({ type, id: `${type}--${hex(i, 8)}-0000-4000-8000-000000000000`, spec_version: '2.1', ...value });
  const ind = (pattern: string) => ({ type: 'indicator', id: `indicator--${hex(i, 8)}-0000-4000-8000-000000000000`, ...base, pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', labels });
  switch (i % 5) {
    case 0:
      return ind(`[ipv4-addr:value = '${ip}']`);
    case 1:
      return ind(`[domain-name:value = '${domain}']`);
    case 2:
      return ind(`[url:value = 'http://${domain}/p/${i}?q=${i % 7}']`);
    case 3:
      return [sco('ipv4-addr', { value: ip }), sco('domain-name', { value: `o${domain}` }), sco('email-addr', { value: `spam${i}@${domain}` })][(i >> 2) % 3]!;
    default:
      return [sco('ipv6-addr', { value: `2001:db8:${hex(i >> 16, 1)}::${hex(i % 65536, 1)}` }), sco('url', { value: `https://${domain}/x` }), sco('file', { hashes: { 'SHA-256': hex(i, 64) } })][(i >> 2) % 3]!;
  }
}

export async function measureFeeds(database: DatabaseKind, tmp: string, postgresUrl: string, size = FEED_OBJECTS): Promise<Measurement[]> {
  const store = await createEmptyStore(database, tmp, `feeds-${database}`, postgresUrl);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: store.dataDir }, {}));
  try {
    await platform.apiRoots.create(SYSTEM, { name: 'bench', title: 'Bench', maxContentLength: 100_000_000 });
    const collection = await platform.collections.create(SYSTEM, { apiRoot: 'bench', title: 'Feed bench' });
    const loadStarted = performance.now();
    for (let start = 0; start < size; start += BATCH) {
      const objects = Array.from({ length: Math.min(BATCH, size - start) }, (_, k) => feedBenchObject(start + k));
      const result = await platform.objects.ingest(SYSTEM, 'bench', collection.id, objects);
      if (result.rejected.length) throw new Error(`the bench data was refused: ${JSON.stringify(result.rejected[0]).slice(0, 300)}`);
    }
    const loadMs = performance.now() - loadStarted;
    const measurements: Measurement[] = [];
    for (const format of FEED_FORMAT_NAMES) {
      const { feed } = await platform.feeds.create(SYSTEM, { collection: collection.id, format, sidRange: 10_000_000 });
      const times: number[] = [];
      let bytes = 0;
      let entries = 0;
      for (let i = 0; i < REPEATS; i++) {
        const started = performance.now();
        const content = await platform.feeds.contentById(SYSTEM, feed.id);
        times.push(performance.now() - started);
        bytes = Buffer.byteLength(content.text);
        entries = content.entries;
      }
      measurements.push({ name: `feeds: ${format} from ${size.toLocaleString('en-US')} objects (median of ${REPEATS})`, database, size, value: median(times), unit: 'ms', detail: { times: times.map(Math.round), bytes, entries, loadMs: Math.round(loadMs) } });
    }
    return measurements;
  } finally {
    await platform.close();
    await store.drop();
  }
}
