import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTitle, queryTerms, termsOf, textMatches } from './search-terms.ts';
import { MAX_TERM_LENGTH } from './text/term-length.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 300);

// Any code point, lone surrogates included.
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
const anyText = fc.array(anyCodePoint, { maxLength: 40 }).map((units) => units.join(''));

// Words of each script, built from the letters and marks its rules act on, so the rules are exercised.
const alphabet = (letters: string) => [...letters];
const ARABIC = alphabet('ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةٱ\u064b\u064e\u064f\u0650\u0651\u0652\u0654\u0670\u0640یک٠١٢');
const LATIN = alphabet('aeiouysxltrnbcdgqéèàçñüœæßøłıAEIOUYSXÉÑ\u0301\u0308\'’-');
const CYRILLIC = alphabet('абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЁЙ\u0301-');
const HAN = alphabet('国家网络安全战略法的和与及计算机应急响应小组中华人民共和𠀋');
const SEPARATORS = alphabet(' ,.;:!?«»()/、。，\u00a0\u3000\n');
const wordOf = (letters: string[]) => fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((l) => l.join(''));
const scriptText = fc
  .array(fc.oneof(wordOf(ARABIC), wordOf(LATIN), wordOf(CYRILLIC), wordOf(HAN), fc.constantFrom(...SEPARATORS)), { maxLength: 12 })
  .map((parts) => parts.join(''));
const texts = fc.oneof(anyText, scriptText, fc.string({ unit: 'grapheme', maxLength: 30 }));

describe('search terms, on generated texts', () => {
  it('never throws, and gives distinct non-empty terms without white space, of bounded length', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const terms of [termsOf(text), queryTerms(text)]) {
          expect(new Set(terms).size).toBe(terms.length);
          for (const term of terms) {
            expect(term).not.toBe('');
            expect(term).not.toMatch(/\s/u);
            expect(term.length).toBeLessThanOrEqual(MAX_TERM_LENGTH);
          }
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('finds each term again among the terms of the term itself', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const term of termsOf(text)) expect(termsOf(term)).toContain(term);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('gives a query only terms of the same text: a text always finds itself', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const held = new Set(termsOf(text));
        for (const term of queryTerms(text)) expect(held).toContain(term);
        if (queryTerms(text).length > 0) expect(textMatches(text, text)).toBe(true);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('is the same for NFC and NFD input', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const nfc = text.normalize('NFC');
        const nfd = text.normalize('NFD');
        expect(termsOf(nfd)).toEqual(termsOf(nfc));
        expect(queryTerms(nfd)).toEqual(queryTerms(nfc));
        expect(normaliseTitle(nfd)).toBe(normaliseTitle(nfc));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('finds a text by any of its words, and by all of them in any order', () => {
    fc.assert(
      fc.property(fc.array(scriptText, { minLength: 1, maxLength: 4 }), fc.nat(), (parts, pick) => {
        const text = parts.join(' ');
        const part = parts[pick % parts.length]!;
        if (queryTerms(part).length > 0) expect(textMatches(part, text)).toBe(true);
        expect(normaliseTitle([...parts].reverse().join(' '))).toBe(normaliseTitle(text));
      }),
      { numRuns: RUNS },
    );
  });
});
