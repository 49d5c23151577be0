/**
 * `thiqa import FILE|DIR|- --collection ID_OR_ALIAS`: streams bundles of any size into a collection.
 * Valid objects are stored even when others are rejected; exit status 1 when anything was rejected or a file
 * was not a well-formed bundle.
 */
import { Command } from 'commander';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { Platform } from '../../server/platform.ts';
import { isBundleReadError, readBundleObjects, type BundleReadError } from '../../shared/json/index.ts';
import { BATCH_SIZE, BatchIngester, type IngestTally } from '../batch-ingest.ts';
import { prepareInWorker } from '../prepared-batches.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { countBytes, resolveSources, type InputSource } from '../input-sources.ts';
import { formatCount, formatCountOf } from '../output.ts';
import { startProgress } from '../progress.ts';

interface SourceReport extends IngestTally {
  source: string;
  /** Set when the file stopped being a well-formed bundle; objects before that point were processed. */
  malformed: { code: string; message: string; offset: number; line: number; column: number } | null;
}

/** Progress is redrawn every this many objects (the bar limits its own rate too). */
const PROGRESS_EVERY = 500;

/** A file: parsed and validated on a worker thread while this thread stores (see prepare-worker.ts). */
async function importFile(platform: Platform, collection: { id: string; apiRoot: string }, source: InputSource & { file: string }, showProgress: boolean, actor: Actor): Promise<SourceReport> {
  const ingester = new BatchIngester(platform, collection, BATCH_SIZE, actor);
  const progress = startProgress(source.name, source.size, showProgress);
  const batches = prepareInWorker(source.file, BATCH_SIZE);
  let end: Awaited<ReturnType<typeof batches.next>>;
  try {
    while (!(end = await batches.next()).done) {
      await ingester.addPrepared(end.value.prepared, end.value.objects);
      progress.update(ingester.tally.objects, end.value.bytes);
    }
  } finally {
    progress.stop();
  }
  return { source: source.name, ...(await ingester.finish()), malformed: end.value.malformed };
}

async function importSource(platform: Platform, collection: { id: string; apiRoot: string }, source: InputSource, showProgress: boolean, actor: Actor): Promise<SourceReport> {
  if (source.file !== undefined) return importFile(platform, collection, { ...source, file: source.file }, showProgress, actor);
  const ingester = new BatchIngester(platform, collection, BATCH_SIZE, actor);
  const progress = startProgress(source.name, source.size, showProgress);
  let bytes = 0;
  let malformed: BundleReadError | undefined;
  try {
    for await (const object of readBundleObjects(countBytes(source.open(), (n) => (bytes += n)))) {
      await ingester.add(object);
      if (ingester.tally.objects % PROGRESS_EVERY === 0) progress.update(ingester.tally.objects, bytes);
    }
  } catch (error) {
    if (!isBundleReadError(error)) {
      await ingester.finish().catch(() => undefined);
      throw error;
    }
    malformed = error;
  } finally {
    progress.stop();
  }
  // The objects read before a syntax error are complete and valid JSON: they are ingested like the others.
  const tally = await ingester.finish();
  return {
    source: source.name,
    ...tally,
    malformed: malformed ? { code: malformed.code, message: malformed.message, offset: malformed.offset, line: malformed.line, column: malformed.column } : null,
  };
}

function describeSource(report: SourceReport): string[] {
  const warnings = report.warnings ? `, ${formatCountOf(report.warnings, 'warning')} (on ${formatCountOf(report.objectsWithWarnings, 'object')})` : '';
  const lines = [
    `${report.source}: ${formatCountOf(report.objects, 'object')}: ${formatCount(report.stored)} stored, ${formatCount(report.duplicates)} duplicates, ${formatCount(report.rejected.length)} rejected${warnings}`,
  ];
  for (const rejected of report.rejected) lines.push(`  rejected #${rejected.index} ${rejected.id ?? '(no id)'}: ${rejected.reasons}`);
  if (report.malformed) {
    lines.push(`  ${report.malformed.message}`);
    lines.push(`  Objects before that point: ${formatCount(report.objects)}, all processed (the stored ones stay stored). The rest of the file was not read.`);
  }
  return lines;
}

export function importCommand(): Command {
  return new Command('import')
    .description('import STIX bundles (files, every *.json of a folder, or - for stdin) into a collection')
    .argument('<sources...>', 'bundle files, folders or - (stdin)')
    .requiredOption('--collection <id-or-alias>', 'the collection to add the objects to')
    .option('--as <user>', 'store as this user, with its access: the user and its organisation are the origin (who sees AMBER+STRICT and RED)')
    .action(async (paths: string[], options: { collection: string; as?: string }, command: Command) => {
      const context = contextOf(command);
      const sources = await resolveSources(paths);
      await withInitialisedPlatform(context, async (platform) => {
        const actor = options.as === undefined ? SYSTEM : await platform.users.actAs(SYSTEM, options.as);
        const collection = await platform.collections.find(actor, options.collection);
        const started = performance.now();
        const reports: SourceReport[] = [];
        for (const source of sources) reports.push(await importSource(platform, collection, source, !context.out.json, actor));
        const seconds = (performance.now() - started) / 1000;
        const sum = (pick: (r: SourceReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
        const totals = {
          objects: sum((r) => r.objects),
          stored: sum((r) => r.stored),
          duplicates: sum((r) => r.duplicates),
          rejected: sum((r) => r.rejected.length),
          warnings: sum((r) => r.warnings),
          malformedSources: reports.filter((r) => r.malformed).length,
          seconds: Math.round(seconds * 1000) / 1000,
        };
        context.out.result({ collection: { id: collection.id, apiRoot: collection.apiRoot }, sources: reports, totals }, () => [
          ...reports.flatMap(describeSource),
          ...(reports.length > 1
            ? [`Total: ${formatCountOf(totals.objects, 'object')}: ${formatCount(totals.stored)} stored, ${formatCount(totals.duplicates)} duplicates, ${formatCount(totals.rejected)} rejected`]
            : []),
          `Collection ${collection.id} (API root "${collection.apiRoot}"), ${seconds.toFixed(1)} s, ${formatCount(Math.round(totals.objects / Math.max(seconds, 0.001)))} objects/s.`,
        ]);
        if (totals.rejected > 0 || totals.malformedSources > 0) process.exitCode = 1;
      });
    });
}
