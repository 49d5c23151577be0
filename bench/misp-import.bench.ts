/**
 * MISP feed import (goal: ≥ 10,000 attributes/s): a synthetic feed of 100,000 attributes (200 events of 500,
 * `shared/synthetic/misp-feed.ts`) written as a MISP feed folder (manifest.json, <uuid>.json, hashes.csv), then
 * imported into the default collection as `thiqa misp import DIR` does it: converted on a worker thread
 * (`convertInWorker`: every event file read and checked, mapped to STIX, validated; hashes.csv verified) while
 * `MispImportService.importConverted` stores the previous batch through the Exchange's ingest (sharing rules,
 * audit). The time is that call, the worker's start included; writing the feed is not in it. The value is
 * attributes per second. `npm run bench` runs it; alone: `npx node bench/misp-import.bench.ts [sqlite|postgres]…`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../server/bootstrap.ts';
import { SYSTEM } from '../server/core/auth/actor.ts';
import { loadConfig } from '../server/core/config.ts';
import { openPlatform } from '../server/platform.ts';
import { convertInWorker } from '../cli/misp-converted-batches.ts';
import { importGuard } from '../cli/personal-data-decision.ts';
import { MISP_BATCH } from '../server/modules/misp/services/misp-conversion.ts';
import { writeMispFeed } from '../shared/misp/feed-directory.ts';
import { generateMispEvents } from '../shared/synthetic/misp-feed.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { MB, round } from './stats.ts';
import { createEmptyStore } from './store.ts';

export const MISP_IMPORT_ATTRIBUTES = 100_000;
const PER_EVENT = 500;

export async function measureMispImport(database: DatabaseKind, tmp: string, postgresUrl: string, attributes = MISP_IMPORT_ATTRIBUTES): Promise<Measurement[]> {
  const store = await createEmptyStore(database, tmp, `misp-import-${database}`, postgresUrl);
  const platform = await openPlatform(loadConfig({ databaseUrl: store.databaseUrl, dataDir: store.dataDir }, {}));
  const feed = path.join(tmp, `misp-feed-${database}`);
  try {
    const { collectionId } = await bootstrap(platform);
    if (!collectionId) throw new Error('bootstrap made no collection');
    const written = writeMispFeed(feed, [...generateMispEvents(2028, Math.ceil(attributes / PER_EVENT), PER_EVENT)].map((d) => d.Event));
    const cpu = process.cpuUsage();
    const started = performance.now();
    // As `thiqa misp import --personal-data confirm`: every batch scanned, in one pass.
    const guard = await importGuard(platform, SYSTEM, await platform.collections.find(SYSTEM, collectionId), 'confirm');
    const report = await platform.mispImport.importConverted(SYSTEM, collectionId, convertInWorker(feed, MISP_BATCH, guard));
    const seconds = (performance.now() - started) / 1000;
    // CPU time of both threads: on a shared machine, how much work the import is, apart from waiting for a core.
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    if (report.attributes !== written.attributes || report.problems.length || report.objects.rejected) {
      throw new Error(`the import read ${report.attributes} of ${written.attributes} attributes: ${JSON.stringify(report.problems.slice(0, 3))} ${JSON.stringify(report.rejected.slice(0, 3))}`);
    }
    return [
      {
        name: `misp: import a feed of ${report.attributes.toLocaleString('en-US')} attributes (${report.events.imported} events)`,
        database,
        size: report.attributes,
        value: Math.round(report.attributes / seconds),
        unit: 'attributes/s',
        goal: 'mispImport',
        detail: { seconds: round(seconds), cpuSeconds: round(cpuSeconds), attributesPerCpuSecond: Math.round(report.attributes / cpuSeconds), events: report.events.imported, stixObjects: report.objects.total, stored: report.objects.stored, megabytes: round(written.bytes / MB) },
      },
    ];
  } finally {
    await platform.close();
    fs.rmSync(feed, { recursive: true, force: true });
    await store.drop();
  }
}

if (process.argv[1] === import.meta.filename) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-misp-bench-'));
  try {
    for (const database of (process.argv.length > 2 ? process.argv.slice(2) : ['sqlite']) as DatabaseKind[]) {
      for (const m of await measureMispImport(database, tmp, 'postgres://postgres@127.0.0.1:5432/test')) console.log(JSON.stringify(m));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
