// The problem catalogs: every validation rule, sharing rule, assessment rule, Gateway rule, warning list rule and MISP rule has a sentence in all six languages,
// each naming the path once and none left in English.
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_RULES } from '../assessment/framework-validation.ts';
import { GATEWAY_RULES } from '../gateway/record-validation.ts';
import { MISP_RULES } from '../misp/misp-event.ts';
import { PERSONAL_DATA_RULES } from '../privacy/object-scan.ts';
import { RULE_PARAMS, RULE_SEVERITY, type RuleCode } from '../stix/problem.ts';
import { SHARING_RULES } from '../stix/sharing.ts';
import { WARNINGLIST_RULES } from '../warninglists/warninglist-file.ts';
import { placeholdersOf } from './interpolate.ts';
import { LANGUAGES } from './languages.ts';
import { PROBLEM_CATALOGS, problemMessage } from './problem-messages.ts';

const RULES = [...Object.keys(RULE_SEVERITY), ...SHARING_RULES, ...ASSESSMENT_RULES, ...GATEWAY_RULES, ...WARNINGLIST_RULES, ...MISP_RULES, ...PERSONAL_DATA_RULES].sort();

describe('problem catalogs', () => {
  it.each(LANGUAGES)('%s has a sentence for exactly the rules there are, each naming the path once', (language) => {
    const catalog = PROBLEM_CATALOGS[language];
    expect(Object.keys(catalog).sort()).toEqual(RULES);
    for (const [rule, message] of Object.entries(catalog)) {
      expect(placeholdersOf(message), `${language} ${rule}`).toEqual(['path', ...(RULE_PARAMS[rule as RuleCode] ?? [])].sort());
      expect(message.match(/\{\{path\}\}/g), `${language} ${rule}`).toHaveLength(1);
      if (language !== 'en') expect(message, `${language} ${rule} is still the English text`).not.toBe(PROBLEM_CATALOGS.en[rule]);
    }
  });

  it('says a problem in the language asked for, and falls back to its own message for an unknown rule', () => {
    const problem = { rule: 'required-property', path: '$.pattern', message: 'Missing required property pattern.' };
    expect(problemMessage('en', problem)).toBe('A required property is missing at $.pattern.');
    expect(problemMessage('ru', problem)).toContain('$.pattern');
    expect(problemMessage('ru', problem)).not.toBe(problemMessage('en', problem));
    expect(problemMessage('zh', { ...problem, rule: 'no-such-rule' })).toBe('Missing required property pattern.');
  });

  it("says where a pattern's error is, in every language", () => {
    const problem = { rule: 'indicator-pattern-invalid', path: '$.pattern', message: '…', params: { line: 2, column: 38, expected: "AND OR ']'", found: "'foo'" } };
    expect(problemMessage('en', problem)).toBe("The STIX pattern at $.pattern is invalid at line 2, column 38: expected AND, OR, or ']', found 'foo'.");
    for (const language of LANGUAGES) expect(problemMessage(language, problem), language).toMatch(/2[^]*38[^]*AND[^]*OR[^]*'\][^]*'foo'/);
  });
});
