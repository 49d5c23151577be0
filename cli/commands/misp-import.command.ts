/**
 * `thiqa misp import FILE|DIR [--into COLLECTION] [--as USER] [--personal-data confirm|redact] [--json]`: a MISP
 * event file or feed folder into a collection (the default one unless `--into`), as the operator or, with `--as`,
 * as that user with its access; personal data is guarded as `thiqa import` does it (personal-data-decision.ts).
 * Prints what was stored, what the Exchange rejected and why, what was kept unmapped in `x_misp` (by kind,
 * with examples), and every problem of the files by file and JSON path. Exit status 1 when an event was
 * refused, an object rejected or hashes.csv did not match.
 */
import fs from 'node:fs';
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { ErrorProblem } from '../../server/core/errors.ts';
import type { PersonalDataDecision } from '../../server/modules/exchange/services/personal-data-guard.ts';
import { notFound } from '../../server/core/errors.ts';
import { DEFAULT_COLLECTION_ALIAS } from '../../server/bootstrap.ts';
import type { MispImportReport } from '../../server/modules/misp/services/misp-import.service.ts';
import { MISP_BATCH } from '../../server/modules/misp/services/misp-conversion.ts';
import { convertInWorker } from '../misp-converted-batches.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCount, formatCountOf } from '../output.ts';
import { decisionNote, importGuard, refusal, withPersonalDataOption } from '../personal-data-decision.ts';

function describe(source: string, report: MispImportReport, seconds: number): string[] {
  const { events, objects } = report;
  const lines = [
    `${source}: ${formatCountOf(events.read, 'event')} read, ${formatCount(events.imported)} imported, ${formatCount(events.refused)} refused; ${formatCountOf(report.attributes, 'attribute')}.`,
    `STIX objects: ${formatCount(objects.total)} (${formatCount(objects.stored)} stored, ${formatCount(objects.duplicates)} duplicates, ${formatCount(objects.rejected)} rejected) into collection ${report.collection.id}; ${seconds.toFixed(1)} s, ${formatCount(Math.round(report.attributes / Math.max(seconds, 0.001)))} attributes/s.`,
  ];
  for (const problem of report.problems) lines.push(`  ${problem.rule}  ${problem.file}  ${problem.path}  ${problem.message}`);
  for (const rejected of report.rejected) lines.push(`  rejected ${rejected.id ?? '(no id)'}: ${rejected.reasons}`);
  if (report.unmapped.length) lines.push('Not mapped (kept in the x_misp extension):');
  for (const entry of report.unmapped) lines.push(`  ${entry.kind} ${entry.name}: ${formatCount(entry.count)} (e.g. ${entry.examples.join('; ')})`);
  if (report.hashes.checked) lines.push(report.hashes.mismatches ? `hashes.csv: ${formatCount(report.hashes.mismatches)} ${report.hashes.mismatches === 1 ? 'mismatch' : 'mismatches'}.` : 'hashes.csv: every value listed.');
  return lines;
}

export function mispImportCommand(): Command {
  const command = new Command('import')
    .description('import a MISP event file, or a MISP feed folder (manifest.json, <uuid>.json, hashes.csv), as STIX 2.1')
    .argument('<path>', 'a MISP event file ({"Event": …}) or a feed folder')
    .option('--into <collection>', `the collection to store into (id or alias; default: ${DEFAULT_COLLECTION_ALIAS})`)
    .option('--as <user>', 'store as this user, with its access: the user and its organisation are the origin');
  return withPersonalDataOption(command, 'store').action(async (target: string, options: { into?: string; as?: string; personalData?: PersonalDataDecision }, command: Command) => {
    const context = contextOf(command);
    if (!fs.existsSync(target)) throw notFound('file.not_found', `there is no file or folder "${target}"`, { path: target });
    await withInitialisedPlatform(context, async (platform) => {
      const actor = options.as === undefined ? SYSTEM : await platform.users.actAs(SYSTEM, options.as);
      const collection = await platform.collections.find(actor, options.into ?? DEFAULT_COLLECTION_ALIAS);
      await platform.collections.requireWrite(actor, collection.apiRoot, collection.id);
      const guard = await importGuard(platform, actor, collection, options.personalData);
      const started = performance.now();
      // Without a decision the whole input is converted and checked once before anything is stored.
      if (guard.mode === 'ask') {
        const problems: ErrorProblem[] = [];
        for await (const batch of convertInWorker(target, MISP_BATCH, guard)) problems.push(...batch.personalData.problems);
        if (problems.length > 0) throw refusal(context.out, problems, 'stored');
      }
      // Converted on a worker thread while this one stores (see misp-converted-batches.ts).
      const report = await platform.mispImport.importConverted(actor, collection.id, convertInWorker(target, MISP_BATCH, guard));
      const seconds = (performance.now() - started) / 1000;
      decisionNote(context.out, options.personalData, report.personalData.objects, report.personalData.redacted, 'stored');
      context.out.result({ ...report, seconds: Math.round(seconds * 1000) / 1000 }, () => describe(target, report, seconds));
      if (report.problems.length > 0 || report.objects.rejected > 0) process.exitCode = 1;
    });
  });
}
