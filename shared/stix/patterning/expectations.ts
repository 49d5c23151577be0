/**
 * What a pattern's error says was expected, as items the problem catalogs can translate: a token of the
 * grammar (`']'`, `'('`, `AND`, `\'`) stands for itself in every language; anything said in words is a code
 * (`comparison-operator`), with an argument after a colon where the words name one (`string-after:LIKE`).
 * `expectationText` gives the English words the parser's own messages use.
 */

/** Code → English words; `{{arg}}` is the code's argument. */
export const EXPECTATIONS = {
  'observation-operator': 'an observation operator',
  qualifier: 'a qualifier',
  end: 'end of pattern',
  seconds: 'a number of seconds',
  times: 'a whole number of times',
  timestamp: "a timestamp t'…'",
  'timestamp-form': "a timestamp 'YYYY-MM-DDTHH:MM:SS[.s]Z'",
  'object-path': 'an object path',
  'comparison-operator': 'a comparison operator',
  'operator-after-not': 'a comparison operator after NOT',
  'list-start': "'(' starting a list of constants",
  'string-after': 'a string after {{arg}}',
  'orderable-after': 'an orderable constant after {{arg}} (string, number, binary, hex or timestamp)',
  constant: 'a constant',
  'object-type': 'an object type',
  'colon-after-type': "':' after the object type",
  'property-name': 'a property name (letters, digits and _, or quoted)',
  'list-index': 'a list index',
  'closing-quote': 'a closing quote',
  'hex-digits': 'an even number of hex digits',
  base64: 'base64 (RFC 4648)',
  number: 'a number',
  token: 'a STIX pattern token',
  nesting: 'at most {{arg}} nested brackets',
  'real-timestamp': 'a real date and time',
  'ip-or-cidr': 'an IP address or CIDR block',
  'one-type': 'comparisons on {{arg}} only',
  'type-name': 'an object type name (3 to 250 characters of a-z, 0-9 and -, starting with a letter)',
  'positive-seconds': 'a positive number of seconds',
  'positive-times': 'a positive whole number of times',
  'stop-after-start': 'a STOP later than START',
} as const;

export type ExpectationCode = keyof typeof EXPECTATIONS;

/** What an error says it found at the end of the text (source text is always quoted). */
export const END_OF_PATTERN = EXPECTATIONS.end;

const CODED = /^([a-z][a-z0-9-]*)(?::(.+))?$/;

/** An item for `code`, with its argument. */
export function expecting(code: ExpectationCode, arg?: string | number): string {
  return arg === undefined ? code : `${code}:${arg}`;
}

/** An item read back: its code and argument, or undefined for a token of the grammar. */
export function expectationOf(item: string): { code: ExpectationCode; arg: string | undefined } | undefined {
  const match = CODED.exec(item);
  if (!match || !Object.hasOwn(EXPECTATIONS, match[1]!)) return undefined;
  return { code: match[1] as ExpectationCode, arg: match[2] };
}

/** The English words of an item (a token as it is). */
export function expectationText(item: string): string {
  const coded = expectationOf(item);
  return coded === undefined ? item : EXPECTATIONS[coded.code].replace('{{arg}}', coded.arg ?? '');
}
