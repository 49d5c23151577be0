/**
 * Checks a framework file (any JSON) before anything uses it: its shape, every text in the six languages,
 * unique ids, weights that are numbers ≥ 0, a usable answer scale, gate levels of that scale, and question
 * dependencies that name a question and never go round in a circle. Every finding is a problem with a rule
 * code (`ASSESSMENT_RULES`), the JSON path and a message; a framework is usable only with none.
 */
import { LANGUAGES } from '../i18n/languages.ts';
import { EVIDENCE_KINDS, questionsOf, type Framework } from './framework.ts';

export const ASSESSMENT_RULES = [
  'framework-wrong-shape',
  'framework-missing-translation',
  'framework-duplicate-id',
  'framework-invalid-weight',
  'framework-invalid-evidence',
  'framework-invalid-scale',
  'framework-unknown-gate-level',
  'framework-unknown-parent',
  'framework-gating-cycle',
  'framework-empty-pillar',
  'answer-unknown-question',
  'answer-unknown-level',
  'answer-gated-off',
  'edition-not-json',
  'edition-wrong-shape',
  'results-unknown-format',
  'results-unknown-country',
  'results-bad-value',
  'results-duplicate-country',
  'region-scheme-missing-column',
  'region-scheme-unknown-column',
  'region-scheme-duplicate-column',
  'region-scheme-bad-row',
  'region-scheme-bad-region',
  'region-scheme-unknown-country',
  'region-scheme-duplicate-row',
  'region-scheme-bad-name',
  'region-scheme-conflicting-name',
  'region-scheme-empty',
] as const;
export type AssessmentRule = (typeof ASSESSMENT_RULES)[number];

export interface AssessmentProblem {
  rule: AssessmentRule;
  path: string;
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

class Checker {
  readonly problems: AssessmentProblem[] = [];

  report(rule: AssessmentRule, path: string, message: string): void {
    this.problems.push({ rule, path, message });
  }

  object(value: unknown, path: string): Json | undefined {
    if (isObject(value)) return value;
    this.report('framework-wrong-shape', path, `${path} must be a JSON object`);
    return undefined;
  }

  list(parent: Json, key: string, path: string, optional = false): unknown[] {
    const value = parent[key];
    if (value === undefined && optional) return [];
    if (Array.isArray(value)) return value;
    this.report('framework-wrong-shape', `${path}.${key}`, `${path}.${key} must be a list`);
    return [];
  }

  string(parent: Json, key: string, path: string): string | undefined {
    const value = parent[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.report('framework-wrong-shape', `${path}.${key}`, `${path}.${key} must be a non-empty string`);
    return undefined;
  }

  text(parent: Json, key: string, path: string): void {
    const value = parent[key];
    if (!isObject(value)) {
      this.report('framework-wrong-shape', `${path}.${key}`, `${path}.${key} must be an object of texts by language (${LANGUAGES.join(', ')})`);
      return;
    }
    for (const language of LANGUAGES) {
      const text = value[language];
      if (typeof text !== 'string' || text.trim() === '') this.report('framework-missing-translation', `${path}.${key}.${language}`, `${path}.${key} has no text in "${language}"`);
    }
  }
}

/**
 * The framework in `input`, or the problems that keep it from being one. `at` is where the framework sits in
 * the file (`$.framework` in an edition file): every path starts there.
 * @example validateFramework(JSON.parse(file)).problems.map((p) => `${p.rule} ${p.path}`)
 */
export function validateFramework(input: unknown, at = '$'): { framework: Framework | undefined; problems: AssessmentProblem[] } {
  const check = new Checker();
  const root = check.object(input, at);
  if (!root) return { framework: undefined, problems: check.problems };
  check.string(root, 'id', at);
  check.string(root, 'version', at);
  check.text(root, 'title', at);

  const codes = new Set<string>();
  const scale = check.list(root, 'scale', at);
  let best = 0;
  scale.forEach((entry, i) => {
    const path = `${at}.scale[${i}]`;
    const level = check.object(entry, path);
    if (!level) return;
    const code = check.string(level, 'code', path);
    if (code !== undefined && codes.has(code)) check.report('framework-invalid-scale', `${path}.code`, `the answer level "${code}" is given twice`);
    if (code !== undefined) codes.add(code);
    const credit = level.credit;
    if (typeof credit !== 'number' || !Number.isFinite(credit) || credit < 0) check.report('framework-invalid-scale', `${path}.credit`, `${path}.credit must be a number of at least 0`);
    else best = Math.max(best, credit);
    check.text(level, 'label', path);
  });
  if (scale.length < 2 || best <= 0) check.report('framework-invalid-scale', `${at}.scale`, 'the answer scale needs at least two levels, one of them earning a credit above 0');
  check.list(root, 'gateLevels', at).forEach((code, i) => {
    if (typeof code !== 'string' || !codes.has(code)) check.report('framework-unknown-gate-level', `${at}.gateLevels[${i}]`, `gate level ${JSON.stringify(code)} is not a level of the answer scale`);
  });

  const ids = new Map<string, string>();
  const claim = (node: Json, path: string) => {
    const id = check.string(node, 'id', path);
    if (id === undefined) return;
    const first = ids.get(id);
    if (first !== undefined) check.report('framework-duplicate-id', `${path}.id`, `the id "${id}" is used already, at ${first}`);
    else ids.set(id, path);
  };
  const questionAt = (entry: unknown, path: string) => {
    const question = check.object(entry, path);
    if (!question) return;
    claim(question, path);
    check.string(question, 'number', path);
    check.text(question, 'text', path);
    check.text(question, 'note', path);
    if (!EVIDENCE_KINDS.includes(question.evidence as never)) check.report('framework-invalid-evidence', `${path}.evidence`, `${path}.evidence must be one of ${EVIDENCE_KINDS.join(', ')}`);
    const weight = question.weight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) check.report('framework-invalid-weight', `${path}.weight`, `${path}.weight must be a number of at least 0`);
    if (question.parent !== undefined && typeof question.parent !== 'string') check.report('framework-wrong-shape', `${path}.parent`, `${path}.parent must be the id of a question`);
  };

