/**
 * What an invalid STIX pattern's error expected and found, said in the reader's language: the error carries
 * tokens and codes (shared/stix/patterning/expectations.ts) as one space-separated `expected` parameter, and
 * each code has its words in the catalogs of `pattern-expectations/`. Tokens and the source text found stay
 * as they are; in a right-to-left language they are isolated from the sentence's direction, so that `']'`
 * reads the same inside Arabic.
 */
import { END_OF_PATTERN, expectationOf } from '../stix/patterning/expectations.ts';
import ar from './pattern-expectations/ar.json' with { type: 'json' };
import en from './pattern-expectations/en.json' with { type: 'json' };
import es from './pattern-expectations/es.json' with { type: 'json' };
import fr from './pattern-expectations/fr.json' with { type: 'json' };
import ru from './pattern-expectations/ru.json' with { type: 'json' };
import zh from './pattern-expectations/zh.json' with { type: 'json' };
import { fill } from './interpolate.ts';
import { directionOf, type Language } from './languages.ts';

/** A catalog: expectation code → words, `{{arg}}` standing for the code's argument. */
export const PATTERN_EXPECTATION_CATALOGS: Readonly<Record<Language, Readonly<Record<string, string>>>> = { ar, zh, en, fr, ru, es };

/** Text of the pattern itself, in a right-to-left sentence kept apart (first-strong isolate … pop). */
const isolating = (language: Language) => (text: string) => (directionOf(language) === 'rtl' ? `\u2068${text}\u2069` : text);

function itemIn(language: Language, item: string): string {
  const isolate = isolating(language);
  const coded = expectationOf(item);
  if (coded === undefined) return isolate(item);
  const words = PATTERN_EXPECTATION_CATALOGS[language][coded.code] ?? PATTERN_EXPECTATION_CATALOGS.en[coded.code]!;
  return fill(words, { arg: coded.arg === undefined ? undefined : isolate(coded.arg) });
}

/** The `expected` parameter (`"AND OR ']'"`) as the language lists alternatives: `AND, OR ou ']'`. */
export function expectedIn(language: Language, expected: string): string {
  const items = expected.split(' ').filter((item) => item !== '');
  return new Intl.ListFormat(language, { style: 'long', type: 'disjunction' }).format(items.map((item) => itemIn(language, item)));
}

/** The `found` parameter: the source text found, or the end of the pattern in words. */
export function foundIn(language: Language, found: string): string {
  return found === END_OF_PATTERN ? itemIn(language, 'end') : isolating(language)(found);
}
