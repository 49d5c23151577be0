/**
 * The Gateway's search terms: a record's text and a query are both turned into terms here, in JavaScript, and a
 * record matches a query when every term of the query is among the record's terms — exact equality, which
 * SQLite and PostgreSQL do alike over a table of (record, term) rows. All knowledge of languages lives here.
 *
 * A text's language is not known (titles and summaries mix them), so the text is cut into runs of one script
 * and each run follows its script's rules (`text/*.ts`): Arabic, Han, Cyrillic, Latin (letters and digits;
 * a number is a term), and any other script as lower-cased words. Everything else (spaces, punctuation,
 * symbols) separates terms. The text is NFKC-normalised first (so NFC, NFD, full-width letters, ligatures and
 * Arabic presentation forms give the same terms), and Arabic-Indic digits are read as ASCII digits.
 *
 * Queries differ from texts in three ways, each so that a query term is always a term of the text that holds
 * the same words (a text always finds itself):
 * - stop words (a short list per script) are left out of a query, unless it has nothing else, in which case
 *   it keeps them; texts keep them all, so a query such as «de la» or «的» still finds what holds them;
 * - a text may give a word more than one term (an Arabic word with and without a one-letter prefix, the
 *   pieces of a hyphenated word joined), a query one per word;
 * - a Han run is queried by its bigrams, split at stop words; a text indexes them with the stop words both in
 *   and out.
 *
 * @example termsOf('Stratégie nationale de cybersécurité') → ['strategi', 'national', 'de', 'cybersecurit']
 * @example queryTerms('les stratégies') → ['strategi']
 */

import { indexArabic, queryArabic } from './text/arabic.ts';
import { indexHanRuns, queryHan } from './text/chinese.ts';
import { indexCyrillic, queryCyrillic } from './text/cyrillic.ts';
import { indexLatin, queryLatin } from './text/latin.ts';
import { RunTerms } from './text/run-terms.ts';
import { eachScriptRun, type RunKind } from './text/script-runs.ts';
import { clipTerm } from './text/term-length.ts';

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const digitOf = (c: string) => {
  const code = c.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
};

/** The runs of a text once NFKC-normalised, with Arabic-Indic digits as ASCII digits. */
function eachRun(text: string, visit: (kind: RunKind, run: string) => void): void {
  eachScriptRun(text.normalize('NFKC').replace(ARABIC_INDIC_DIGITS, digitOf), visit);
}

const otherTerm = (run: string) => clipTerm(run.toLowerCase().normalize('NFKC'));

// Each distinct run's terms worked out once (`text/run-terms.ts`): texts repeat their words.
const latinIndex = new RunTerms(indexLatin);
const arabicIndex = new RunTerms(indexArabic);
const cyrillicIndex = new RunTerms(indexCyrillic);
const queries = (rule: (run: string, dropStopWords: boolean, out: Set<string>) => void) => ({
  true: new RunTerms((run, out) => rule(run, true, out)),
  false: new RunTerms((run, out) => rule(run, false, out)),
});
const latinQuery = queries(queryLatin);
const arabicQuery = queries(queryArabic);
const cyrillicQuery = queries(queryCyrillic);

/**
 * The distinct index terms of a text in any language or mix of languages (Han ones last).
 * Never throws; every term is a non-empty string without white space, at most `MAX_TERM_LENGTH` long.
 * @example termsOf('国家网络安全战略') → ['国家', '家网', '网络', '络安', '安全', '全战', '战略']
 */
export function termsOf(text: string): string[] {
  const out = new Set<string>();
  const hanRuns: string[] = [];
  eachRun(text, (kind, run) => {
    if (kind === 'latin') latinIndex.addTo(run, out);
    else if (kind === 'arabic') arabicIndex.addTo(run, out);
    else if (kind === 'han') hanRuns.push(run);
    else if (kind === 'cyrillic') cyrillicIndex.addTo(run, out);
    else out.add(otherTerm(run));
  });
  // Segmented together: a call of the segmenter costs more than the characters it reads.
  if (hanRuns.length > 0) indexHanRuns(hanRuns, out);
  return [...out];
}

function collectQueryTerms(query: string, dropStopWords: boolean): Set<string> {
  const out = new Set<string>();
  eachRun(query, (kind, run) => {
    if (kind === 'arabic') arabicQuery[`${dropStopWords}`].addTo(run, out);
    else if (kind === 'han') queryHan(run, dropStopWords, out);
    else if (kind === 'cyrillic') cyrillicQuery[`${dropStopWords}`].addTo(run, out);
    else if (kind === 'latin') latinQuery[`${dropStopWords}`].addTo(run, out);
    else out.add(otherTerm(run));
  });
  return out;
}

/**
 * The distinct terms a record must all hold to match `query`: stop words left out unless the query is made of
 * nothing else. Empty when the query has no letter or digit; the caller decides what an empty search means.
 * @example queryTerms('estrategias nacionales') → ['estrategi', 'nacional']
 * @example queryTerms('网络安全') → ['网络', '络安', '安全']
 */
export function queryTerms(query: string): string[] {
  const terms = collectQueryTerms(query, true);
  return [...(terms.size > 0 ? terms : collectQueryTerms(query, false))];
}

/**
 * Whether a record whose text is `text` matches `query`: every query term is a term of the text, and there
 * is at least one. The reference for what the terms table answers.
 */
export function textMatches(query: string, text: string): boolean {
  const wanted = queryTerms(query);
  if (wanted.length === 0) return false;
  const held = new Set(termsOf(text));
  return wanted.every((term) => held.has(term));
}

/**
 * The normalised form of a whole title, for finding duplicates: its query terms (stop words out, one stem per
 * word, Han bigrams), distinct and sorted, joined by a space. Titles that differ in case, accents, diacritics,
 * articles, plural, word order or punctuation get the same form.
 * @example normaliseTitle('Stratégie nationale de cybersécurité') === 'cybersecurit national strategi'
 * @example normaliseTitle('STRATEGIES NATIONALES DE LA CYBERSECURITE') === 'cybersecurit national strategi'
 */
export function normaliseTitle(title: string): string {
  return [...new Set(queryTerms(title))].sort().join(' ');
}

/**
 * How alike two titles are, from 0 (no term in common) to 1 (the same normalised title): the Jaccard index of
 * their query terms.
 */
export function titleSimilarity(a: string, b: string): number {
  const left = new Set(queryTerms(a));
  const right = new Set(queryTerms(b));
  if (left.size === 0 && right.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const term of left) if (right.has(term)) shared++;
  return shared / (left.size + right.size - shared);
}
