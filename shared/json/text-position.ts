/** Small helpers for reporting positions in text that arrived as UTF-8. */

/** How many bytes the first `end` UTF-16 units of `text` take in UTF-8 (no allocation, unlike an encoder). */
export function utf8Length(text: string, end: number): number {
  let bytes = end;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // 2 bytes up to U+07FF, 3 beyond; each half of a surrogate pair is counted 2, making the pair's 4.
    if (c >= 0x80) bytes += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** The character at `i`, quoted for a message: `"x"`, `"\n"`, `"😀"`. */
export function describeCharacter(text: string, i: number): string {
  const code = text.codePointAt(i);
  return code === undefined ? 'end of input' : JSON.stringify(String.fromCodePoint(code));
}
