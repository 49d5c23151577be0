/**
 * Ingest through the CLI: `thiqa import <bundle> --collection <id> --json` into the empty community
 * collection of an initialised store. Objects/s is N divided by the wall time of the whole import process — start-up, streaming parse,
 * validation and storage included — as an operator would experience it. The child's peak RSS is sampled
 * from /proc (see rss.ts).
 */
import { jsonOutput, runCli } from './child.ts';
import type { Dataset } from './dataset.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { MB, perSecond } from './stats.ts';
import type { BenchStore } from './store.ts';

interface ImportJson {
  totals?: { objects: number; stored: number; duplicates: number; rejected: number; seconds: number };
  sources?: { rejected?: { index: number; id: string | null; reasons: string }[] }[];
}

/** Runs the import; answers objects/s and peak RSS. Throws if the import failed or stored too few objects. */
export async function measureCliImport(store: BenchStore, dataset: Dataset, database: DatabaseKind, timeoutMs: number): Promise<Measurement[]> {
  const run = await runCli(['import', dataset.file, '--collection', store.collectionId, ...store.storeArgs, '--json'], { timeoutMs });
  // Exit status 1 means some objects were rejected: still a measurement, but the rejections are reported.
  if (run.code !== 0 && run.code !== 1) {
    const why = run.signal ? `killed by ${run.signal} after the ${Math.round(timeoutMs / 60_000)}-minute limit` : `exit code ${run.code}`;
    throw new Error(`thiqa import failed (${why}):\n${run.stderr.slice(-2000)}${run.stdout.slice(-1000)}`);
  }
  const report = jsonOutput<ImportJson>(run);
  const totals = report.totals;
  if (!totals || totals.objects !== dataset.count) throw new Error(`thiqa import read ${totals?.objects} objects of ${dataset.count}`);
  const rejectedSamples = (report.sources ?? []).flatMap((s) => s.rejected ?? []).slice(0, 5);
  const detail = {
    wallMs: Math.round(run.wallMs),
    importReportedSeconds: totals.seconds,
    stored: totals.stored,
    duplicates: totals.duplicates,
    rejected: totals.rejected,
    rejectedSamples,
    exitCode: run.code,
  };
  return [
    { name: 'ingest: CLI import', database, size: dataset.count, value: perSecond(dataset.count, run.wallMs), unit: 'objects/s', goal: 'ingest', detail },
    {
      name: 'peak RSS: CLI import',
      database,
      size: dataset.count,
      value: run.peakRssBytes / MB,
      unit: 'MB',
      goal: 'rss',
      detail: { method: '/proc/<pid>/status VmHWM, sampled every 100 ms' },
    },
  ];
}
