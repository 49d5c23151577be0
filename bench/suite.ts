/**
 * Every measurement for one dataset on one database, in steps. Each step gets a fresh store and a time
 * limit; a step that fails is reported (and makes the run exit non-zero) but does not stop the others, so a
 * slow path at 1M still leaves the rest of the numbers.
 */
import type { Dataset } from './dataset.ts';
import { measureFilteredGets } from './filtered-get.bench.ts';
import { measureCliImport } from './ingest-cli.bench.ts';
import { measureTaxiiIngest } from './ingest-taxii.bench.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import type { BenchOptions } from './options.ts';
import { measurePostgresCeiling } from './postgres-ceiling.bench.ts';
import { measureFullRead, type Landmarks } from './read-taxii.bench.ts';
import { measureRepositoryStore } from './repository-ceiling.bench.ts';
import { startServerProcess, type ServerProcess } from './server.ts';
import { measureSqliteCeiling } from './sqlite-ceiling.bench.ts';
import { measureVisibility } from './visibility.bench.ts';
import { measureBrowse } from './browse.bench.ts';
import { measureSparseVisibility } from './visibility-sparse.bench.ts';
import { MB } from './stats.ts';
import { adminAuthorization, createEmptyStore, createSchema, createStore, type BenchStore } from './store.ts';
import type { TaxiiTarget } from './taxii-client.ts';

export interface SuiteContext {
  options: BenchOptions;
  /** The run's temp folder (removed by the caller). */
  tmp: string;
  /** Called with each measurement as soon as it is known. */
  report(m: Measurement): void;
  /** Called when a step fails or a check does not hold. */
  fail(step: string, error: unknown): void;
}

type Emit = (m: Measurement) => void;

/** Runs `work` on a fresh store with a server on it, stopping and dropping both whatever happens. */
async function withServer(
  database: DatabaseKind,
  ctx: SuiteContext,
  label: string,
  work: (target: TaxiiTarget, store: BenchStore, server: ServerProcess) => Promise<void>,
): Promise<void> {
  const store = await createStore(database, ctx.tmp, label, ctx.options.postgresUrl);
  try {
    const authorization = await adminAuthorization(store);
    const server = await startServerProcess(store.storeArgs);
    try {
      await work({ url: server.url, authorization, objectsPath: `/${store.apiRoot}/collections/${store.collectionId}/objects/` }, store, server);
    } finally {
      await server.stop();
    }
  } finally {
    await store.drop();
  }
}

/** Runs every step for `dataset` on `database`; answers the measurements taken. */
export async function runSuite(dataset: Dataset, database: DatabaseKind, ctx: SuiteContext): Promise<Measurement[]> {
  const measured: Measurement[] = [];
  const { options } = ctx;
  const n = dataset.count;
  const where = `${database}, ${n.toLocaleString('en-US')} objects`;
  const emit: Emit = (m) => {
    measured.push(m);
    ctx.report(m);
  };
  const step = async (name: string, work: (deadline: number) => Promise<void>) => {
    try {
      await work(Date.now() + options.stepMs);
    } catch (error) {
      ctx.fail(`${name} (${where})`, error);
    }
  };

  await step('ceiling', async (deadline) => {
    if (database === 'sqlite') {
      (await measureSqliteCeiling(dataset, ctx.tmp, deadline)).forEach(emit);
      return;
    }
    const schema = await createSchema(options.postgresUrl, `ceiling_${n}`);
    try {
      (await measurePostgresCeiling(dataset, schema.url, deadline)).forEach(emit);
    } finally {
      await schema.drop();
    }
  });

  await step('repository store', async (deadline) => {
    const store = await createEmptyStore(database, ctx.tmp, `repository-${n}`, options.postgresUrl);
    try {
      emit(await measureRepositoryStore(dataset, database, store, deadline));
    } finally {
      await store.drop();
    }
  });

  await step('CLI import', async () => {
    const store = await createStore(database, ctx.tmp, `import-${n}`, options.postgresUrl);
    try {
      (await measureCliImport(store, dataset, database, options.stepMs)).forEach(emit);
    } finally {
      await store.drop();
    }
  });

  await step('TAXII ingest and reads', () =>
    withServer(database, ctx, `taxii-${n}`, async (target, store, server) => {
      const limit = Math.min(n, options.taxiiMax);
      const ingest = await measureTaxiiIngest(target, dataset, database, { clients: 1, limit, apiRoot: store.apiRoot, deadline: Date.now() + options.stepMs });
      emit(ingest);
      const rssAfterIngest = server.peakRssBytes;
      // The latest-version count is known for the whole dataset only, and only when nothing was refused.
      const expected = ingest.size === n && ingest.detail?.failures === 0 ? dataset.distinctIds : undefined;
      let landmarks: Landmarks | undefined;
      for (const pageSize of [1_000, 10_000]) {
        const read = await measureFullRead(target, ingest.size, database, { pageSize, expected, deadline: Date.now() + options.stepMs });
        emit(read.measurement);
        if (pageSize === 1_000) landmarks = read.landmarks;
        if (read.measurement.detail?.countOk === false) {
          ctx.fail(`full read count (${where})`, new Error(`read ${read.measurement.detail.objects} objects, expected ${expected} latest versions`));
        }
      }
      if (!landmarks) throw new Error('the full read found no page to start the latency queries from');
      (await measureFilteredGets(target, landmarks, database, ingest.size, Date.now() + options.stepMs)).forEach(emit);
      (await measureVisibility(target, store, landmarks, database, ingest.size, Date.now() + options.stepMs)).forEach(emit);
      (await measureBrowse(target, store, database, ingest.size, Date.now() + options.stepMs)).forEach(emit);
      emit({
        name: 'peak RSS: server (ingest + reads)',
        database,
        size: ingest.size,
        value: (await server.stop()) / MB,
        unit: 'MB',
        goal: 'rss',
        detail: { afterIngestMB: Math.round(rssAfterIngest / MB), method: '/proc/<pid>/status VmHWM, sampled every 100 ms' },
      });
    }),
  );

  await step('visibility, 1% visible', async (deadline) => {
    (await measureSparseVisibility(n, database, ctx.tmp, options.postgresUrl, deadline)).forEach(emit);
  });

  // A second, fresh store: two clients at once show whether the server overlaps parsing and validation of
  // one request with the write of another. Capped by --concurrent-max, as it repeats the ingest.
  const concurrentLimit = Math.min(n, options.concurrentMax);
  if (concurrentLimit > 0) {
    await step('TAXII ingest, 2 clients', () =>
      withServer(database, ctx, `taxii2-${n}`, async (target, store) => {
        emit(await measureTaxiiIngest(target, dataset, database, { clients: 2, limit: concurrentLimit, apiRoot: store.apiRoot, deadline: Date.now() + options.stepMs }));
      }),
    );
  }
  return measured;
}
