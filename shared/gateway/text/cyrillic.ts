/**
 * Terms of a word in Cyrillic script (Russian, and other languages written in it without their own rules).
 *
 * - Case does not count; ё is е; stress marks (combining acute or grave) are removed. Only combining marks
 *   are removed, after NFC, so й and ё, which NFD would take apart, stay letters.
 * - Hyphens split words, and a text also indexes the pieces joined, as in Latin script.
 * - Light stemming for Russian (`cyrillicStem`): the longest of the common noun and adjective endings is
 *   removed, again until none is left, never below three letters. So стратегия, стратегии, стратегий,
 *   стратегиями are `стратег`; кибербезопасность, кибербезопасности, кибербезопасностью `кибербезопасност`;
 *   национальный, национальная, национальных `национальн`. Verbs and suffixes that change the meaning
 *   (стратегический) are not followed.
 */

import { withoutMarks } from './script-runs.ts';
import { clipTerm } from './term-length.ts';

/** The commonest Russian prepositions and conjunctions, lower case. Queries drop them; texts keep them. */
export const CYRILLIC_STOP_WORDS: ReadonlySet<string> = new Set([
  'и', 'в', 'во', 'на', 'по', 'о', 'об', 'с', 'со', 'к', 'для', 'из', 'от', 'или', 'а',
]);

// Longest first, so that -ями goes before -и and -ого before -о.
const ENDINGS = [
  'ями', 'ами', 'ыми', 'ими', 'ого', 'его', 'ому', 'ему', 'иях', 'иям', 'ией',
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ой', 'ей', 'ую', 'юю', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях',
  'ов', 'ев', 'ью', 'ия', 'ию', 'ии', 'ым', 'им', 'ых', 'их',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'й', 'ь',
];
const MIN_STEM = 3;
// The endings by their last letter, still longest first.
const ENDINGS_BY_LAST = new Map<string, string[]>();
for (const ending of ENDINGS) ENDINGS_BY_LAST.set(ending.at(-1)!, [...(ENDINGS_BY_LAST.get(ending.at(-1)!) ?? []), ending]);
const HYPHENS = /[-\u2010\u2011]/;

/** A Cyrillic word in lower case, ё as е, without stress marks. */
export function foldCyrillic(word: string): string {
  // The text is NFKC already, and lower-casing Cyrillic keeps it so.
  const folded = withoutMarks(word.toLowerCase());
  return folded.includes('ё') ? folded.replaceAll('ё', 'е') : folded;
}

/** The light stem of a folded word (see the module comment); a fixed point. */
export function cyrillicStem(word: string): string {
  let current = word;
  for (;;) {
    const candidates = ENDINGS_BY_LAST.get(current.at(-1) ?? '');
    const ending = candidates?.find((e) => current.endsWith(e) && current.length - e.length >= MIN_STEM);
    if (ending === undefined) return current;
    current = current.slice(0, -ending.length);
  }
}

const termOf = (word: string) => cyrillicStem(clipTerm(foldCyrillic(word)));

/** Adds the index terms of a Cyrillic token to `out`: each word's stem, and the hyphenated pieces joined. */
export function indexCyrillic(token: string, out: Set<string>): void {
  if (!HYPHENS.test(token)) {
    out.add(termOf(token));
    return;
  }
  const words = token.split(HYPHENS);
  for (const word of words) out.add(termOf(word));
  if (words.length > 1) out.add(termOf(words.join('')));
}

/** Adds the query terms of a Cyrillic token to `out`, stop words left out when `dropStopWords`. */
export function queryCyrillic(token: string, dropStopWords: boolean, out: Set<string>): void {
  for (const word of token.split(HYPHENS)) {
    const folded = clipTerm(foldCyrillic(word));
    if (dropStopWords && CYRILLIC_STOP_WORDS.has(folded)) continue;
    out.add(cyrillicStem(folded));
  }
}
