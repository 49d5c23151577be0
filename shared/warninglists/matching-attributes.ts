/**
 * Which STIX values a warning list applies to, from its MISP `matching_attributes`. A MISP attribute type
 * maps to value kinds (the kinds `patternValues` reads from indicators, and `objectValues` from observables);
 * a composite type (`domain|ip`, `filename|sha256`, `ip-dst|port`) to the kinds of its parts. A list with no
 * `matching_attributes`, or with `ALL`, applies to every kind, as in MISP. Types with no STIX observable
 * (`phone-number`, `whois-registrant-phone`, `azure-application-id`, `AS`…) map to nothing: such a list is
 * kept and listed, but flags nothing.
 *
 * | MISP attribute types | kinds |
 * | --- | --- |
 * | `ip-src`, `ip-dst`, `ip-src\|port`, `ip-dst\|port`, `domain\|ip` (its ip) | `ipv4-addr`, `ipv6-addr` |
 * | `domain`, `hostname`, `domain\|ip` (its domain), `hostname\|port` | `domain-name` |
 * | `url`, `uri`, `link` | `url` |
 * | `email`, `email-src`, `email-dst`, `target-email`, `whois-registrant-email`, `dns-soa-email`, `email-reply-to` | `email-addr` |
 * | `md5`, `sha1`, `sha224`, `sha256`, `sha384`, `sha512`, `sha3-256`, `sha3-512`, `ssdeep`, `tlsh`, `filename\|<hash>` (its hash) | `file-hash` of that algorithm |
 * | `filename`, `filename\|<hash>` (its name) | `file-name` |
 * | `x509-fingerprint-md5`, `-sha1`, `-sha256` | `x509-fingerprint` of that algorithm |
 */
import type { PatternValueKind } from '../stix/pattern-values.ts';

/** A kind, with the hash algorithm for hashes: `ipv4-addr`, `file-hash:SHA-256`. */
export type KindKey = string;

const IP = ['ipv4-addr', 'ipv6-addr'];
const EMAIL = ['email-addr'];

/** MISP hash type names → STIX hash-algorithm-ov names. */
const HASHES: Readonly<Record<string, string>> = {
  md5: 'MD5',
  sha1: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
  'sha3-256': 'SHA3-256',
  'sha3-512': 'SHA3-512',
  ssdeep: 'SSDEEP',
  tlsh: 'TLSH',
};

const SIMPLE: Readonly<Record<string, readonly string[]>> = {
  'ip-src': IP,
  'ip-dst': IP,
  // The ip of `domain|ip`.
  ip: IP,
  domain: ['domain-name'],
  hostname: ['domain-name'],
  port: [],
  url: ['url'],
  uri: ['url'],
  link: ['url'],
  email: EMAIL,
  'email-src': EMAIL,
  'email-dst': EMAIL,
  'target-email': EMAIL,
  'whois-registrant-email': EMAIL,
  'dns-soa-email': EMAIL,
  'email-reply-to': EMAIL,
  filename: ['file-name'],
  'x509-fingerprint-md5': ['x509-fingerprint:MD5'],
  'x509-fingerprint-sha1': ['x509-fingerprint:SHA-1'],
  'x509-fingerprint-sha256': ['x509-fingerprint:SHA-256'],
};

function kindsOfPart(type: string): readonly string[] {
  const hash = HASHES[type];
  if (hash) return [`file-hash:${hash}`];
  return SIMPLE[type] ?? [];
}

/** The kinds one MISP attribute type maps to (empty for a type with no STIX observable). */
export function kindsOfAttribute(type: string): string[] {
  return [...new Set(type.toLowerCase().split('|').flatMap(kindsOfPart))];
}

/** Every kind a list applies to, or 'all'. */
export function kindsOfList(matchingAttributes: readonly string[]): Set<KindKey> | 'all' {
  if (matchingAttributes.length === 0 || matchingAttributes.includes('ALL')) return 'all';
  return new Set(matchingAttributes.flatMap(kindsOfAttribute));
}

/** STIX hash algorithm names, the way lists are keyed: `sha256`, `SHA256` and `SHA-256` are `SHA-256`. */
export function hashAlgorithmName(name: string): string {
  const compact = name.toLowerCase().replace(/[-_\s]/g, '');
  for (const [misp, stix] of Object.entries(HASHES)) if (misp.replace('-', '') === compact) return stix;
  return name.toUpperCase();
}

/** The key a value is looked up under. */
export function kindKey(kind: PatternValueKind, hashAlgorithm?: string): KindKey {
  return (kind === 'file-hash' || kind === 'x509-fingerprint') && hashAlgorithm !== undefined ? `${kind}:${hashAlgorithmName(hashAlgorithm)}` : kind;
}
