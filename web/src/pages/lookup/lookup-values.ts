/** What the Lookup page sends, from the text pasted into it. */

/** The values pasted: one a line (a URL may hold commas and spaces), blank lines dropped. */
export function valuesOf(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
