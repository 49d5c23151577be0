/**
 * `thiqa assessment …`: the commitment index from the command line.
 * - `score | sensitivity | needs FILE`: offline, over a downloaded edition file (assessment-file.command.ts).
 * - `score FILE`: recomputes the scores of a downloaded edition file offline (framework, weights, credits,
 *   tiers and answers; shared/assessment/edition-file.ts) and, when the file carries the published scores,
 *   says whether they match. Exit status 1 when the file has problems or a score differs.
 * - `framework import|list|export`: frameworks as JSON (assessment-framework.command.ts).
 * - `import-results FILE --name NAME`: published GCI results (CSV) as a scores-only edition, exactly as
 *   published; exit status 1, storing nothing, when the file has any problem.
 * - `results NAME`: each country's pillar scores, overall score, tier and rank.
 * - `regions NAME [--scheme SCHEME]`: aggregates per UN M49 region and sub-region, or per region of an
 *   imported scheme.
 * - `region-scheme import|list|show`: region schemes as CSV (assessment-region-scheme.command.ts).
 * - `compare A B`: per country, the change of each pillar and of the overall score, tier and rank moves.
 */
import { Command } from 'commander';
import { isM49Scheme, M49_SCHEME } from '../../shared/assessment/regions.ts';
import { round2 } from '../../shared/assessment/scoring.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { readTextFile } from '../input-sources.ts';
import { formatTable } from '../output.ts';
import { frameworkCommand } from './assessment-framework.command.ts';
import { regionSchemeCommand } from './assessment-region-scheme.command.ts';
import { needsCommand, scoreCommand, sensitivityCommand } from './assessment-file.command.ts';

const fixed = (value: number | undefined) => (value === undefined ? '—' : round2(value).toFixed(2));
const signed = (value: number | undefined) => (value === undefined ? '—' : `${value >= 0 ? '+' : ''}${round2(value).toFixed(2)}`);
const PILLARS = ['legal', 'technical', 'organisational', 'capacity', 'cooperation'];

function importResultsCommand(): Command {
  return new Command('import-results')
    .description('import published GCI results (CSV, wide or long form) as a scores-only edition, kept exactly as published')
    .argument('<file>', 'CSV file of published results')
    .requiredOption('--name <name>', 'name of the edition, e.g. "GCI 2024"')
    .action(async (file: string, options: { name: string }, command: Command) => {
      const context = contextOf(command);
      const text = readTextFile(file);
      await withInitialisedPlatform(context, async (platform) => {
        const { edition, problems } = await platform.editions.importResults(SYSTEM, { name: options.name, text, source: file.split(/[\\/]/).pop() });
        if (!edition) {
          context.out.result({ file, imported: false, problems }, () => [...problems.map((p) => `  ${p.rule}  ${p.path}  ${p.message}`), `${file}: nothing imported, ${problems.length} problem(s).`]);
          process.exitCode = 1;
          return;
        }
        context.out.result({ file, imported: true, edition }, () => `Imported ${edition.countries} countries as "${edition.name}"${edition.year ? ` (${edition.year})` : ''}.`);
      });
    });
}

function resultsCommand(): Command {
  return new Command('results')
    .description("an edition's results: per country, pillar scores, overall score, tier and rank")
    .argument('<name>', 'edition name')
    .action(async (name: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const { edition, results } = await platform.editions.results(name);
        context.out.result({ edition: { name: edition.name, kind: edition.kind, year: edition.year }, results }, () => {
          const header = ['rank', 'country', ...PILLARS, 'overall', 'tier'];
          const rows = results.map((r) => [String(r.rank), r.country, ...PILLARS.map((p) => fixed(r.pillars[p])), fixed(r.overall), r.tier]);
          return [`${edition.name}: ${results.length} countries`, ...formatTable(header, rows)];
        });
      });
    });
}

function regionsCommand(): Command {
  return new Command('regions')
    .description("an edition's aggregates per region — UN M49 regions and sub-regions, or an imported scheme: mean, median, min and max of the overall score (pillars with --json)")
    .argument('<name>', 'edition name')
    .option('--scheme <scheme>', 'an imported region scheme (thiqa assessment region-scheme list)', M49_SCHEME)
    .action(async (name: string, options: { scheme: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const { edition, scheme, regions } = await platform.editions.regions(name, options.scheme);
        const m49 = isM49Scheme(scheme);
        const names = m49 ? new Map<string, string>() : new Map((await platform.regionSchemes.get(scheme)).regions.map((r) => [r.region, r.name]));
        context.out.result({ edition: { name: edition.name, year: edition.year }, scheme, regions }, () => {
          const rows = regions.map((r) => [r.region, ...(m49 ? [] : [names.get(r.region) ?? '']), String(r.countries), fixed(r.overall.mean), fixed(r.overall.median), fixed(r.overall.min), fixed(r.overall.max)]);
          const header = [...(m49 ? ['M49'] : ['region', 'name']), 'countries', 'mean', 'median', 'min', 'max'];
          return [`${edition.name}: ${regions.length} ${m49 ? 'UN M49 regions and sub-regions' : `regions of ${scheme}`}`, ...formatTable(header, rows)];
        });
      });
    });
}

function compareCommand(): Command {
  return new Command('compare')
    .description('how each country moved between two editions: pillar and overall changes, tier and rank moves')
    .argument('<from>', 'earlier edition name')
    .argument('<to>', 'later edition name')
    .action(async (from: string, to: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const comparison = await platform.editions.compare(from, to);
        context.out.result(comparison, () => {
          const header = ['country', ...PILLARS, 'overall', 'tier', 'rank'];
          const rows = comparison.countries.map((c) => [
            c.country,
            ...PILLARS.map((p) => signed(c.pillars[p])),
            signed(c.overall),
            c.tier.from === c.tier.to ? c.tier.to : `${c.tier.from} → ${c.tier.to}`,
            `${c.rank.from} → ${c.rank.to}`,
          ]);
          const only = [
            ...(comparison.onlyFrom.length ? [`Only in ${comparison.from}: ${comparison.onlyFrom.join(' ')}`] : []),
            ...(comparison.onlyTo.length ? [`Only in ${comparison.to}: ${comparison.onlyTo.join(' ')}`] : []),
          ];
          return [`${comparison.from} → ${comparison.to}: ${comparison.countries.length} countries in both`, ...formatTable(header, rows), ...only];
        });
      });
    });
}

export function assessmentCommand(): Command {
  return new Command('assessment')
    .description('the commitment index: published results, comparisons, and recomputing an edition file')
    .addCommand(frameworkCommand())
    .addCommand(regionSchemeCommand())
    .addCommand(importResultsCommand())
    .addCommand(resultsCommand())
    .addCommand(regionsCommand())
    .addCommand(compareCommand())
    .addCommand(scoreCommand())
    .addCommand(sensitivityCommand())
    .addCommand(needsCommand());
}
