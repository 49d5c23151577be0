// What an invalid pattern expected, in every language: each code the parser can give has words in all six
// catalogs (the English ones are the parser's own), tokens and the text found stay as written, and the
// alternatives are listed as the language lists them.
import { describe, expect, it } from 'vitest';
import { EXPECTATIONS } from '../stix/patterning/expectations.ts';
import { variant } from '../stix/testing/stix-fixtures.ts';
import { validateObject } from '../stix/validator.ts';
import { placeholdersOf } from './interpolate.ts';
import { LANGUAGES } from './languages.ts';
import { expectedIn, foundIn, PATTERN_EXPECTATION_CATALOGS } from './pattern-expectations.ts';
import { problemMessage } from './problem-messages.ts';

describe('pattern expectations in six languages', () => {
  it.each(LANGUAGES)('%s says every code, with its argument where the English names one', (language) => {
    const catalog = PATTERN_EXPECTATION_CATALOGS[language];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(EXPECTATIONS).sort());
    for (const [code, words] of Object.entries(catalog)) {
      expect(placeholdersOf(words), `${language} ${code}`).toEqual(placeholdersOf(EXPECTATIONS[code as keyof typeof EXPECTATIONS]));
      if (language !== 'en') expect(words, `${language} ${code} is still the English text`).not.toBe(EXPECTATIONS[code as keyof typeof EXPECTATIONS]);
    }
  });

  it('has the parser’s own words in English', () => {
    expect(PATTERN_EXPECTATION_CATALOGS.en).toEqual(EXPECTATIONS);
  });

  it('keeps tokens as written, fills arguments and lists the alternatives the language’s way', () => {
    expect(expectedIn('en', "observation-operator qualifier ')'")).toBe("an observation operator, a qualifier, or ')'");
    expect(expectedIn('fr', 'string-after:LIKE')).toBe('une chaîne après LIKE');
    expect(expectedIn('es', "AND OR ']'")).toBe("AND, OR o ']'");
    expect(expectedIn('ar', "AND ']'")).toBe('\u2068AND\u2069 أو \u2068\']\'\u2069');
    expect(foundIn('ru', 'end of pattern')).toBe('конец шаблона');
    expect(foundIn('zh', "'foo'")).toBe("'foo'");
  });

  it('gives an indicator’s pattern error its words in the reader’s language', () => {
    const problems = validateObject(variant('indicator', { pattern: '[file:name foo]' }));
    const problem = problems.find((p) => p.rule === 'indicator-pattern-invalid')!;
    expect(problem.params).toEqual({ line: 1, column: 12, expected: 'comparison-operator', found: "'foo'" });
    expect(problemMessage('fr', problem)).toBe("Le motif STIX en $.pattern n’est pas valide à la ligne 1, colonne 12 : on attendait un opérateur de comparaison, et non 'foo'.");
    expect(problemMessage('zh', problem)).toContain('应为比较运算符');
  });
});
