/**
 * The tokens of STIX patterning (§9.2–9.4): punctuation, the upper-case keywords, identifiers (with or without
 * hyphens: the parser decides where each is allowed), numbers and the five kinds of quoted constants.
 * Keywords and `true`/`false` are case-sensitive, as in the specification's grammar; white space and comments
 * (`/* … *\/`, `// …`) are skipped, as the grammar does.
 */
import { isBase64 } from '../formats.ts';
import { patternError, PatternSyntaxError } from './ast.ts';
import { END_OF_PATTERN, expecting, type ExpectationCode } from './expectations.ts';

export const KEYWORDS = new Set([
  'AND', 'OR', 'NOT', 'FOLLOWEDBY', 'LIKE', 'MATCHES', 'ISSUPERSET', 'ISSUBSET', 'EXISTS', 'IN',
  'START', 'STOP', 'SECONDS', 'WITHIN', 'REPEATS', 'TIMES',
]);

export type TokenKind =
  | 'punct' | 'keyword' | 'identifier' | 'string' | 'integer' | 'float' | 'boolean' | 'binary' | 'hex' | 'timestamp' | 'end';

export interface Token {
  kind: TokenKind;
  /** Punctuation or keyword as written; for constants, the value (string unescaped, typed literal's content). */
  text: string;
  start: number;
  end: number;
}

const TWO_CHAR = new Set(['!=', '<>', '<=', '>=', '==']);
const ONE_CHAR = new Set(['[', ']', '(', ')', ',', ':', '.', '=', '<', '>', '*']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c) || c === 45;
// The grammar's white space: ASCII, no-break and the Unicode spaces and separators.
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;

/** The index after a comment starting at `i` (`/* … *\/` or `// …` to the end of the line), or `i` if none. */
function skipComment(source: string, i: number): number {
  if (source.startsWith('//', i)) {
    const end = source.indexOf('\n', i);
    return end < 0 ? source.length : end + 1;
  }
  if (source.startsWith('/*', i)) {
    const end = source.indexOf('*/', i + 2);
    if (end < 0) throw new PatternSyntaxError(patternError(source, i, ["'*/'"], END_OF_PATTERN, "unterminated comment: expected '*/'"));
    return end + 2;
  }
  return i;
}

/** The text between quotes from `quote` (the index of the opening quote), with `\'` and `\\` unescaped. */
function readQuoted(source: string, quote: number): { text: string; end: number } {
  let text = '';
  for (let i = quote + 1; i < source.length; i++) {
    const c = source[i]!;
    if (c === "'") return { text, end: i + 1 };
    if (c === '\\') {
      const next = source[i + 1];
      if (next !== "'" && next !== '\\') {
        throw new PatternSyntaxError(patternError(source, i, ["\\'", '\\\\'], next === undefined ? END_OF_PATTERN : `'\\${next}'`,
          `a string may only escape a quote or a backslash, found '\\${next ?? ''}'`));
      }
      text += next;
      i++;
    } else {
      text += c;
    }
  }
  throw new PatternSyntaxError(patternError(source, quote, [expecting('closing-quote')], END_OF_PATTERN, 'unterminated string: expected a closing quote'));
}

function typedLiteral(source: string, start: number, prefix: string): Token {
  const { text, end } = readQuoted(source, start + 1);
  const bad = (what: ExpectationCode) => new PatternSyntaxError(patternError(source, start, [what], `${prefix}'${text}'`));
  if (prefix === 'h') {
    if (!/^([0-9a-fA-F]{2})*$/.test(text)) throw bad('hex-digits');
    return { kind: 'hex', text, start, end };
  }
  if (prefix === 'b') {
    if (text !== '' && !isBase64(text)) throw bad('base64');
    return { kind: 'binary', text, start, end };
  }
  if (!TIMESTAMP.test(text)) throw bad('timestamp-form');
  return { kind: 'timestamp', text, start, end };
}

function number(source: string, start: number): Token {
  const match = /^[+-]?(\d*\.\d+|\d+)/.exec(source.slice(start, start + 400));
  if (!match) {
    throw new PatternSyntaxError(patternError(source, start, [expecting('number')], `'${source[start]}'`));
  }
  const text = match[0];
  const end = start + text.length;
  if (text.includes('.')) return { kind: 'float', text, start, end };
  if (/^[+-]?0\d/.test(text)) {
    throw new PatternSyntaxError(patternError(source, start, ['an integer without leading zeros'], `'${text}'`));
  }
  return { kind: 'integer', text, start, end };
}

/**
 * Splits a pattern into tokens, ending with one `end` token.
 * @throws PatternSyntaxError on text no token can start with, an unterminated or badly escaped string, or a
 *   typed constant whose content is not hex, base64 or a timestamp.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const afterComment = skipComment(source, i);
    if (afterComment !== i) {
      i = afterComment;
      continue;
    }
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === "'") {
      const { text, end } = readQuoted(source, i);
      tokens.push({ kind: 'string', text, start: i, end });
      i = end;
    } else if ((ch === 'h' || ch === 'b' || ch === 't') && next === "'") {
      const token = typedLiteral(source, i, ch);
      tokens.push(token);
      i = token.end;
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < source.length && isIdentPart(source.charCodeAt(j))) j++;
      const word = source.slice(i, j);
      const kind = KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'boolean' : 'identifier';
      tokens.push({ kind, text: word, start: i, end: j });
      i = j;
    } else if (isDigit(c) || ((ch === '-' || ch === '+') && next !== undefined && /[\d.]/.test(next)) || (ch === '.' && next !== undefined && isDigit(next.charCodeAt(0)) && tokens.at(-1)?.kind !== 'identifier')) {
      const token = number(source, i);
      tokens.push(token);
      i = token.end;
    } else if (next !== undefined && TWO_CHAR.has(ch + next)) {
      tokens.push({ kind: 'punct', text: ch + next, start: i, end: i + 2 });
      i += 2;
    } else if (ONE_CHAR.has(ch)) {
      tokens.push({ kind: 'punct', text: ch, start: i, end: i + 1 });
      i++;
    } else {
      throw new PatternSyntaxError(patternError(source, i, [expecting('token')], `'${ch}'`, `unexpected character '${ch}'`));
    }
  }
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}
