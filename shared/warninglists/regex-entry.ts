/**
 * A `regex` list's entry, written as PCRE with delimiters and flags (`/^(abuse|noc)\@.*$/i`), compiled to a
 * JavaScript RegExp when that is safe. Refused, with the reason: no delimiters, a flag JavaScript has no
 * equivalent of (`x`, `U`, `D`…), longer than `REGEX_MAX` characters, a nested quantifier that can backtrack
 * exponentially (`(a+)+`, `(.*)*`, `(a|b*){2,}`), or a syntax JavaScript refuses (possessive quantifiers,
 * `\A`, `\z`…). `g` is dropped: a test is stateless. Values longer than `REGEX_VALUE_MAX` are not tested.
 */

export const REGEX_MAX = 1_000;
export const REGEX_VALUE_MAX = 4_096;

export type RegexResult = { ok: true; regex: RegExp } | { ok: false; reason: string };

/** A group holding a quantifier, itself quantified: the shape of catastrophic backtracking. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;

export function compileRegexEntry(entry: string): RegexResult {
  if (entry.length > REGEX_MAX) return { ok: false, reason: `longer than ${REGEX_MAX} characters` };
  const delimiter = entry[0];
  if (delimiter === undefined || /[A-Za-z0-9\\\s]/.test(delimiter)) return { ok: false, reason: 'not written between delimiters, as /…/flags' };
  const closing = delimiter === '(' ? ')' : delimiter === '{' ? '}' : delimiter === '[' ? ']' : delimiter === '<' ? '>' : delimiter;
  const end = entry.lastIndexOf(closing);
  if (end <= 0) return { ok: false, reason: `no closing delimiter ${closing}` };
  const body = entry.slice(1, end);
  const flags = entry.slice(end + 1);
  let jsFlags = '';
  for (const flag of flags) {
    if (flag === 'g') continue;
    if ('imsu'.includes(flag)) {
      if (!jsFlags.includes(flag)) jsFlags += flag;
    } else {
      return { ok: false, reason: `the flag "${flag}" has no JavaScript equivalent` };
    }
  }
  if (NESTED_QUANTIFIER.test(body)) return { ok: false, reason: 'a quantified group holding a quantifier can take exponential time' };
  try {
    return { ok: true, regex: new RegExp(body, jsFlags) };
  } catch (error) {
    return { ok: false, reason: `not a regular expression JavaScript reads: ${(error as Error).message}` };
  }
}
