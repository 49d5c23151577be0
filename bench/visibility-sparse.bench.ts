/**
 * The worst case of TLP enforcement: a reader with a read grant who may see a small share of a large
 * collection. The collection holds the benchmark's objects with 1 in 100 marked TLP:CLEAR and the rest
 * AMBER+STRICT, imported by the operator (so no organisation is their origin and no one else may see them);
 * a user granted read by name sees only the CLEAR ones. Its pages of 100 are timed like the other latencies:
 * to fill one, the server scans about 10,000 rows it may not show.
 */
import path from 'node:path';
import fs from 'node:fs';
import { jsonOutput, runCliOk } from './child.ts';
import { createDataset } from './dataset.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { startServerProcess } from './server.ts';
import { checkDeadline, median, p95 } from './stats.ts';
import { createStore } from './store.ts';
import { getPage } from './taxii-client.ts';

const WARMUP = 50;
const REPEATS = 100;
const TLP_CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
const TLP_AMBER_STRICT = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';
const CLI_TIMEOUT_MS = 60_000;

/** Imports `size` objects, 1% CLEAR, and times a granted reader's pages. */
export async function measureSparseVisibility(size: number, database: DatabaseKind, tmp: string, postgresUrl: string, deadline: number): Promise<Measurement[]> {
  const file = path.join(tmp, `sparse-${size}.json`);
  // Identities take the first marking (CLEAR); every other object draws one of the hundred.
  const dataset = await createDataset(file, size, [TLP_CLEAR, ...Array.from({ length: 99 }, () => TLP_AMBER_STRICT)]);
  const store = await createStore(database, tmp, `sparse-${size}`, postgresUrl);
  try {
    const cli = (args: string[], input?: string) => runCliOk([...args, ...store.storeArgs, '--json'], { timeoutMs: CLI_TIMEOUT_MS * 10, input });
    await cli(['import', dataset.file, '--collection', store.collectionId]);
    await cli(['user', 'add', 'outsider'], 'outsider-bench-password\n');
    await cli(['collection', 'grant', store.collectionId, 'outsider', '--read']);
    const token = jsonOutput<{ token: string }>(await cli(['token', 'create', 'outsider', '--label', 'bench'])).token;
    const server = await startServerProcess(store.storeArgs);
    try {
      const target = { url: server.url, authorization: `Bearer ${token}`, objectsPath: `/${store.apiRoot}/collections/${store.collectionId}/objects/` };
      const first = await getPage(target, 'limit=100');
      const queries = [
        { name: 'start', query: 'limit=100' },
        { name: 'match[type]=indicator', query: 'match[type]=indicator&limit=100' },
        ...(first.envelope.next ? [{ name: 'next cursor', query: `next=${encodeURIComponent(first.envelope.next)}&limit=100` }] : []),
      ];
      const results: Measurement[] = [];
      for (const { name, query } of queries) {
        const times: number[] = [];
        let objects = 0;
        for (let i = 0; i < WARMUP + REPEATS; i++) {
          checkDeadline(deadline, `sparse visibility ${name}`);
          const { reply, envelope } = await getPage(target, query);
          objects = envelope.objects?.length ?? 0;
          if (i >= WARMUP) times.push(reply.ms);
        }
        results.push({
          name: `visibility, 1% visible: outsider, page of 100, ${name} (median)`,
          database,
          size,
          value: median(times),
          unit: 'ms',
          detail: { query, p95: p95(times), objectsPerPage: objects, repeats: REPEATS },
        });
      }
      return results;
    } finally {
      await server.stop();
    }
  } finally {
    await store.drop();
    fs.rmSync(file, { force: true });
  }
}
