/**
 * `thiqa assessment score | sensitivity | needs FILE`: the engine over a downloaded edition file (framework,
 * weights, credits, tiers, answers; shared/assessment/edition-file.ts), offline, with no store.
 * - `score`: recomputes the scores and, when the file carries the published ones, says whether they match.
 * - `sensitivity`: how each country's tier and rank hold when the weights move (±spread, N seeded draws).
 * - `needs`: what a country (or a UN M49 region) lacks, ranked by weight × missing credit.
 * Exit status 1 when the file has problems (each named with its rule and JSON path) or a score differs.
 */
import { Command, InvalidArgumentError } from 'commander';
import { differences, readEditionFile, type EditionFile } from '../../shared/assessment/edition-file.ts';
import { needsOf, regionalNeeds } from '../../shared/assessment/needs.ts';
import { m49Scheme } from '../../shared/assessment/regions.ts';
import { round2, scoreAll, scoringModel, type RankedScore } from '../../shared/assessment/scoring.ts';
import { sensitivity } from '../../shared/assessment/sensitivity.ts';
import { notFound } from '../../server/core/errors.ts';
import { contextOf, type CommandContext } from '../command-context.ts';
import { readTextFile } from '../input-sources.ts';
import { formatTable } from '../output.ts';

/** The edition in `file`, or undefined after reporting its problems (exit status 1). */
function editionIn(file: string, context: CommandContext): EditionFile | undefined {
  const { edition, problems } = readEditionFile(readTextFile(file));
  if (edition) return edition;
  context.out.result({ file, valid: false, problems }, () => [...problems.map((p) => `  ${p.rule}  ${p.path}  ${p.message}`), `${file}: INVALID, ${problems.length} problem(s).`]);
  process.exitCode = 1;
  return undefined;
}

const positiveInteger = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new InvalidArgumentError('a whole number from 1 to 1000000');
  return n;
};
const share = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n >= 1) throw new InvalidArgumentError('a number from 0 up to (not including) 1, e.g. 0.25 for ±25 %');
  return n;
};

function table(scores: readonly RankedScore[], pillars: readonly string[]): string[] {
  const header = ['rank', 'country', ...pillars, 'overall', 'tier'];
  const rows = scores.map((s) => [String(s.rank), s.country, ...pillars.map((p) => round2(s.pillars[p] ?? 0).toFixed(2)), round2(s.overall).toFixed(2), s.tier]);
  return formatTable(header, rows);
}

export function scoreCommand(): Command {
  return new Command('score')
    .description('recompute the scores of an edition file offline, and check them against the published ones it carries')
    .argument('<file>', 'edition file (JSON), as downloaded from a published edition')
    .action((file: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      const edition = editionIn(file, context);
      if (!edition) return;
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

export function sensitivityCommand(): Command {
  return new Command('sensitivity')
    .description("how each country's tier and rank hold when every weight moves by up to ±spread (seeded random draws)")
    .argument('<file>', 'edition file (JSON)')
    .option('--draws <n>', 'number of draws', positiveInteger, 10_000)
    .option('--spread <share>', 'largest relative change of a weight', share, 0.25)
    .option('--seed <n>', 'seed of the draws (the same seed gives the same answer)', positiveInteger, 1)
    .action((file: string, options: { draws: number; spread: number; seed: number }, command: Command) => {
      const context = contextOf(command);
      const edition = editionIn(file, context);
      if (!edition) return;
      const analysis = sensitivity(scoringModel(edition.framework), edition.answers, { ...options, tiers: edition.tiers });
      context.out.result({ file, draws: options.draws, spread: options.spread, seed: options.seed, countries: analysis }, () => [
        `${edition.edition.name}: ${options.draws} draws, weights ±${Math.round(options.spread * 100)} %`,
        ...formatTable(
          ['rank', 'country', 'tier', 'tier kept', 'rank 5–95 %'],
          analysis.map((c) => [String(c.rank), c.country, c.tier, `${(c.tierKept * 100).toFixed(1)} %`, `${c.rankP5}–${c.rankP95}`]),
        ),
      ]);
    });
}

export function needsCommand(): Command {
  return new Command('needs')
    .description('what a country, or a UN M49 region, lacks: every question not fully in place, ranked by weight × missing credit')
    .argument('<file>', 'edition file (JSON)')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 code of the country')
    .option('--region <m49>', 'UN M49 region or sub-region code, e.g. 002 (Africa) or 145 (Western Asia)')
    .action((file: string, options: { country?: string; region?: string }, command: Command) => {
      const context = contextOf(command);
      if ((options.country === undefined) === (options.region === undefined)) throw new InvalidArgumentError('give --country or --region');
      const edition = editionIn(file, context);
      if (!edition) return;
      const model = scoringModel(edition.framework);
      const country = options.country?.toUpperCase();
      const answers = country === undefined ? undefined : edition.answers[country];
      if (country !== undefined && !answers) throw notFound('assessment.country_not_in_edition', `the edition has no answers for "${country}"`, { country });
      const countries = options.region === undefined ? [] : (m49Scheme().get(options.region) ?? []);
      const needs = answers ? needsOf(model, answers) : regionalNeeds(model, edition.answers, countries);
      const texts = new Map(model.questions.map((q) => [q.id, q.text.en]));
      context.out.result({ file, country: country ?? null, region: options.region ?? null, needs }, () => [
        `${edition.edition.name}: ${needs.length} needs of ${country ?? `region ${options.region}`}`,
        ...formatTable(
          ['priority', 'number', 'pillar', 'question', ...(answers ? [] : ['countries'])],
          needs.map((n) => [round2(n.priority).toFixed(2), n.number, n.pillar, texts.get(n.question) ?? n.question, ...('countries' in n ? [String(n.countries)] : [])]),
        ),
      ]);
    });
}
