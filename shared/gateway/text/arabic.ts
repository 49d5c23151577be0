/**
 * Terms of a word in Arabic script.
 *
 * Spelling (`foldArabic`): tashkeel (U+064B–U+065F), the superscript alef (U+0670), Quranic marks and tatweel
 * are removed; أ إ آ ٱ (and the wavy-hamza alefs) are ا; ى is ي; ة is ه; ؤ and ئ are ء, because the hamza's
 * seat is spelled differently from one country to the next (مسؤول / مسئول, شؤون / شئون) while ؤ → و and
 * ئ → ي would keep them apart; Persian ی and ک are ي and ك. Arabic-Indic digits are read before, as numbers.
 *
 * Prefixes (`stripArticle`): the article and what attaches before it — ال، وال، فال، بال، كال، لل، ولل، فلل،
 * وبال، فبال، وكال، فكال — are removed from queries and texts alike, as long as two letters remain, and
 * again while one is still there (so إلكتروني and الإلكتروني, التزام and الالتزام, whose first letters
 * look like the article once hamza is gone, meet). The one-letter prefixes و، ف، ب، ك، ل (and و or ف before
 * ب، ك، ل) are ambiguous: they begin وزارة، فريق، بيانات، كتاب، لجنة too. A query keeps its words as written;
 * a text indexes each word both as it is and without such a prefix (when three letters remain). So
 * «وزارة» finds «بوزارة» and «والوزارة», and no word is cut short.
 *
 * Suffixes (`arabicStem`): ات، ون، ين، ان، ها، هم، ه (and so ة)، ي are removed, again until none is left, never
 * below three letters: الوطنية، الوطني، وطنية → وطن; الاستراتيجيات، استراتيجية → استراتيج; السيبراني،
 * السيبرانية → سيبر. A text also indexes a word ending in تها / تهم with ة put back (the feminine ending
 * becomes ت before a pronoun): «استراتيجيتها» is found by «الاستراتيجية». Broken plurals (مراكز / مركز,
 * قوانين / قانون) are beyond light stemming and do not meet.
 */

import { clipTerm } from './term-length.ts';

/** The commonest prepositions, conjunctions and relatives, as `foldArabic` spells them (على → علي, إلى → الي;
 * so علي the name is one too). Queries drop them; texts keep them. */
export const ARABIC_STOP_WORDS: ReadonlySet<string> = new Set([
  'في', 'من', 'الي', 'علي', 'عن', 'او', 'ان', 'مع', 'و', 'التي', 'الذي', 'هذا', 'هذه', 'ذلك',
]);

// What each character becomes: '' for marks and tatweel (U+0640, U+064B–U+065F, U+0670, U+0674, U+06D6–U+06ED).
const FOLDED = new Map<number, string>([
  ...[0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675].map((code): [number, string] => [code, 'ا']),
  [0x0649, 'ي'], [0x06cc, 'ي'], [0x0629, 'ه'], [0x06c0, 'ه'], [0x0624, 'ء'], [0x0626, 'ء'], [0x06a9, 'ك'],
  ...[0x0640, 0x0670, 0x0674].map((code): [number, string] => [code, '']),
  ...Array.from({ length: 0x065f - 0x064b + 1 }, (_, i): [number, string] => [0x064b + i, '']),
  ...Array.from({ length: 0x06ed - 0x06d6 + 1 }, (_, i): [number, string] => [0x06d6 + i, '']),
]);

// Longest first.
const ARTICLES = ['وبال', 'فبال', 'وكال', 'فكال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال'];
const ONE_LETTER = new Set(['و', 'ف', 'ب', 'ك', 'ل']);
const BEFORE_ONE_LETTER = new Set(['و', 'ف']);
const SUFFIXES = ['ات', 'ون', 'ين', 'ان', 'ها', 'هم', 'ه', 'ي'];
const MIN_AFTER_ARTICLE = 2;
const MIN_AFTER_PREFIX = 3;
const MIN_STEM = 3;

/** An Arabic word spelled one way (see the module comment). */
export function foldArabic(word: string): string {
  let folded = '';
  let from = 0;
  for (let i = 0; i < word.length; i++) {
    const replacement = FOLDED.get(word.charCodeAt(i));
    if (replacement === undefined) continue;
    folded += word.slice(from, i) + replacement;
    from = i + 1;
  }
  return from === 0 ? word : folded + word.slice(from);
}

/** A folded word without the article and what attaches before it; a fixed point. */
export function stripArticle(word: string): string {
  let current = word;
  for (;;) {
    const article = ARTICLES.find((a) => current.startsWith(a) && current.length - a.length >= MIN_AFTER_ARTICLE);
    if (article === undefined) return current;
    current = current.slice(article.length);
  }
}

/** A folded word without its suffixes (see the module comment); a fixed point. */
export function arabicStem(word: string): string {
  let current = word;
  for (;;) {
    const suffix = SUFFIXES.find((s) => current.endsWith(s) && current.length - s.length >= MIN_STEM);
    if (suffix === undefined) return current;
    current = current.slice(0, -suffix.length);
  }
}

const stemOf = (word: string) => arabicStem(stripArticle(word));

/** Adds the query term of an Arabic token to `out`, unless it is a stop word and `dropStopWords`. */
export function queryArabic(token: string, dropStopWords: boolean, out: Set<string>): void {
  const folded = clipTerm(foldArabic(token));
  if (folded === '' || (dropStopWords && ARABIC_STOP_WORDS.has(folded))) return;
  out.add(stemOf(folded));
}

/** Adds the index terms of an Arabic token to `out`: its query term, the word without a one-letter prefix,
 * and the feminine ending put back before a pronoun (see the module comment). */
export function indexArabic(token: string, out: Set<string>): void {
  const folded = clipTerm(foldArabic(token));
  if (folded === '') return;
  const bare = stripArticle(folded);
  addStems(bare, out);
  if (bare !== folded) return;
  const [first = '', second = ''] = folded;
  if (folded.length - 1 >= MIN_AFTER_PREFIX && ONE_LETTER.has(first)) addStems(stripArticle(folded.slice(1)), out);
  if (folded.length - 2 >= MIN_AFTER_PREFIX && BEFORE_ONE_LETTER.has(first) && ONE_LETTER.has(second)) {
    addStems(stripArticle(folded.slice(2)), out);
  }
}

function addStems(bare: string, out: Set<string>): void {
  out.add(arabicStem(bare));
  if (bare.length >= 3 + MIN_STEM && (bare.endsWith('تها') || bare.endsWith('تهم'))) {
    out.add(arabicStem(`${bare.slice(0, -3)}ه`));
  }
}
