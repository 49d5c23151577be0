/**
 * `thiqa assessment score FILE`: recomputes the scores of a downloaded edition file offline (framework,
 * weights, credits, tiers and answers; shared/assessment/edition-file.ts) and, when the file carries the
 * published scores, says whether they match. Exit status 1 when the file has problems or a score differs.
 */
import fs from 'node:fs';
import { Command } from 'commander';
import { differences, readEditionFile } from '../../shared/assessment/edition-file.ts';
import { round2, scoreAll, scoringModel, type RankedScore } from '../../shared/assessment/scoring.ts';
import { contextOf } from '../command-context.ts';
import { notFound } from '../../server/core/errors.ts';

function table(scores: readonly RankedScore[], pillars: readonly string[]): string[] {
  const header = ['rank', 'country', ...pillars, 'overall', 'tier'];
  const rows = scores.map((s) => [String(s.rank), s.country, ...pillars.map((p) => round2(s.pillars[p] ?? 0).toFixed(2)), round2(s.overall).toFixed(2), s.tier]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}

function scoreCommand(): Command {
  return new Command('score')
    .description('recompute the scores of an edition file offline, and check them against the published ones it carries')
    .argument('<file>', 'edition file (JSON), as downloaded from a published edition')
    .action((file: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      if (!fs.existsSync(file)) throw notFound('file.not_found', `there is no file or folder "${file}"`, { path: file });
      const { edition, problems } = readEditionFile(fs.readFileSync(file, 'utf8'));
      if (!edition) {
        context.out.result({ file, valid: false, problems }, () => [...problems.map((p) => `  ${p.rule}  ${p.path}  ${p.message}`), `${file}: INVALID, ${problems.length} problem(s).`]);
        process.exitCode = 1;
        return;
      }
      const scores = scoreAll(scoringModel(edition.framework), edition.answers, edition.tiers).map((s) => ({
        ...s,
        overall: round2(s.overall),
        pillars: Object.fromEntries(Object.entries(s.pillars).map(([pillar, value]) => [pillar, round2(value)])),
      }));
      const mismatches = edition.scores ? differences(scores, edition.scores) : [];
      const report = { file, valid: true, edition: edition.edition.name, framework: { id: edition.framework.id, version: edition.framework.version }, scores, published: edition.scores ? { matches: mismatches.length === 0, differences: mismatches } : null };
      context.out.result(report, () => [
        `${edition.edition.name} (${edition.framework.id} ${edition.framework.version}): ${scores.length} countries`,
        ...table(scores, edition.framework.pillars.map((p) => p.id)),
        ...(edition.scores ? (mismatches.length ? ['The published scores differ:', ...mismatches.map((m) => `  ${m}`)] : ['The published scores match.']) : []),
      ]);
      if (mismatches.length) process.exitCode = 1;
    });
}

export function assessmentCommand(): Command {
  return new Command('assessment').description('the commitment index: recompute published scores').addCommand(scoreCommand());
}
