/**
 * The longest index term, in UTF-16 code units. A longer run of letters (a hash, base64, a pasted URL without
 * separators) is cut to this before it is stemmed, the same way in a text and in a query, so the terms table
 * stays small and an index on it stays usable.
 */
export const MAX_TERM_LENGTH = 64;

/** `word` cut to `MAX_TERM_LENGTH`, never between the two halves of a surrogate pair. */
export function clipTerm(word: string): string {
  if (word.length <= MAX_TERM_LENGTH) return word;
  const cut = MAX_TERM_LENGTH - (isHighSurrogate(word.charCodeAt(MAX_TERM_LENGTH - 1)) ? 1 : 0);
  return word.slice(0, cut);
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
