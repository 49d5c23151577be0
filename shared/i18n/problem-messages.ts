/**
 * Validation and sharing problems as people read them: a rejected object's problems carry a rule code and a
 * JSON path (shared/stix/problem.ts, RULES.md; the sharing rules of shared/stix/sharing.ts; the assessment and
 * Gateway rules, ASSESSMENT_RULES and GATEWAY_RULES, whose file problems give a line and column), and this says
 * each as a sentence of the reader's language from the catalogs in `problems/`, English when a catalog lacks it.
 */
import ar from './problems/ar.json' with { type: 'json' };
import en from './problems/en.json' with { type: 'json' };
import es from './problems/es.json' with { type: 'json' };
import fr from './problems/fr.json' with { type: 'json' };
import ru from './problems/ru.json' with { type: 'json' };
import zh from './problems/zh.json' with { type: 'json' };
import { fill } from './interpolate.ts';
import { expectedIn, foundIn } from './pattern-expectations.ts';
import { FALLBACK_LANGUAGE, type Language } from './languages.ts';

/** A catalog: rule code → message with one `{{path}}` placeholder (and those of `RULE_PARAMS` for its rules). */
export type ProblemCatalog = Readonly<Record<string, string>>;

export const PROBLEM_CATALOGS: Readonly<Record<Language, ProblemCatalog>> = { ar, zh, en, fr, ru, es };

/**
 * A problem in `language`; an unknown rule falls back to the problem's own (English) message.
 * @example problemMessage('es', { rule: 'required-property', path: '$.pattern', message: '…' })
 */
export function problemMessage(language: Language, problem: { rule: string; path: string; message: string; params?: Readonly<Record<string, unknown>> }): string {
  const template = PROBLEM_CATALOGS[language][problem.rule] ?? PROBLEM_CATALOGS[FALLBACK_LANGUAGE][problem.rule];
  if (template === undefined) return problem.message;
  const params: Record<string, unknown> = { ...problem.params, path: problem.path };
  if (typeof params.expected === 'string') params.expected = expectedIn(language, params.expected);
  if (typeof params.found === 'string') params.found = foundIn(language, params.found);
  return fill(template, params);
}
