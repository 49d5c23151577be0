import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachScriptRun, withoutMarks, type RunKind } from './script-runs.ts';

const runsOf = (text: string) => {
  const runs: [RunKind, string][] = [];
  eachScriptRun(text, (kind, run) => runs.push([kind, run]));
  return runs;
};

// The module comment's rules written as one regular expression (slower, which is why the scanner exists).
const ARABIC = String.raw`[\p{scx=Arab}&&[\p{L}\p{M}]]`;
const HAN = String.raw`[[\p{scx=Han}&&\p{L}]--\p{scx=Arab}]`;
const CYRILLIC = String.raw`[[\p{scx=Cyrl}&&\p{L}]--[\p{scx=Arab}\p{scx=Han}\u02bc]]`;
const LATIN = String.raw`[[\p{scx=Latn}&&\p{L}]--[\p{scx=Arab}\p{scx=Han}\p{scx=Cyrl}\u02bc]]`;
const MARK = String.raw`[\p{M}--\p{scx=Arab}]`;
const MODIFIER = String.raw`[\p{Lm}--[\p{scx=Arab}\p{scx=Han}\p{scx=Cyrl}\p{scx=Latn}]]`;
const OTHER = String.raw`[\p{L}--[\p{Lm}\p{scx=Arab}\p{scx=Han}\p{scx=Cyrl}\p{scx=Latn}]]`;
const CYRILLIC_WORD = String.raw`${CYRILLIC}[${CYRILLIC}${MARK}]*`;
const LATIN_WORD = String.raw`[${LATIN}\p{Nd}][${LATIN}\p{Nd}${MARK}]*`;
const REFERENCE = new RegExp(
  String.raw`(${ARABIC}+)|(${HAN}+)|(${CYRILLIC_WORD}(?:[\-\u2010\u2011]${CYRILLIC_WORD})*)|(${LATIN_WORD}(?:[\-\u2010\u2011'\u2019\u02bc]${LATIN_WORD})*)|(${OTHER}[${OTHER}${MARK}${MODIFIER}]*)`,
  'gv',
);
const KINDS: RunKind[] = ['arabic', 'han', 'cyrillic', 'latin', 'other'];
const referenceRunsOf = (text: string) =>
  Array.from(text.matchAll(REFERENCE), (match): [RunKind, string] => [KINDS[match.slice(1).findIndex((g) => g !== undefined)]!, match[0]]);

describe('script runs', () => {
  it('cuts a text into runs of one script, joining words by hyphens and (Latin) apostrophes', () => {
    expect(runsOf("L'État-nation, COVID-19 ; кибер-безопасность — الأَمْن 网络安全𠀋法 サイバー 5G")).toEqual([
      ['latin', "L'État-nation"],
      ['latin', 'COVID-19'],
      ['cyrillic', 'кибер-безопасность'],
      ['arabic', 'الأَمْن'],
      ['han', '网络安全𠀋法'],
      ['other', 'サイバー'],
      ['latin', '5G'],
    ]);
    expect(runsOf("end- -start x' ʼy")).toEqual([['latin', 'end'], ['latin', 'start'], ['latin', 'x'], ['latin', 'y']]);
    expect(runsOf('\ud800a\udc00')).toEqual([['latin', 'a']]);
  });

  it('does what the reference regular expression does, on any text', () => {
    const ranges = [[0, 0x2ff], [0x300, 0x36f], [0x400, 0x4ff], [0x600, 0x6ff], [0x2010, 0x2019], [0x3000, 0x30ff], [0x4e00, 0x4e80], [0xd7f0, 0xe010], [0x10000, 0x10ffff], [0x20000, 0x20100]];
    const codePoint = fc.oneof(...ranges.map(([min, max]) => fc.integer({ min: min!, max: max! }))).map((cp) => String.fromCodePoint(cp));
    const text = fc.array(fc.oneof(codePoint, fc.constantFrom('-', "'", '’', 'ʼ', ' ')), { maxLength: 30 }).map((c) => c.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(runsOf(t)).toEqual(referenceRunsOf(t));
    }), { numRuns: 2000 });
  });

  it('removes combining marks but keeps Arabic ones, which belong to their runs', () => {
    expect(withoutMarks('e\u0301te\u0301')).toBe('ete');
    expect(withoutMarks('plain')).toBe('plain');
    expect(withoutMarks('\u0627\u064e')).toBe('\u0627\u064e');
  });
});
