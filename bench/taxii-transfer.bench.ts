/**
 * The TAXII client (server/modules/federation/taxii-client/) between two Thiqa stores over 127.0.0.1:
 * a source store of N generated objects served by `thiqa serve` in its own process, then
 *  - the client reading every page (`match[version]=all`, pages of 10,000) and storing nothing;
 *  - `thiqa taxii pull` into an empty store (the whole process: start-up, pages, validation, storage);
 *  - `thiqa taxii migrate` into another empty store (manifest and objects read side by side, date_added kept);
 *  - `thiqa taxii push` of the pulled store back to a new collection of the source (envelopes within its
 *    max_content_length; the server validates and stores them).
 * Each is N / wall time. Runs within `npm run bench`, or alone:
 *   node bench/taxii-transfer.bench.ts [--database sqlite|postgres] [--size N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TaxiiClient } from '../server/modules/federation/taxii-client/taxii-client.ts';
import { jsonOutput, killChildren, runCliOk } from './child.ts';
import { createDataset } from './dataset.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { startServerProcess } from './server.ts';
import { perSecond, round } from './stats.ts';
import { adminAuthorization, createStore, pendingSchemaDrops, type BenchStore } from './store.ts';

export const TAXII_TRANSFER_OBJECTS = 100_000;
const STEP_TIMEOUT_MS = 20 * 60_000;

interface Counts {
  pulled?: number;
  stored?: number;
  rejected?: unknown[];
  nudged?: number;
  read?: number;
  succeeded?: number;
  failed?: number;
  withheld?: number;
}

export async function measureTaxiiTransfer(database: DatabaseKind, tmp: string, postgresUrl: string, size = TAXII_TRANSFER_OBJECTS): Promise<Measurement[]> {
  const stores: BenchStore[] = [];
  const store = async (label: string) => {
    const made = await createStore(database, tmp, `${label}-${database}`, postgresUrl);
    stores.push(made);
    return made;
  };
  const source = await store('taxii-source');
  const dataset = await createDataset(path.join(tmp, `taxii-transfer-${size}.json`), size);
  const measurements: Measurement[] = [];
  const cli = async (args: string[], input?: string) => runCliOk([...args, '--json'], { timeoutMs: STEP_TIMEOUT_MS, ...(input !== undefined ? { input } : {}) });
  try {
    await cli(['import', dataset.file, '--collection', source.collectionId, ...source.storeArgs]);
    const server = await startServerProcess(source.storeArgs);
    try {
      const authorization = await adminAuthorization(source);
      const token = `${authorization.replace(/^Bearer /, '')}\n`;
      const root = `${server.url}/${source.apiRoot}/`;
      // The administrator's token sees what TLP lets it see (not every AMBER, AMBER+STRICT or RED object):
      // rates are over the versions actually transferred.
      const record = (name: string, count: number, ms: number, detail: Record<string, unknown>) =>
        measurements.push({ name, database, size: dataset.count, value: perSecond(count, ms), unit: 'objects/s', detail: { versions: count, ms: Math.round(ms), ...detail } });

      const client = new TaxiiClient({ credentials: { kind: 'bearer', token: token.trim() }, timeoutMs: 120_000 });
      let started = performance.now();
      let pages = 0;
      let read = 0;
      const remote = await client.collectionClient(root, source.collectionId);
      for await (const page of remote.pages({ limit: 10_000 })) {
        pages += 1;
        read += page.objects.length;
      }
      record('taxii client: read every page (no store)', read, performance.now() - started, { pages });

      const pullInto = await store('taxii-pull');
      started = performance.now();
      const pulled = jsonOutput<Counts>(await cli(['taxii', 'pull', root, '--collection', source.collectionId, '--into', pullInto.collectionId, '--limit', '10000', '--token-stdin', ...pullInto.storeArgs], token));
      if (pulled.pulled !== read || pulled.stored !== read) throw new Error(`pull: ${JSON.stringify(pulled).slice(0, 500)}; the client read ${read}`);
      record('thiqa taxii pull (whole process)', read, performance.now() - started, { pulled: pulled.pulled, stored: pulled.stored, rejected: pulled.rejected?.length });

      const migrateInto = await store('taxii-migrate');
      started = performance.now();
      const migrated = jsonOutput<Counts>(await cli(['taxii', 'migrate', root, '--collection', source.collectionId, '--into', migrateInto.collectionId, '--limit', '10000', '--token-stdin', ...migrateInto.storeArgs], token));
      if (migrated.stored !== read) throw new Error(`migrate: ${JSON.stringify(migrated).slice(0, 500)}; the client read ${read}`);
      record('thiqa taxii migrate (whole process)', read, performance.now() - started, { stored: migrated.stored, nudged: migrated.nudged, rejected: migrated.rejected?.length });

      const back = jsonOutput<{ collection: { id: string } }>(await cli(['collection', 'create', '--title', 'Pushed back', '--community', source.community, ...source.storeArgs]));
      started = performance.now();
      const pushed = jsonOutput<Counts>(await cli(['taxii', 'push', root, '--collection', back.collection.id, '--from', pullInto.collectionId, '--token-stdin', ...pullInto.storeArgs], token));
      record('thiqa taxii push (whole process)', pushed.read ?? 0, performance.now() - started, { read: pushed.read, succeeded: pushed.succeeded, failed: pushed.failed, withheld: pushed.withheld });
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataset.file, { force: true });
    for (const made of stores) await made.drop();
  }
  return measurements.map((m) => ({ ...m, value: round(m.value) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { database: { type: 'string', default: 'sqlite' }, size: { type: 'string', default: String(TAXII_TRANSFER_OBJECTS) }, 'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' } } });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-bench-taxii-'));
  try {
    for (const m of await measureTaxiiTransfer(values.database as DatabaseKind, tmp, values['postgres-url'], Number(values.size))) {
      console.log(`${m.name} [${m.database}, ${m.size.toLocaleString('en-US')}]: ${m.value.toLocaleString('en-US')} ${m.unit} ${JSON.stringify(m.detail)}`);
    }
  } finally {
    killChildren();
    for (const drop of [...pendingSchemaDrops]) await drop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
