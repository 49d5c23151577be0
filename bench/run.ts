/**
 * `npm run bench`: how far Thiqa is from its performance goals. Not part of the test suite.
 *
 *   npm run bench                                  100k and 1M objects on SQLite (plus the 10k baseline)
 *   npm run bench -- --quick                       10k objects only: a smoke test of every measurement
 *   npm run bench -- --database postgres --sizes 100000
 *
 * First the assessment's scoring and sensitivity analysis (no store), the country profile, the Gateway's search
 * and its bulk import (100,000 records each), the MISP feed import (100,000 attributes), the TAXII client between two stores (100,000 objects). Then, for each size: deterministic data (generation timed apart), the SQLite/PostgreSQL ceiling, ingest through
 * `thiqa import` and through TAXII POST, full reads through TAXII pagination, latencies of filtered GETs
 * (compared with the 10k baseline), and peak RSS of the import and server processes. Prints a table and
 * writes every detail to bench/results/<timestamp>.json. See options.ts for all flags.
 *
 * Only 127.0.0.1 is contacted; temp folders and PostgreSQL schemas are removed, also on Ctrl-C.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killChildren, ROOT } from './child.ts';
import { measureAssessment } from './assessment.bench.ts';
import { measureProfile } from './assessment-profile.bench.ts';
import { measureGatewaySearch } from './gateway-search.bench.ts';
import { measureGatewayImport } from './gateway-import.bench.ts';
import { measureFeeds } from './feeds.bench.ts';
import { measurePatterning } from './patterning.bench.ts';
import { measureAlerts } from './alerts.bench.ts';
import { measureSightings } from './sightings.bench.ts';
import { measureWarningLists, warningListsDir } from './warninglists.bench.ts';
import { measureMispImport } from './misp-import.bench.ts';
import { measureFederationSync } from './federation-sync.bench.ts';
import { LOOKUP_OBSERVABLES, measureLookup } from './lookup.bench.ts';
import { measureTaxiiTransfer, TAXII_TRANSFER_OBJECTS } from './taxii-transfer.bench.ts';
import { createDataset } from './dataset.ts';
import { pageRatios } from './filtered-get.bench.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { BASELINE_SIZE, parseOptions } from './options.ts';
import { formatTable, writeResults } from './report.ts';
import { MB, perSecond, round } from './stats.ts';
import { pendingSchemaDrops } from './store.ts';
import { runSuite } from './suite.ts';

const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
/** A 1-minute load average above this means something else is competing for the CPUs. */
const BUSY_LOAD = 0.5;

/** Removes what the run made: children, schemas, the temp folder. Never throws. */
/** The published GCI results beside the project (`../shared/data/gci`), when they are there. */
function gciDataDir(): string | undefined {
  const dir = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'gci');
  return fs.existsSync(path.join(dir, 'gci_2024.csv')) ? dir : undefined;
}

async function cleanUp(tmp: string): Promise<void> {
  killChildren();
  for (const drop of [...pendingSchemaDrops]) await drop().catch((error: unknown) => console.error(`could not drop a schema: ${String(error)}`));
  fs.rmSync(tmp, { recursive: true, force: true });
}

