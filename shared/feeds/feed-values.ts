/**
 * The values a defender's feed lists, by kind, and their one normal form: what every writer prints and every
 * list deduplicates on. A value that cannot be put in normal form is not listed (`normaliseValue` answers
 * undefined) rather than written in a form a firewall or a DNS server would misread.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';

/** The kinds of values a feed lists. */
export const VALUE_KINDS = ['ipv4', 'ipv6', 'domain', 'url', 'sha256', 'email'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain name in normal form: lower case, no trailing dot, IDN as punycode (`domainToASCII`), labels of
 * letters, digits and hyphens (1 to 63 characters, no hyphen at either end), at most 253 characters, at least
 * two labels and a top-level label that is not all digits (so an IPv4 address is never taken for a domain).
 */
export function normaliseDomain(raw: string): string | undefined {
  const trimmed = raw.trim().replace(/\.$/, '');
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const lower = trimmed.toLowerCase();
  // Plain ASCII names (nearly all) need no IDN conversion; `xn--` labels are checked by it.
  const ascii = /^[a-z0-9.-]+$/.test(lower) && !lower.includes('xn--') ? lower : domainToASCII(lower);
  if (ascii === '' || ascii.length > 253) return undefined;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return undefined;
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return undefined;
  return ascii;
}

function ipv4Number(address: string): number {
  return address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function ipv4Text(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/**
 * An IPv4 address, or a CIDR block as its network address and prefix (`10.0.0.5/24` → `10.0.0.0/24`; `/32` is
 * the address alone). Leading zeros are refused: `010.0.0.1` means octal to some readers.
 */
export function normaliseIpv4(raw: string): string | undefined {
  const [address, prefixText, extra] = raw.trim().split('/');
  if (extra !== undefined || address === undefined || !isIPv4(address)) return undefined;
  if (prefixText === undefined) return address;
  if (!/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix === 32) return address;
  const size = 2 ** (32 - prefix);
  return `${ipv4Text(Math.floor(ipv4Number(address) / size) * size)}/${prefix}`;
}

/** The 128 bits of an IPv6 address. */
export function ipv6Bits(address: string): bigint {
  const compressed = compressIpv6(address);
  const [head = '', tail] = compressed.split('::');
  const words = (text: string) => (text === '' ? [] : text.split(':'));
  let parts = words(head);
  if (tail !== undefined) parts = [...parts, ...Array<string>(8 - parts.length - words(tail).length).fill('0'), ...words(tail)];
  return parts.reduce((n, word) => (n << 16n) | BigInt(parseInt(word, 16)), 0n);
}

function bitsToIpv6(bits: bigint): string {
  const words = Array.from({ length: 8 }, (_, i) => ((bits >> BigInt(16 * (7 - i))) & 0xffffn).toString(16));
  return compressIpv6(words.join(':'));
}

/** RFC 5952 text of an IPv6 address (the WHATWG URL parser writes exactly that form). */
function compressIpv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/** An IPv6 address in RFC 5952 form, or a CIDR block as its network address and prefix (`/128`: the address alone). */
export function normaliseIpv6(raw: string): string | undefined {
  const [address, prefixText, extra] = raw.trim().split('/');
  if (extra !== undefined || address === undefined || address.includes('%') || !isIPv6(address)) return undefined;
  // IPv4-mapped forms are written with hex words, so each address has one text.
  if (prefixText === undefined) return compressIpv6(address);
  const bits = ipv6Bits(address);
  if (!/^(?:[0-9]|[1-9][0-9]|1[01][0-9]|12[0-8])$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix === 128) return bitsToIpv6(bits);
  const hostBits = BigInt(128 - prefix);
  return `${bitsToIpv6((bits >> hostBits) << hostBits)}/${prefix}`;
}

/** A URL as the WHATWG parser writes it (host lower-cased and punycoded, fragment dropped): http, https, ftp only. */
export function normaliseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'ftp:'].includes(url.protocol) || url.hostname === '') return undefined;
  url.hash = '';
  return url.href;
}

/** An e-mail address: the local part as written (it may be case-sensitive), the domain in normal form. */
export function normaliseEmail(raw: string): string | undefined {
  const text = raw.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0 || /[\s<>",;]/.test(text)) return undefined;
  const local = text.slice(0, at);
  const domain = normaliseDomain(text.slice(at + 1));
  if (domain === undefined || local.length > 64 || /[^\x21-\x7e]/.test(local)) return undefined;
  return `${local}@${domain}`;
}

/** A SHA-256 digest in lower-case hex. */
export function normaliseSha256(raw: string): string | undefined {
  const text = raw.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(text) ? text : undefined;
}

/** The normal form of a value of a kind, or undefined when it has none (it is then not listed). */
export function normaliseValue(kind: ValueKind, raw: string): string | undefined {
  switch (kind) {
    case 'ipv4':
      return normaliseIpv4(raw);
    case 'ipv6':
      return normaliseIpv6(raw);
    case 'domain':
      return normaliseDomain(raw);
    case 'url':
      return normaliseUrl(raw);
    case 'sha256':
      return normaliseSha256(raw);
    case 'email':
      return normaliseEmail(raw);
  }
}
