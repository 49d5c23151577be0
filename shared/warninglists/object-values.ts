/**
 * The values of a STIX object a warning list is checked against: an observable's own value (`ipv4-addr`,
 * `ipv6-addr`, `domain-name`, `url`, `email-addr`), a file's, artifact's or certificate's hashes and a file's
 * name, and the values an indicator's STIX pattern compares for equality (`patternValues`). Other objects have
 * none. Pure: the server's flags and the defenders' exports read values the same way.
 */
import { patternValues, type PatternValue } from '../stix/pattern-values.ts';

const VALUE_TYPES = new Set(['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr']);

function hashesOf(hashes: unknown, type: 'file-hash' | 'x509-fingerprint'): PatternValue[] {
  if (typeof hashes !== 'object' || hashes === null) return [];
  return Object.entries(hashes as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([hashAlgorithm, value]) => ({ type, value, hashAlgorithm }));
}

/** The values of `object` to check, in the order found. */
export function objectValues(object: Readonly<Record<string, unknown>>): PatternValue[] {
  const type = object.type;
  if (typeof type !== 'string') return [];
  if (VALUE_TYPES.has(type)) return typeof object.value === 'string' ? [{ type: type as PatternValue['type'], value: object.value }] : [];
  if (type === 'file') {
    const name = typeof object.name === 'string' ? [{ type: 'file-name' as const, value: object.name }] : [];
    return [...hashesOf(object.hashes, 'file-hash'), ...name];
  }
  if (type === 'artifact') return hashesOf(object.hashes, 'file-hash');
  if (type === 'x509-certificate') return hashesOf(object.hashes, 'x509-fingerprint');
  if (type === 'indicator' && typeof object.pattern === 'string' && (object.pattern_type === undefined || object.pattern_type === 'stix')) return patternValues(object.pattern);
  return [];
}
