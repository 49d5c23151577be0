/**
 * Terms of a run of Han characters (Chinese; Japanese kanji run the same way).
 *
 * A word segmenter cuts a short query and a long text differently (计算机 is one word in one sentence, 计算 | 机
 * in another), so matching rests on character bigrams, which do not depend on it: «网络安全» is 网络 络安 安全,
 * all of them bigrams of «国家网络安全战略». The segmenter (`Intl.Segmenter`, ICU's dictionary; one for the
 * process) is used for two things only:
 *
 * - A single character is a term where the segmenter sees it as a word of its own: «法» finds «网络安全法»
 *   (网络 | 安全 | 法) but not «方法». A query of one character is that character.
 * - The particles 的 和 与 及, when they stand as words, are stop words: a text also indexes the bigrams of
 *   the run with them taken out (国家的网络安全 also gives 家网), so «国家网络安全» finds «国家的网络安全»; a
 *   query splits at them (网络和信息安全 → 网络 | 信息安全), which finds the text however it was segmented.
 *
 * Words of three characters or more are not indexed: no query produces them, and their bigrams are.
 * Simplified and traditional characters (网络 / 網絡) are not mapped to each other.
 */

import { RunTerms } from './run-terms.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Particles that are stop words where the segmenter makes them a word of their own. */
export const HAN_STOP_WORDS: ReadonlySet<string> = new Set(['的', '和', '与', '及']);
const MAY_HOLD_STOP_WORD = /[的和与及]/;

function addBigrams(chars: readonly string[], out: Set<string>): void {
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
}

const isOneCharacter = (word: string) => word.length === 1 || (word.length === 2 && word.codePointAt(0)! > 0xffff);

/** The segmenter's words of each run, the runs read in one call (joined by line feeds, where a word always ends). */
function wordsOfRuns(runs: readonly string[]): string[][] {
  const joined = runs.join('\n');
  const segments = segmenter.segment(joined);
  const words: string[][] = [[]];
  for (let at = 0; at < joined.length; ) {
    const { segment, index } = segments.containing(at)!;
    if (segment === '\n') words.push([]);
    else words[words.length - 1]!.push(segment);
    at = index + segment.length;
  }
  return words;
}

/** The index terms of a run of two characters or more, from its segmenter's words. */
function termsOfLongRun(run: string, words: readonly string[]): string[] {
  const out = new Set<string>();
  addBigrams(Array.from(run), out);
  let bridged = '';
  for (const word of words) {
    if (isOneCharacter(word)) out.add(word);
    if (!HAN_STOP_WORDS.has(word)) bridged += word;
  }
  if (bridged.length !== run.length && bridged !== '') addBigrams(Array.from(bridged), out);
  return [...out];
}

// A run's terms depend on the run alone (runs are segmented apart, however many in one call).
const longRuns = new RunTerms((run, out) => {
  for (const term of termsOfLongRun(run, wordsOfRuns([run])[0]!)) out.add(term);
});

/** Adds the index terms of Han runs to `out`: their bigrams (also with stop words taken out) and their
 * one-character words. The runs not met before are segmented in one call. */
export function indexHanRuns(runs: readonly string[], out: Set<string>): void {
  const long = runs.filter((run) => !isOneCharacter(run));
  for (const run of runs) if (isOneCharacter(run)) out.add(run);
  const unknown = [...new Set(long.filter((run) => !longRuns.has(run)))];
  if (unknown.length > 0) {
    const words = wordsOfRuns(unknown);
    unknown.forEach((run, index) => longRuns.remember(run, termsOfLongRun(run, words[index]!)));
  }
  for (const run of long) longRuns.addTo(run, out);
}

/** Adds the query terms of a Han run to `out`: the bigrams of each piece between stop words (the whole run
 * when not `dropStopWords`), a piece of one character as itself. */
export function queryHan(run: string, dropStopWords: boolean, out: Set<string>): void {
  if (!dropStopWords || !MAY_HOLD_STOP_WORD.test(run)) {
    addBigrams(Array.from(run), out);
    return;
  }
  let piece = '';
  for (const word of wordsOfRuns([run])[0]!) {
    if (!HAN_STOP_WORDS.has(word)) {
      piece += word;
      continue;
    }
    if (piece !== '') addBigrams(Array.from(piece), out);
    piece = '';
  }
  if (piece !== '') addBigrams(Array.from(piece), out);
}