function describe(m: Measurement): string {
  return `  ${m.name}: ${round(m.value).toLocaleString('en-US')} ${m.unit}`;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-bench-'));
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: cleaning up`);
    // Children first and synchronously: the run's own flow may still be awaiting them.
    killChildren();
    void cleanUp(tmp).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const measurements: Measurement[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  const baselines = new Map<DatabaseKind, Measurement[]>();
  const loadAtStart = os.loadavg()[0]!;
  console.log(`Thiqa benchmark: sizes ${options.sizes.join(', ')} on ${options.databases.join(' and ')}; temp folder ${tmp}`);
  // The figures assume an otherwise idle machine; say so when it is not.
  if (loadAtStart > BUSY_LOAD) console.warn(`warning: load average ${loadAtStart.toFixed(2)} at start: other work on this machine will skew the numbers`);
  try {
    console.log('\n== assessment (no store)');
    for (const m of measureAssessment()) {
      measurements.push(m);
      console.log(describe(m));
    }
    const listsDir = warningListsDir();
    if (listsDir) {
      console.log('\n== warning lists (no store)');
      for (const m of measureWarningLists(listsDir)) {
        measurements.push(m);
        console.log(describe(m));
      }
    }
    console.log('\n== STIX patterning (no store)');
    for (const m of measurePatterning()) {
      measurements.push(m);
      console.log(describe(m));
    }
    // Each section runs on every database; a failure is reported and the others go on.
    const section = async (title: string, label: string, measure: (database: DatabaseKind) => Promise<Measurement[]>) => {
      console.log(`\n== ${title}`);
      for (const database of options.databases) {
        try {
          for (const m of await measure(database)) {
            measurements.push(m);
            console.log(describe(m));
          }
        } catch (error) {
          const message = `${label} (${database}): ${error instanceof Error ? error.message : String(error)}`;
          failures.push(message);
          console.error(`  FAILED ${message}`);
        }
      }
    };
    await section('assessment: country profile', 'country profile', (database) => measureProfile(database, tmp, options.postgresUrl, gciDataDir()));
    await section('gateway: search', 'gateway search', (database) => measureGatewaySearch(database, tmp, options.postgresUrl));
    await section('gateway: bulk import', 'gateway import', (database) => measureGatewayImport(database, tmp, options.postgresUrl));
    await section('feeds for defenders', 'feeds', (database) => measureFeeds(database, tmp, options.postgresUrl));
    await section('misp: feed import', 'misp import', (database) => measureMispImport(database, tmp, options.postgresUrl));
    await section('TAXII client: between two stores', 'TAXII client', (database) => measureTaxiiTransfer(database, tmp, options.postgresUrl, options.quick ? 10_000 : TAXII_TRANSFER_OBJECTS));
    await section('federation: hub-to-hub sync', 'federation sync', (database) => measureFederationSync(database, tmp, options.postgresUrl));
    await section('alerts: stored → delivered', 'alerts', (database) => measureAlerts(database, tmp, options.postgresUrl));
    // The lookup goals are stated for the embedded store; PostgreSQL is measured the same way beside it.
    await section('lookup: observables', 'lookup', (database) => measureLookup(database, tmp, options.postgresUrl, options.quick ? 10_000 : LOOKUP_OBSERVABLES));
    await section('sightings', 'sightings', (database) => measureSightings(database, tmp, options.postgresUrl));
    for (const size of options.sizes) {
      console.log(`\n== ${size.toLocaleString('en-US')} objects: generating`);
      const dataset = await createDataset(path.join(tmp, `bundle-${size}.json`), size);
      const generated: Measurement = {
        name: 'generate + write bundle (not in ingest)',
        database: 'none',
        size,
        value: perSecond(size, dataset.generateMs),
        unit: 'objects/s',
        detail: { ms: Math.round(dataset.generateMs), megabytes: round(dataset.bytes / MB), distinctIds: dataset.distinctIds, latestIndicators: dataset.latestIndicators },
      };
      measurements.push(generated);
      console.log(`${describe(generated)} (${(dataset.generateMs / 1000).toFixed(1)} s, ${round(dataset.bytes / MB)} MB, ${dataset.distinctIds} distinct ids)`);
      for (const database of options.databases) {
        console.log(`-- ${database}`);
        const results = await runSuite(dataset, database, {
          options,
          tmp,
          report: (m) => console.log(describe(m)),
          fail: (step, error) => {
            const message = `${step}: ${error instanceof Error ? error.message : String(error)}`;
            failures.push(message);
            console.error(`  FAILED ${message}`);
          },
        });
        measurements.push(...results);
        if (size === BASELINE_SIZE) baselines.set(database, results);
        else measurements.push(...pageRatios(results, baselines.get(database) ?? []));
      }
      fs.rmSync(dataset.file, { force: true });
    }
  } finally {
    await cleanUp(tmp);
  }

  if (options.taxiiMax < Math.max(...options.sizes)) notes.push(`TAXII ingest capped at ${options.taxiiMax} objects (--taxii-max)`);
  if (options.concurrentMax > 0) notes.push(`2-client TAXII ingest on at most ${options.concurrentMax} objects (--concurrent-max)`);
  const loadAtEnd = os.loadavg()[0]!;
  if (loadAtStart > BUSY_LOAD) notes.push(`the machine was busy at start (load average ${loadAtStart.toFixed(2)}): figures are skewed`);
  notes.push('peak RSS: /proc/<pid>/status VmHWM of the child, sampled every 100 ms');
  notes.push('CLI import objects/s = N / wall time of the whole `thiqa import` process (start-up, parse, validation, storage)');

  console.log(`\n${formatTable(measurements)}\n`);
  for (const note of notes) console.log(`note: ${note}`);
  const file = writeResults(RESULTS_DIR, { startedAt, finishedAt: new Date().toISOString(), loadAverage: { start: loadAtStart, end: loadAtEnd }, options: { ...options }, notes: [...notes, ...failures.map((f) => `FAILED ${f}`)] }, measurements);
  console.log(`\nResults written to ${path.relative(process.cwd(), file)}`);
  if (failures.length) {
    console.error(`\n${failures.length} step(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  // Bad options and set-up failures: the message is the whole story.
  console.error(error instanceof Error ? error.message : String(error));
  return 2;
});
