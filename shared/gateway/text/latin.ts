/**
 * Terms of a word in Latin script — English, French and Spanish, and any other language written in it —
 * without knowing which language it is.
 *
 * - Case and accents do not count: lower case, NFD with the combining marks removed, and œ → oe, æ → ae,
 *   ß → ss, ø → o, đ/ð → d, ł → l, ı → i (letters NFD does not take apart).
 * - Apostrophes: a French elided word before one (l', d', j', m', n', s', t', c', qu', jusqu', lorsqu',
 *   puisqu') and an English possessive `'s` after one are dropped; the other pieces are words of their own
 *   (`l'état` → `etat`, `aujourd'hui` → `aujourd`, `hui`).
 * - Hyphens split words; a text also indexes the pieces joined (`cyber-sécurité` also gives the term of
 *   `cybersécurité`), so a query written as one word finds it. A query keeps the pieces, which find the
 *   hyphenated and the spaced spellings.
 * - Light stemming (`latinStem`), for plurals and gender rather than meaning: a final `s` (not after s, u, i:
 *   access, virus, analysis, français), a final e/a/o, y after a consonant → i, `-eaux` → `-eau`, `-aux` → `-al`,
 *   `-iti` → `-it`, repeated until nothing changes, never below three letters. So stratégie, stratégies,
 *   strategy and strategies are all `strategi`; nacional and nacionales `nacional`; sécurité, security and
 *   securities `securit`. Derivations are not followed: stratégique (`strategiqu`) is not stratégie.
 * - Words with a digit (`ipv6`, `5g`, `2024`) are kept as they are.
 */

import { withoutMarks } from './script-runs.ts';
import { clipTerm } from './term-length.ts';

/** Small on purpose: articles, the commonest prepositions and conjunctions of English, French and Spanish,
 * already lower-cased and without accents. Not `un`, `une`, `au`, `us`, `it`, `who`, which are also names
 * (UN, AU, US, IT, WHO). Queries drop them; texts keep them (see `search-terms.ts`). */
export const LATIN_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with',
  'le', 'la', 'les', 'de', 'des', 'du', 'et', 'en', 'pour', 'par', 'sur', 'dans', 'avec', 'ou',
  'el', 'los', 'las', 'del', 'y', 'e', 'o', 'al', 'para', 'por', 'con',
]);

const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu']);
const HYPHENS = /[-\u2010\u2011]/;
const APOSTROPHES = /['\u2019\u02bc]/;
const JOINERS = /[-\u2010\u2011'\u2019\u02bc]/;
const PLAIN = /^[a-z0-9]*$/;
const DIGIT = /[0-9]/;
const LETTER = /\p{L}/u;
const SPECIAL = /[œæßøđðłı]/g;
const SPECIAL_MAP: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i' };
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** A Latin word in lower case, without accents, and with the letters NFD does not split spelled out. */
export function foldLatin(word: string): string {
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return withoutMarks(lower.normalize('NFD')).replace(SPECIAL, (c) => SPECIAL_MAP[c] ?? c);
}

/** The light stem of a folded word (see the module comment); a fixed point: `latinStem(latinStem(w)) === latinStem(w)`. */
export function latinStem(word: string): string {
  if (DIGIT.test(word)) return word;
  let current = word;
  for (;;) {
    const next = stemStep(current);
    if (next === current) return current;
    current = next;
  }
}

function stemStep(w: string): string {
  const n = w.length;
  if (n < 4) return w;
  if (w.endsWith('eaux')) return w.slice(0, -1);
  if (n >= 5 && w.endsWith('aux')) return `${w.slice(0, -3)}al`;
  const last = w[n - 1];
  const before = w[n - 2]!;
  if (last === 's') return before === 's' || before === 'u' || before === 'i' ? w : w.slice(0, -1);
  if (last === 'y') return VOWELS.has(before) ? w : `${w.slice(0, -1)}i`;
  if (last === 'e' || last === 'a' || last === 'o') return w.slice(0, -1);
  if (w.endsWith('iti')) return w.slice(0, -1);
  return w;
}

/** The words of a token (letters and digits joined by hyphens or apostrophes), elisions and possessives dropped. */
function wordsOf(part: string): string[] {
  const pieces = part.split(APOSTROPHES);
  if (pieces.length === 1) return pieces;
  const words: string[] = [];
  pieces.forEach((piece, index) => {
    const folded = piece.toLowerCase();
    if (index < pieces.length - 1 && ELIDED.has(folded)) return;
    if (index > 0 && index === pieces.length - 1 && folded === 's') return;
    words.push(piece);
  });
  return words;
}

const termOf = (word: string) => latinStem(clipTerm(foldLatin(word)));

/** Adds the index terms of a Latin token to `out`: each word's stem, and the hyphenated pieces joined. */
export function indexLatin(token: string, out: Set<string>): void {
  if (!JOINERS.test(token)) {
    out.add(termOf(token));
    return;
  }
  const parts = token.split(HYPHENS);
  const words = parts.flatMap(wordsOf);
  for (const word of words) out.add(termOf(word));
  if (parts.length > 1 && words.length > 1 && words.some((w) => LETTER.test(w))) {
    out.add(termOf(words.join('')));
  }
}

/** Adds the query terms of a Latin token to `out`: each word's stem, stop words left out when `dropStopWords`. */
export function queryLatin(token: string, dropStopWords: boolean, out: Set<string>): void {
  const words = JOINERS.test(token) ? token.split(HYPHENS).flatMap(wordsOf) : [token];
  for (const word of words) {
    const folded = clipTerm(foldLatin(word));
    if (dropStopWords && LATIN_STOP_WORDS.has(folded)) continue;
    out.add(latinStem(folded));
  }
}
