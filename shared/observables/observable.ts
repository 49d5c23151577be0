/**
 * Observable values in one normal form, and the kind of a value detected from its form: what the lookup
 * index stores and what a lookup asks for, so that `10.0.0.1`, `Example.COM.` and `HTTP://example.com:80/a`
 * meet the objects that wrote them otherwise.
 *
 * | type | normal form |
 * | --- | --- |
 * | `ipv4-addr` | dotted decimal; a network as its network address and prefix (`10.0.0.0/24`), `/32` as the address |
 * | `ipv6-addr` | RFC 5952 text; a network as its network address and prefix, `/128` as the address |
 * | `domain-name` | lower case, no trailing dot, IDN as punycode (`domainToASCII`) |
 * | `url` | scheme and host lower case, host as punycode, default port and fragment dropped, path dots resolved, percent escapes of unreserved characters decoded and the others in upper case hex |
 * | `email-addr` | local part as written (it may be case-sensitive), domain as a domain name |
 * | `file-hash` | lower-case hex; MD5, SHA-1, SHA-256 or SHA-512 by its length |
 */
import { normaliseDomain, normaliseEmail, normaliseIpv4, normaliseIpv6 } from '../feeds/feed-values.ts';

export const OBSERVABLE_TYPES = ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file-hash'] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

/** Hex digest lengths and their algorithm. */
const HASH_LENGTHS: Readonly<Record<number, string>> = { 32: 'MD5', 40: 'SHA-1', 64: 'SHA-256', 128: 'SHA-512' };

export interface Observable {
  type: ObservableType;
  /** The normal form (see the module's note). */
  value: string;
  /** For hashes: the algorithm its length says. */
  hashAlgorithm?: string;
}

/** Percent escapes of RFC 3986 unreserved characters decoded, the others written with upper-case hex. */
function normaliseEscapes(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** A URL in normal form (any scheme with a host), or undefined when the WHATWG parser refuses it. */
export function normaliseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.hostname === '') return undefined;
  url.hash = '';
  // The parser already lower-cases scheme and host, punycodes the host, drops default ports and resolves dots.
  url.pathname = normaliseEscapes(url.pathname);
  if (url.search !== '') url.search = normaliseEscapes(url.search);
  return url.href;
}

/** A hex digest of a known length, lower-cased, with its algorithm. */
export function normaliseHash(raw: string): Observable | undefined {
  const text = raw.trim().toLowerCase();
  const algorithm = /^[0-9a-f]+$/.test(text) ? HASH_LENGTHS[text.length] : undefined;
  return algorithm === undefined ? undefined : { type: 'file-hash', value: text, hashAlgorithm: algorithm };
}

/** A value of a given type in normal form, or undefined when it is not one. */
export function normaliseObservable(type: ObservableType, raw: string): Observable | undefined {
  const of = (value: string | undefined) => (value === undefined ? undefined : { type, value });
  switch (type) {
    case 'ipv4-addr':
      return of(normaliseIpv4(raw));
    case 'ipv6-addr':
      return of(normaliseIpv6(raw));
    case 'domain-name':
      return of(normaliseDomain(raw));
    case 'url':
      return of(normaliseUrl(raw));
    case 'email-addr':
      return of(normaliseEmail(raw));
    case 'file-hash':
      return normaliseHash(raw);
  }
}

/**
 * The type of a value from its form, and its normal form: an IPv4 or IPv6 address or network, a URL
 * (`scheme://`), an e-mail address (`@`), a hex digest of a known length, else a domain name; undefined
 * when it is none of these.
 * @example detectObservable('2001:DB8::0:1') // { type: 'ipv6-addr', value: '2001:db8::1' }
 */
export function detectObservable(raw: string): Observable | undefined {
  const text = raw.trim();
  const type: ObservableType =
    normaliseIpv4(text) !== undefined ? 'ipv4-addr'
    : normaliseIpv6(text) !== undefined ? 'ipv6-addr'
    : /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? 'url'
    : text.includes('@') ? 'email-addr'
    : normaliseHash(text) !== undefined ? 'file-hash'
    : 'domain-name';
  return normaliseObservable(type, text);
}