  const pillars = check.list(root, 'pillars', at);
  if (pillars.length === 0) check.report('framework-wrong-shape', `${at}.pillars`, 'a framework needs at least one pillar');
  pillars.forEach((entry, p) => {
    const path = `${at}.pillars[${p}]`;
    const pillar = check.object(entry, path);
    if (!pillar) return;
    claim(pillar, path);
    check.string(pillar, 'number', path);
    check.text(pillar, 'title', path);
    let questions = 0;
    check.list(pillar, 'indicators', path).forEach((entry, i) => {
      const ipath = `${path}.indicators[${i}]`;
      const indicator = check.object(entry, ipath);
      if (!indicator) return;
      claim(indicator, ipath);
      check.string(indicator, 'number', ipath);
      check.text(indicator, 'title', ipath);
      check.list(indicator, 'questions', ipath, true).forEach((q, n) => (questions++, questionAt(q, `${ipath}.questions[${n}]`)));
      check.list(indicator, 'subIndicators', ipath, true).forEach((entry, s) => {
        const spath = `${ipath}.subIndicators[${s}]`;
        const sub = check.object(entry, spath);
        if (!sub) return;
        claim(sub, spath);
        check.string(sub, 'number', spath);
        check.text(sub, 'title', spath);
        check.list(sub, 'questions', spath).forEach((q, n) => (questions++, questionAt(q, `${spath}.questions[${n}]`)));
      });
    });
    if (questions === 0) check.report('framework-empty-pillar', path, `the pillar at ${path} has no question, so it could never score`);
  });

  // Dependencies can be followed whenever the shape is right, whatever else is wrong: report those too.
  if (check.problems.some((p) => p.rule === 'framework-wrong-shape')) return { framework: undefined, problems: check.problems };
  const framework = input as Framework;
  checkDependencies(framework, check, at);
  return { framework: check.problems.length ? undefined : framework, problems: check.problems };
}

/** Every `parent` names another question, and following parents never comes back to where it started. */
function checkDependencies(framework: Framework, check: Checker, at: string): void {
  const questions = new Map(questionsOf(framework, at).map((q) => [q.id, q]));
  for (const question of questions.values()) {
    if (question.parent === undefined) continue;
    if (!questions.has(question.parent)) {
      check.report('framework-unknown-parent', `${question.path}.parent`, `"${question.parent}" is not another question of this framework`);
    }
  }
  const reported = new Set<string>();
  for (const start of questions.values()) {
    const seen = new Set<string>([start.id]);
    let next = start.parent;
    while (next !== undefined && questions.has(next)) {
      if (seen.has(next)) {
        if (!reported.has(start.id) && next === start.id) {
          check.report('framework-gating-cycle', `${start.path}.parent`, `question "${start.id}" depends on itself through ${[...seen].join(' → ')}`);
          reported.add(start.id);
        }
        break;
      }
      seen.add(next);
      next = questions.get(next)!.parent;
    }
  }
}
