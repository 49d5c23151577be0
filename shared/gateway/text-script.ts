/**
 * Whether a text is written in the script its language key says: the check behind the
 * `gateway-unexpected-script` rule, which catches a text filed under the wrong language (an English title
 * given as `ar`, a Russian one in transliteration).
 *
 * The rule, precisely. Each language has one expected script: Arabic for `ar`, Han for `zh`, Cyrillic for
 * `ru`, Latin for `en`, `fr` and `es`. The text is split into words (runs of letters, marks and digits). Words
 * written in capital Latin letters (and digits) only are taken as acronyms or identifiers (`CERT`, `ISO`,
 * `GCA`, `27001`) and set aside, as are digits; so are marks and punctuation. A text whose remaining letters
 * include at least one of the expected script passes; a text with no remaining letter passes too (`CERT-EU`
 * as a Chinese title, `2024`). A text whose remaining letters are all of other scripts fails.
 *
 * So mixed texts pass (an Arabic title naming `Microsoft`), and the rule cannot tell English from French, or
 * notice an all-capitals title (`NATIONAL STRATEGY` is taken as acronyms). It asks for one letter of the script,
 * not that every word be in it, so it never refuses a real title for a foreign name inside.
 */
import type { Language } from '../i18n/languages.ts';

const EXPECTED: Readonly<Record<Language, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
  en: /\p{Script=Latin}/u,
  fr: /\p{Script=Latin}/u,
  es: /\p{Script=Latin}/u,
};

/** The script a language's texts are expected in, as a Unicode script name. */
export const EXPECTED_SCRIPT: Readonly<Record<Language, string>> = { ar: 'Arabic', zh: 'Han', ru: 'Cyrillic', en: 'Latin', fr: 'Latin', es: 'Latin' };

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ACRONYM = /^[\p{Lu}\p{N}]+$/u;
const LATIN = /^[\p{Script=Latin}\p{N}]+$/u;
const LETTER = /\p{L}/u;

/**
 * Whether `text` has letters of `language`'s script, or none that count (see above).
 * @example inExpectedScript('ar', 'National CERT') === false; inExpectedScript('ar', 'الفريق الوطني CERT') === true
 */
export function inExpectedScript(language: Language, text: string): boolean {
  const expected = EXPECTED[language];
  let counted = false;
  for (const [word] of text.matchAll(WORD)) {
    if (ACRONYM.test(word) && LATIN.test(word)) continue;
    for (const char of word) {
      if (!LETTER.test(char)) continue;
      if (expected.test(char)) return true;
      counted = true;
    }
  }
  return !counted;
}
