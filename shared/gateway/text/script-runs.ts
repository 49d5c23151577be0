/**
 * Cuts a text into runs of one script: the words the search terms are made from. A hand-written scanner over a
 * table of character classes, since a Unicode-property regular expression costs several times more per
 * character and the Gateway indexes every record's text with it.
 *
 * - Arabic: letters and marks of Arabic script (tashkeel, tatweel included).
 * - Han: Han characters (and 々).
 * - Cyrillic: letters (then marks) of Cyrillic script, words joined by hyphens.
 * - Latin: letters and digits (then marks) of Latin script, words joined by hyphens and apostrophes; a number
 *   is a Latin run.
 * - Other: letters of any other script (then marks and modifier letters, such as the Japanese ー).
 *
 * Everything else separates runs: spaces, punctuation, symbols, marks and modifier letters that follow no
 * letter, lone surrogates. U+02BC (modifier letter apostrophe) is written as an apostrophe, so it counts as one.
 */

export type RunKind = 'arabic' | 'han' | 'cyrillic' | 'latin' | 'other';

// Character classes. The regular expression has one group per class after SEPARATOR, in this order; the
// first that matches wins.
type Class = number;
const SEPARATOR = 0;
const DIGIT = 1;
const ARABIC = 2;
const HAN = 3;
const HYPHEN = 4;
const APOSTROPHE = 5;
const CYRILLIC = 6;
const LATIN = 7;
const MARK = 8;
const MODIFIER = 9;
const OTHER = 10;

const CLASS_OF = new RegExp(
  String.raw`^(?:(\p{Nd})|([\p{scx=Arab}&&[\p{L}\p{M}]])|([\p{scx=Han}&&\p{L}])|([\-\u2010\u2011])|(['\u2019\u02bc])|([\p{scx=Cyrl}&&\p{L}])|([\p{scx=Latn}&&\p{L}])|(\p{M})|(\p{Lm})|(\p{L}))$`,
  'v',
);

function classify(character: string): Class {
  const match = CLASS_OF.exec(character);
  if (match === null) return SEPARATOR;
  let group = 1;
  while (match[group] === undefined) group++;
  return group;
}

// The Basic Multilingual Plane's classes, filled a block of 256 at a time when a text first uses the block;
// the other planes' in a map.
const bmp = new Uint8Array(0x10000);
const blockReady = new Uint8Array(0x100);
const astral = new Map<number, Class>();

function fillBlock(block: number): void {
  for (let code = block << 8; code < (block + 1) << 8; code++) {
    bmp[code] = code >= 0xd800 && code <= 0xdfff ? SEPARATOR : classify(String.fromCharCode(code));
  }
  blockReady[block] = 1;
}

function classAt(text: string, index: number): Class {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) {
    if (blockReady[code >> 8] === 0) fillBlock(code >> 8);
    return bmp[code]!;
  }
  const point = text.codePointAt(index)!;
  if (point <= 0xffff) return SEPARATOR;
  let found = astral.get(point);
  if (found === undefined) astral.set(point, (found = classify(String.fromCodePoint(point))));
  return found;
}

/** 2 where a surrogate pair begins at `index`, else 1. */
function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** Calls `visit` with each run of `text`, in order. */
export function eachScriptRun(text: string, visit: (kind: RunKind, run: string) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const start = i;
    const first = classAt(text, i);
    i += widthAt(text, i);
    switch (first) {
      case ARABIC:
        while (i < length && classAt(text, i) === ARABIC) i += widthAt(text, i);
        visit('arabic', text.slice(start, i));
        break;
      case HAN:
        while (i < length && classAt(text, i) === HAN) i += widthAt(text, i);
        visit('han', text.slice(start, i));
        break;
      case CYRILLIC:
        i = wordEnd(text, i, CYRILLIC_START, CYRILLIC_PART, CYRILLIC_JOINER);
        visit('cyrillic', text.slice(start, i));
        break;
      case LATIN:
      case DIGIT:
        i = wordEnd(text, i, LATIN_START, LATIN_PART, LATIN_JOINER);
        visit('latin', text.slice(start, i));
        break;
      case OTHER:
        while (i < length && (OTHER_PART & bit(classAt(text, i))) !== 0) i += widthAt(text, i);
        visit('other', text.slice(start, i));
        break;
      default:
    }
  }
}

// Sets of classes as bit masks.
const bit = (c: Class) => 1 << c;
const CYRILLIC_START = bit(CYRILLIC);
const CYRILLIC_PART = bit(CYRILLIC) | bit(MARK);
const CYRILLIC_JOINER = bit(HYPHEN);
const LATIN_START = bit(LATIN) | bit(DIGIT);
const LATIN_PART = bit(LATIN) | bit(DIGIT) | bit(MARK);
const LATIN_JOINER = bit(HYPHEN) | bit(APOSTROPHE);
const OTHER_PART = bit(OTHER) | bit(MARK) | bit(MODIFIER);

/** The end of a word begun before `from`: its parts, then a joiner followed by a new start, and so on. */
function wordEnd(text: string, from: number, start: number, part: number, joiner: number): number {
  const length = text.length;
  let i = from;
  for (;;) {
    while (i < length && (part & bit(classAt(text, i))) !== 0) i += widthAt(text, i);
    if (i + 1 < length && (joiner & bit(classAt(text, i))) !== 0 && (start & bit(classAt(text, i + 1))) !== 0) {
      i += 1 + widthAt(text, i + 1);
    } else {
      return i;
    }
  }
}

/** `word` without its combining marks (the class the scanner gives them: not Arabic ones, which are letters
 * of their runs). Faster than a `\p{M}` regular expression, and the same. */
export function withoutMarks(word: string): string {
  let kept = '';
  let from = 0;
  for (let i = 0; i < word.length; i += widthAt(word, i)) {
    if (classAt(word, i) !== MARK) continue;
    kept += word.slice(from, i);
    from = i + widthAt(word, i);
  }
  return from === 0 ? word : kept + word.slice(from);
}
