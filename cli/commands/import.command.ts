/**
 * `thiqa import FILE|DIR|- --collection ID_OR_ALIAS [--as USER] [--personal-data confirm|redact]`: streams
 * bundles of any size into a collection. Valid objects are stored even when others are rejected; exit status
 * 1 when anything was rejected or a file was not a well-formed bundle. When people outside the organisation
 * would read objects whose free text seems to hold personal data, every file is checked whole first and
 * nothing is stored without the operator's decision (personal-data-decision.ts); stdin is copied to a
 * temporary file for that.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { ErrorProblem } from '../../server/core/errors.ts';
import type { BatchGuard, PersonalDataDecision } from '../../server/modules/exchange/services/personal-data-guard.ts';
import type { Platform } from '../../server/platform.ts';
import { BATCH_SIZE, BatchIngester, type IngestTally } from '../batch-ingest.ts';
import { prepareInWorker } from '../prepared-batches.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { resolveSources, type InputSource } from '../input-sources.ts';
import { formatCount, formatCountOf, type Output } from '../output.ts';
import { decisionNote, importGuard, refusal, withPersonalDataOption } from '../personal-data-decision.ts';
import { startProgress } from '../progress.ts';

type FileSource = InputSource & { file: string };

interface SourceReport extends IngestTally {
  source: string;
  /** Set when the file stopped being a well-formed bundle; objects before that point were processed. */
  malformed: { code: string; message: string; offset: number; line: number; column: number } | null;
  /** Objects with personal data that leave the organisation, stored as decided; findings redacted. */
  personalData: { objects: number; redacted: number };
}

/** A file: guarded, parsed and validated on a worker thread while this thread stores (see prepare-worker.ts). */
async function importFile(platform: Platform, collection: { id: string; apiRoot: string }, source: FileSource, out: Output, actor: Actor, guard: BatchGuard): Promise<SourceReport> {
  const ingester = new BatchIngester(platform, collection, BATCH_SIZE, actor);
  const progress = startProgress(source.name, source.size, !out.json);
  const batches = prepareInWorker(source.file, BATCH_SIZE, guard);
  const personalData = { objects: 0, redacted: 0 };
  let end: Awaited<ReturnType<typeof batches.next>>;
  try {
    while (!(end = await batches.next()).done) {
      const { prepared, objects, bytes, personalData: found } = end.value;
      // The file was checked whole before; a finding now means it changed since: the rest is not stored.
      if (found.problems.length > 0) throw refusal(out, found.problems.map((p) => ({ ...p, source: source.name })), 'stored');
      await ingester.addPrepared(prepared!, objects, found.details);
      personalData.objects += found.objects;
      personalData.redacted += found.redacted;
      progress.update(ingester.tally.objects, bytes);
    }
  } finally {
    progress.stop();
  }
  return { source: source.name, ...(await ingester.finish()), malformed: end.value.malformed, personalData };
}

/**
 * The findings of every file that `guard` (`ask`) refuses, read on a worker thread before anything is stored;
 * a file's fault is left for the store pass to report where it is.
 */
async function findingsOf(sources: readonly FileSource[], guard: BatchGuard): Promise<ErrorProblem[]> {
  const problems: ErrorProblem[] = [];
  for (const source of sources) {
    for await (const batch of prepareInWorker(source.file, BATCH_SIZE, guard, true)) problems.push(...batch.personalData.problems.map((p) => ({ ...p, source: source.name })));
  }
  return problems;
}

/** The sources as files a worker thread can read twice: stdin is copied into `dir` first. */
async function asFiles(sources: readonly InputSource[], dir: string): Promise<FileSource[]> {
  const files: FileSource[] = [];
  for (const [i, source] of sources.entries()) {
    if (source.file !== undefined) {
      files.push({ ...source, file: source.file });
      continue;
    }
    const file = path.join(dir, `stdin-${i}.json`);
    await pipeline(source.open(), fs.createWriteStream(file));
    files.push({ ...source, file, size: (await fs.promises.stat(file)).size });
  }
  return files;
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
  const command = new Command('import')
    .description('import STIX bundles (files, every *.json of a folder, or - for stdin) into a collection')
    .argument('<sources...>', 'bundle files, folders or - (stdin)')
    .requiredOption('--collection <id-or-alias>', 'the collection to add the objects to')
    .option('--as <user>', 'store as this user, with its access: the user and its organisation are the origin (who sees AMBER+STRICT and RED)');
  return withPersonalDataOption(command, 'store').action(async (paths: string[], options: { collection: string; as?: string; personalData?: PersonalDataDecision }, command: Command) => {
    const context = contextOf(command);
    const sources = await resolveSources(paths);
    await withInitialisedPlatform(context, async (platform) => {
      const actor = options.as === undefined ? SYSTEM : await platform.users.actAs(SYSTEM, options.as);
      const collection = await platform.collections.find(actor, options.collection);
      await platform.collections.requireWrite(actor, collection.apiRoot, collection.id);
      const guard = await importGuard(platform, actor, collection, options.personalData);
      const spool = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'thiqa-import-'));
      try {
        const files = await asFiles(sources, spool);
        const started = performance.now();
        if (guard.mode === 'ask') {
          const problems = await findingsOf(files, guard);
          if (problems.length > 0) throw refusal(context.out, problems, 'stored');
        }
        const reports: SourceReport[] = [];
        for (const file of files) reports.push(await importFile(platform, collection, file, context.out, actor, guard));
        report(context.out, collection, reports, (performance.now() - started) / 1000, options.personalData);
      } finally {
        await fs.promises.rm(spool, { recursive: true, force: true });
      }
    });
  });
}

/** Prints the outcome of every source and the totals; exit status 1 when anything was rejected or malformed. */
function report(out: Output, collection: { id: string; apiRoot: string }, reports: readonly SourceReport[], seconds: number, decision: PersonalDataDecision | undefined): void {
  const sum = (pick: (r: SourceReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
  const totals = {
    objects: sum((r) => r.objects),
    stored: sum((r) => r.stored),
    duplicates: sum((r) => r.duplicates),
    rejected: sum((r) => r.rejected.length),
    warnings: sum((r) => r.warnings),
    malformedSources: reports.filter((r) => r.malformed).length,
    personalData: { decision: decision ?? null, objects: sum((r) => r.personalData.objects), redacted: sum((r) => r.personalData.redacted) },
    seconds: Math.round(seconds * 1000) / 1000,
  };
  decisionNote(out, decision, totals.personalData.objects, totals.personalData.redacted, 'stored');
  out.result({ collection: { id: collection.id, apiRoot: collection.apiRoot }, sources: reports, totals }, () => [
    ...reports.flatMap(describeSource),
    ...(reports.length > 1
      ? [`Total: ${formatCountOf(totals.objects, 'object')}: ${formatCount(totals.stored)} stored, ${formatCount(totals.duplicates)} duplicates, ${formatCount(totals.rejected)} rejected`]
      : []),
    `Collection ${collection.id} (API root "${collection.apiRoot}"), ${seconds.toFixed(1)} s, ${formatCount(Math.round(totals.objects / Math.max(seconds, 0.001)))} objects/s.`,
  ]);
  if (totals.rejected > 0 || totals.malformedSources > 0) process.exitCode = 1;
}
