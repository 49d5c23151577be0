/**
 * IP addresses and networks as integers: IPv4 as a number (0 … 2³²−1), IPv6 as a 128-bit bigint. A network
 * is its first and last address; host bits written in a network (`10.0.0.1/8`) are masked off, as MISP does.
 */

export interface IpRange<T extends number | bigint> {
  first: T;
  last: T;
}

export type IpNetwork = { family: 4; range: IpRange<number> } | { family: 6; range: IpRange<bigint> };

const V4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

/** An IPv4 address in dotted-quad form, or undefined (leading zeros refused: `010` is ambiguous). */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!V4_PART.test(part)) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** An IPv6 address (RFC 4291 text forms: `::` once, an IPv4 tail), without zone; or undefined. */
export function parseIpv6(text: string): bigint | undefined {
  if (text.includes('%')) return undefined;
  let head = text;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.includes('.', lastColon)) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    // Keep a `::` just before the IPv4 part; drop a single `:`.
    head = text[lastColon - 1] === ':' ? text.slice(0, lastColon + 1) : text.slice(0, lastColon);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const words = (part: string) => (part === '' ? [] : part.split(':'));
  const left = words(halves[0]!);
  const right = halves.length === 2 ? words(halves[1]!) : [];
  if ([...left, ...right].some((w) => !HEXTET.test(w))) return undefined;
  const given = left.length + right.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
  const hextets = [...left.map((w) => parseInt(w, 16)), ...new Array<number>(8 - given).fill(0), ...right.map((w) => parseInt(w, 16)), ...tail];
  let value = 0n;
  for (const h of hextets) value = (value << 16n) | BigInt(h);
  return value;
}

/** An address or a network (`a.b.c.d/n`, `x::/n`), IPv4 or IPv6; undefined when it is neither. */
export function parseNetwork(text: string): IpNetwork | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const prefixText = slash < 0 ? undefined : trimmed.slice(slash + 1);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const v4 = parseIpv4(address);
  if (v4 !== undefined) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (prefix > 32) return undefined;
    const size = 2 ** (32 - prefix);
    const first = v4 - (v4 % size);
    return { family: 4, range: { first, last: first + size - 1 } };
  }
  const v6 = parseIpv6(address);
  if (v6 === undefined) return undefined;
  const prefix = prefixText === undefined ? 128 : Number(prefixText);
  if (prefix > 128) return undefined;
  const hostBits = BigInt(128 - prefix);
  const first = (v6 >> hostBits) << hostBits;
  return { family: 6, range: { first, last: first + (1n << hostBits) - 1n } };
}
