/**
 * The Gateway search's server time (goal: p95 ≤ 20 ms): 100,000 synthetic published records in the six
 * languages (`shared/synthetic/gateway-records.ts`), then typical searches — one word, two words, a word with a
 * facet, facets alone, and queries in Arabic, Chinese, Russian, French and Spanish — as
 * `GET /api/v1/gateway/records` over HTTP, anonymously, as the web UI and scripts call it: each answer holds a
 * page of 20 records, the total and every facet's counts.
 *
 * The records are written in one transaction as a fixture (through the services, 100,000 moderated proposals
 * would take far longer than the search they set up): their rows as publication leaves them, and their index
 * through the repository's own `writeIndex`, so the terms searched are the real ones. PostgreSQL is then
 * vacuumed and analysed, as its autovacuum does after such a load (index-only scans need the visibility map).
 */
import { loadConfig } from '../server/core/config.ts';
import { insertRows } from '../server/modules/gateway/repositories/bulk-insert.sql.ts';
import { advanceClock, writeIndex, type IndexEntry } from '../server/modules/gateway/repositories/record-index.sql.ts';
import { openPlatform } from '../server/platform.ts';
import { startServer } from '../server/serve.ts';
import { generateGatewayRecords } from '../shared/synthetic/gateway-records.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { median, p95 } from './stats.ts';
import { createEmptyStore } from './store.ts';

export const GATEWAY_RECORDS = 100_000;
const BATCH = 5_000;
const WARMUP = 3;
const REPEATS = 30;

/** The searches measured, as query strings of `GET /api/v1/gateway/records`. */
export const GATEWAY_QUERIES: readonly [label: string, query: Record<string, string>][] = [
  ['one word (en)', { q: 'cybersecurity' }],
  ['two words (en)', { q: 'incident response' }],
  ['word + type', { q: 'protection', type: 'legislation' }],
  ['word + country', { q: 'strategy', country: 'KE' }],
  ['facets only', { type: 'strategy', region: '002', language: 'fr' }],
  ['Arabic', { q: 'الأمن السيبراني' }],
  ['Chinese', { q: '网络安全' }],
  ['Russian', { q: 'стратегия' }],
  ['French', { q: 'stratégie nationale' }],
  ['Spanish', { q: 'protección de datos' }],
  ['every record', {}],
];

export async function measureGatewaySearch(database: DatabaseKind, tmp: string, postgresUrl: string, size = GATEWAY_RECORDS): Promise<Measurement[]> {
  const store = await createEmptyStore(database, tmp, `gateway-${database}`, postgresUrl);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: store.dataDir }, {}));
  try {
    const generateStarted = performance.now();
    const records = generateGatewayRecords(2027, size);
    const generateMs = performance.now() - generateStarted;
    const loadStarted = performance.now();
    const at = Date.UTC(2026, 0, 1);
    await platform.db.transaction(async (tx) => {
      for (let start = 0; start < records.length; start += BATCH) {
        const batch = records.slice(start, start + BATCH).map((r, i) => ({ ...r, doc: start + i + 1, id: `bench-${start + i + 1}` }));
        const bodies = batch.map((r) => JSON.stringify(r.record));
        await insertRows(
          tx,
          'gateway_records',
          ['id', 'type', 'status', 'version', 'revisions', 'revision', 'body', 'doc', 'proposed_by', 'proposed_at', 'published_at', 'updated_at'],
          ['text', 'text', 'text', 'int', 'int', 'int', 'text', 'bigint', 'text', 'bigint', 'bigint', 'bigint'],
          batch.map((r, i) => [r.id, r.type, 'published', 2, 1, 1, bodies[i]!, r.doc, 'system', at + r.doc, at + r.doc, at + r.doc]),
        );
        await insertRows(
          tx,
          'gateway_revisions',
          ['record_id', 'revision', 'kind', 'state', 'body', 'proposed_by', 'proposed_at', 'moderated_by', 'moderated_at'],
          ['text', 'int', 'text', 'text', 'text', 'text', 'bigint', 'text', 'bigint'],
          batch.map((r, i) => [r.id, 1, 'new', 'accepted', bodies[i]!, 'system', at + r.doc, 'system', at + r.doc]),
        );
        await writeIndex(tx, batch.map((r): IndexEntry => ({ doc: r.doc, type: r.type, body: r.record })));
      }
      await advanceClock(tx, records.length);
    });
    if (database === 'postgres') await platform.db.run('VACUUM ANALYZE');
    const loadMs = performance.now() - loadStarted;
    const rows = await platform.db.get<{ terms: number | string; facets: number | string }>('SELECT (SELECT COUNT(*) FROM gateway_terms) AS terms, (SELECT COUNT(*) FROM gateway_facets) AS facets');
    // The fixture is the real thing: a search through the service finds what the generator wrote.
    if ((await platform.gatewaySearch.find({})).total !== size) throw new Error('the fixture did not publish every record');

    const server = await startServer(platform, '127.0.0.1', 0);
    try {
      const all: number[] = [];
      const perQuery: Record<string, { median: number; p95: number; total: number }> = {};
      for (const [label, query] of GATEWAY_QUERIES) {
        const url = `${server.url}/api/v1/gateway/records?${new URLSearchParams(query).toString()}`;
        const times: number[] = [];
        let total = 0;
        for (let i = 0; i < WARMUP + REPEATS; i++) {
          const started = performance.now();
          const response = await fetch(url, { headers: { accept: 'application/json' } });
          const body = (await response.json()) as { total: number };
          if (response.status !== 200) throw new Error(`search ${label} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
          if (i >= WARMUP) times.push(performance.now() - started);
          total = body.total;
        }
        all.push(...times);
        perQuery[label] = { median: Math.round(median(times) * 100) / 100, p95: Math.round(p95(times) * 100) / 100, total };
      }
      const detail = { repeats: REPEATS, queries: perQuery, generateMs: Math.round(generateMs), loadMs: Math.round(loadMs), terms: Number(rows!.terms), facets: Number(rows!.facets) };
      return [
        { name: `gateway: search, ${size.toLocaleString('en-US')} records in six languages (p95)`, database, size, value: p95(all), unit: 'ms', goal: 'gatewaySearch', detail },
        { name: `gateway: search, ${size.toLocaleString('en-US')} records in six languages (median)`, database, size, value: median(all), unit: 'ms' },
      ];
    } finally {
      await server.close();
    }
  } finally {
    await platform.close();
    await store.drop();
  }
}
