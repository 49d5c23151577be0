/**
 * How one comparison of §9.6 decides on one value found at an object path. Values of different kinds never
 * compare: a string constant against a number is false, for `=` and for `!=` alike. Timestamps compare as
 * instants (a `t'…'` constant against a STIX timestamp string), binary and hex constants as bytes (against a
 * base64 `*_bin` property or a hex string), strings by UTF-16 code units.
 *
 * MATCHES uses JavaScript regular expressions, not PCRE: a leading `(?i)`, `(?m)`, `(?s)` (or `(?is)`…) is taken
 * as the flags; `(?x)` extended syntax, possessive quantifiers, atomic groups, `\A`/`\Z` and recursion are not
 * supported, and an expression JavaScript cannot compile matches nothing. Against a binary property the bytes
 * are matched as Latin-1 text.
 */
import { isIPv4 } from 'node:net';
import { parseTimestamp } from '../timestamp.ts';
import type { ComparisonOperator, Literal } from './ast.ts';
import { isIpOrCidr } from './check.ts';

type Comparable = { kind: 'number' | 'string' | 'boolean' | 'instant'; value: number | string | boolean } | { kind: 'bytes'; value: Buffer };

function constant(literal: Literal): Comparable {
  switch (literal.kind) {
    case 'integer':
    case 'float':
      return { kind: 'number', value: literal.value };
    case 'boolean':
      return { kind: 'boolean', value: literal.value };
    case 'timestamp':
      return { kind: 'instant', value: parseTimestamp(literal.value)?.key ?? '' };
    case 'binary':
      return { kind: 'bytes', value: Buffer.from(literal.value, 'base64') };
    case 'hex':
      return { kind: 'bytes', value: Buffer.from(literal.value, 'hex') };
    case 'string':
      return { kind: 'string', value: literal.value };
  }
}

/** The observed value in the form the constant compares with; undefined when the two cannot compare. */
function observed(value: unknown, like: Comparable, property: string): Comparable | undefined {
  if (typeof value === 'number' && like.kind === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean' && like.kind === 'boolean') return { kind: 'boolean', value };
  if (typeof value !== 'string') return undefined;
  if (like.kind === 'string') return { kind: 'string', value };
  if (like.kind === 'instant') {
    const parsed = parseTimestamp(value);
    return parsed ? { kind: 'instant', value: parsed.key } : undefined;
  }
  if (like.kind === 'bytes') {
    if (property.endsWith('_bin')) return { kind: 'bytes', value: Buffer.from(value, 'base64') };
    return /^([0-9a-fA-F]{2})*$/.test(value) ? { kind: 'bytes', value: Buffer.from(value, 'hex') } : undefined;
  }
  return undefined;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` (same kind). */
function order(a: Comparable, b: Comparable): number {
  if (a.kind === 'bytes' && b.kind === 'bytes') return Buffer.compare(a.value, b.value);
  const x = a.value as number | string, y = b.value as number | string;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compare(operator: ComparisonOperator, value: unknown, literal: Literal, property: string): boolean {
  const expected = constant(literal);
  const actual = observed(value, expected, property);
  if (!actual) return false;
  const sign = order(actual, expected);
  switch (operator) {
    case '=': return sign === 0;
    case '!=': return sign !== 0;
    case '<': return sign < 0;
    case '<=': return sign <= 0;
    case '>': return sign > 0;
    default: return sign >= 0;
  }
}

const likeCache = new Map<string, RegExp>();
const regexCache = new Map<string, RegExp | null>();

/** Remembers compiled expressions; emptied when full, so a stream of distinct patterns stays bounded. */
function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= 1000) cache.clear();
  cache.set(key, value);
  return value;
}

/** LIKE (§9.6): `%` any run of characters, `_` one character, the rest literally, over the whole value. */
export function likeToRegExp(like: string): RegExp {
  const cached = likeCache.get(like);
  if (cached) return cached;
  let source = '';
  for (const c of like) source += c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  return remember(likeCache, like, new RegExp(`^${source}$`, 'su'));
}

/** A MATCHES expression as a JavaScript RegExp, or null when JavaScript cannot compile it (see the module note). */
export function matchesToRegExp(expression: string): RegExp | null {
  const cached = regexCache.get(expression);
  if (cached !== undefined) return cached;
  const flags = /^\(\?([ims]+)\)/.exec(expression);
  const body = flags ? expression.slice(flags[0].length) : expression;
  try {
    return remember(regexCache, expression, new RegExp(body, [...new Set(flags?.[1] ?? '')].join('')));
  } catch {
    return remember(regexCache, expression, null);
  }
}

/** An address or CIDR block as its first address and prefix length, with the family's bit width. */
function network(text: string): { base: bigint; prefix: number; bits: number } | undefined {
  if (!isIpOrCidr(text)) return undefined;
  const [address = '', prefixText] = text.split('/');
  const bits = isIPv4(address) ? 32 : 128;
  let value = 0n;
  if (bits === 32) {
    for (const part of address.split('.')) value = (value << 8n) | BigInt(Number(part));
  } else {
    const [head = '', tail] = address.split('::');
    // A trailing dotted IPv4 part (`::ffff:192.0.2.1`) is the last two groups.
    const dotted = (group: string) => {
      if (!group.includes('.')) return [group];
      const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    };
    const groups = (s: string) => (s === '' ? [] : s.split(':').flatMap(dotted));
    const left = groups(head), right = tail === undefined ? [] : groups(tail);
    const all = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
    for (const group of all) value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
  return { base: value & mask, prefix, bits };
}

/** True when the block `inner` lies inside the block `outer` (same family). */
export function isSubnetOf(inner: string, outer: string): boolean {
  const a = network(inner), b = network(outer);
  if (!a || !b || a.bits !== b.bits || a.prefix < b.prefix) return false;
  const mask = ((1n << BigInt(b.bits)) - 1n) ^ ((1n << BigInt(b.bits - b.prefix)) - 1n);
  return (a.base & mask) === b.base;
}

/** One comparison of a value found at a path against its constant(s), before any NOT. */
export function testValue(operator: ComparisonOperator, value: unknown, constantValue: Literal | Literal[], property: string): boolean {
  if (operator === 'IN') return (constantValue as Literal[]).some((literal) => compare('=', value, literal, property));
  const literal = constantValue as Literal;
  if (operator === 'LIKE' || operator === 'MATCHES' || operator === 'ISSUBSET' || operator === 'ISSUPERSET') {
    if (typeof value !== 'string') return false;
    const text = String(literal.value);
    if (operator === 'LIKE') return likeToRegExp(text).test(value);
    if (operator === 'ISSUBSET') return isSubnetOf(value, text);
    if (operator === 'ISSUPERSET') return isSubnetOf(text, value);
    const subject = property.endsWith('_bin') ? Buffer.from(value, 'base64').toString('latin1') : value;
    return matchesToRegExp(text)?.test(subject) ?? false;
  }
  return compare(operator, value, literal, property);
}
