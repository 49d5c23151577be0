/**
 * Thiqa's storage layer alone: `ObjectRepository.store` fed the same objects in batches of 1,000 (one
 * transaction each, as one TAXII envelope), on a fresh store opened in this process — no HTTP, no JSON
 * parsing of requests, no validation. Read next to the bare ceilings and the ingest figures, it splits the
 * ingest time into what the schema and the database cost and what the rest of the code costs.
 *
 * It goes through the repository rather than copying its SQL, so it always measures the schema and batch
 * statements Thiqa really runs.
 */
import path from 'node:path';
import { loadConfig } from '../server/core/config.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { openPlatform } from '../server/platform.ts';
import { ObjectRepository, type NewVersion } from '../server/modules/exchange/repositories/object.repository.ts';
import { timestampKey } from '../shared/stix/timestamp.ts';
import { readObjectLines, type Dataset } from './dataset.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { checkDeadline, perSecond } from './stats.ts';

const VERSIONS_PER_BATCH = 1_000;

/** The version Thiqa stores for a raw object line: parsed here, before the clock starts. */
function newVersionOf(line: string): NewVersion {
  const o = JSON.parse(line) as { id: string; type: string; spec_version?: string; modified?: string; created?: string };
  const stamp = o.modified ?? o.created;
  return { stixId: o.id, type: o.type, version: stamp === undefined ? '' : (timestampKey(stamp) ?? ''), specVersion: o.spec_version ?? '2.1', body: new TextEncoder().encode(line) };
}

/**
 * Stores every object of `dataset` through the repository. `databaseUrl` names an empty store (a SQLite
 * file under `dataDir`, or a PostgreSQL schema); the caller removes it.
 */
export async function measureRepositoryStore(
  dataset: Dataset,
  database: DatabaseKind,
  store: { databaseUrl: string; dataDir: string },
  deadline: number,
): Promise<Measurement> {
  // An empty environment: the benchmark's own variables must not change the store under test.
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: path.resolve(store.dataDir) }, {}));
  let rows = 0;
  let storeMs = 0;
  try {
    const { collectionId } = await bootstrap(platform);
    if (!collectionId) throw new Error('bootstrap made no collection');
    const repository = new ObjectRepository(platform.db);
    for await (const batch of readObjectLines(dataset.file, VERSIONS_PER_BATCH)) {
      checkDeadline(deadline, 'repository store');
      const versions = batch.map(newVersionOf);
      const started = performance.now();
      await repository.store(collectionId, versions);
      storeMs += performance.now() - started;
      rows += batch.length;
    }
  } finally {
    await platform.close();
  }
  return {
    name: 'ceiling: Thiqa ObjectRepository.store, 1000/tx',
    database,
    size: rows,
    value: perSecond(rows, storeMs),
    unit: 'objects/s',
    detail: { storeMs: Math.round(storeMs), versionsPerBatch: VERSIONS_PER_BATCH, note: 'no HTTP, no parsing, no validation' },
  };
}
