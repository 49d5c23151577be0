/**
 * The kind of a value asked about (`GET /warninglists/check`): named, or guessed from the value's form when not.
 */
import { invalid } from '../../../core/errors.ts';
import type { PatternValueKind } from '../../../../shared/stix/pattern-values.ts';
import { parseNetwork } from '../../../../shared/warninglists/ip-address.ts';

export const VALUE_KINDS: readonly PatternValueKind[] = ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file-hash', 'file-name', 'x509-fingerprint'];

/** Hex hash lengths and their algorithm, for a hash given without one. */
const HASH_LENGTHS: Readonly<Record<number, string>> = { 32: 'MD5', 40: 'SHA-1', 56: 'SHA-224', 64: 'SHA-256', 96: 'SHA-384', 128: 'SHA-512' };

export interface ResolvedValue {
  kind: PatternValueKind;
  value: string;
  hashAlgorithm: string | undefined;
}

/**
 * The kind named (`type`), else the value's: an IPv4 or IPv6 address or network, an e-mail address (`@`), a
 * URL (`scheme://`), a hex hash of a known length, else a domain name. A hash's algorithm is the one named,
 * else the one its length says.
 * @throws DomainError `invalid` `warninglists.unknown_kind` (field `type`); `request.missing_field` (field `value`).
 */
export function resolveValue(value: string | undefined, type: string | undefined, algorithm: string | undefined): ResolvedValue {
  const text = value?.trim() ?? '';
  if (text === '') throw invalid('request.missing_field', 'the query needs "value": the value to look for', { field: 'value', in: 'query' });
  const named = type?.trim().toLowerCase() || undefined;
  if (named !== undefined && !(VALUE_KINDS as readonly string[]).includes(named)) {
    throw invalid('warninglists.unknown_kind', `"${type}" is not a kind of value; the kinds are ${VALUE_KINDS.join(', ')}`, { field: 'type', kind: type ?? '', kinds: VALUE_KINDS.join(', ') });
  }
  const hex = /^[0-9a-f]+$/i.test(text) ? HASH_LENGTHS[text.length] : undefined;
  const network = parseNetwork(text);
  const kind = (named as PatternValueKind | undefined) ??
    (network ? (network.family === 4 ? 'ipv4-addr' : 'ipv6-addr') : text.includes('://') ? 'url' : text.includes('@') ? 'email-addr' : hex ? 'file-hash' : 'domain-name');
  const hashes = kind === 'file-hash' || kind === 'x509-fingerprint';
  return { kind, value: text, hashAlgorithm: hashes ? (algorithm?.trim() || hex) : undefined };
}
