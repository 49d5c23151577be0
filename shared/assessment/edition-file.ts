/**
 * A published edition as anyone may download it, and as `thiqa assessment score FILE` reads it: the framework
 * (with its weights and credits), the tiers, every country's answers and, when published, the scores. Scoring
 * the file again must give the published scores: that is what makes each published number reproducible.
 *
 * { "format": "thiqa-assessment-edition", "version": 1, "edition": { "name": "GCA 2026" },
 *   "framework": { … }, "tiers": [{ "code", "min" }], "answers": { "TN": { "<question id>": "<level>" } },
 *   "scores": [{ "country", "pillars": { "<pillar id>": n }, "overall", "tier", "rank" }] }
 */
import { validateFramework, type AssessmentProblem } from './framework-validation.ts';
import type { Framework } from './framework.ts';
import { checkAnswers, DEFAULT_TIERS, scoringModel, type Answers, type RankedScore, type Tier } from './scoring.ts';

export const EDITION_FORMAT = 'thiqa-assessment-edition';

export interface EditionFile {
  edition: { name: string };
  framework: Framework;
  tiers: Tier[];
  answers: Record<string, Answers>;
  /** The published scores, when the file carries them. */
  scores: RankedScore[] | undefined;
}

const COUNTRY = /^[A-Z]{2}$/;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shape = (path: string, message: string): AssessmentProblem => ({ rule: 'edition-wrong-shape', path, message });

/** The edition in a file's text, or every problem that keeps it from being scored. */
export function readEditionFile(text: string): { edition: EditionFile | undefined; problems: AssessmentProblem[] } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return { edition: undefined, problems: [{ rule: 'edition-not-json', path: '$', message: `the file is not JSON: ${(error as Error).message}` }] };
  }
  if (!isObject(root) || root.format !== EDITION_FORMAT || root.version !== 1) {
    return { edition: undefined, problems: [shape('$', `the file is not a Thiqa assessment edition: it needs "format": "${EDITION_FORMAT}" and "version": 1`)] };
  }
  const problems: AssessmentProblem[] = [];
  const name = isObject(root.edition) && typeof root.edition.name === 'string' ? root.edition.name : undefined;
  if (name === undefined) problems.push(shape('$.edition.name', 'the edition needs a name'));
  const { framework, problems: frameworkProblems } = validateFramework(root.framework, '$.framework');
  problems.push(...frameworkProblems);

  const tiers: Tier[] = [];
  if (root.tiers === undefined) tiers.push(...DEFAULT_TIERS);
  else if (!Array.isArray(root.tiers) || root.tiers.length === 0) problems.push(shape('$.tiers', 'tiers must be a non-empty list of { "code", "min" }'));
  else
    root.tiers.forEach((tier, i) => {
      if (isObject(tier) && typeof tier.code === 'string' && typeof tier.min === 'number' && Number.isFinite(tier.min)) tiers.push({ code: tier.code, min: tier.min });
      else problems.push(shape(`$.tiers[${i}]`, `$.tiers[${i}] must be { "code": text, "min": number }`));
    });

  const answers: Record<string, Answers> = {};
  if (!isObject(root.answers)) problems.push(shape('$.answers', 'answers must be an object of answers by country code'));
  else
    for (const [country, given] of Object.entries(root.answers)) {
      const path = `$.answers.${country}`;
      if (!COUNTRY.test(country)) problems.push(shape(path, `"${country}" is not an ISO 3166-1 alpha-2 country code`));
      else if (!isObject(given) || !Object.values(given).every((level) => typeof level === 'string')) problems.push(shape(path, `${path} must map question ids to answer levels`));
      else answers[country] = given as Answers;
    }
  if (framework) {
    const model = scoringModel(framework);
    for (const [country, given] of Object.entries(answers)) problems.push(...checkAnswers(model, given, `$.answers.${country}`));
  }

  let scores: RankedScore[] | undefined;
  if (root.scores !== undefined) {
    if (!Array.isArray(root.scores)) problems.push(shape('$.scores', 'scores must be a list'));
    else {
      const ok = root.scores.every(
        (s) => isObject(s) && typeof s.country === 'string' && isObject(s.pillars) && typeof s.overall === 'number' && typeof s.tier === 'string' && typeof s.rank === 'number',
      );
      if (ok) scores = root.scores as RankedScore[];
      else problems.push(shape('$.scores', 'each score needs country, pillars, overall, tier and rank'));
    }
  }
  if (problems.length || !framework || name === undefined) return { edition: undefined, problems };
  return { edition: { edition: { name }, framework, tiers, answers, scores }, problems };
}

/** Where computed scores differ from published ones (beyond the two decimals the GCI publishes). */
export function differences(computed: readonly RankedScore[], published: readonly RankedScore[]): string[] {
  const byCountry = new Map(computed.map((s) => [s.country, s]));
  const found: string[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) <= 0.005 + 1e-9;
  for (const expected of published) {
    const actual = byCountry.get(expected.country);
    if (!actual) {
      found.push(`${expected.country}: published but has no answers`);
      continue;
    }
    for (const [pillar, value] of Object.entries(expected.pillars)) {
      const mine = actual.pillars[pillar];
      if (mine === undefined || !close(mine, value)) found.push(`${expected.country} ${pillar}: published ${value}, computed ${mine ?? 'nothing'}`);
    }
    if (!close(actual.overall, expected.overall)) found.push(`${expected.country} overall: published ${expected.overall}, computed ${actual.overall}`);
    if (actual.tier !== expected.tier) found.push(`${expected.country} tier: published ${expected.tier}, computed ${actual.tier}`);
    if (actual.rank !== expected.rank) found.push(`${expected.country} rank: published ${expected.rank}, computed ${actual.rank}`);
  }
  return found;
}
