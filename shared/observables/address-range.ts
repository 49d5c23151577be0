/**
 * IP addresses and networks as the lookup index compares them: an address as a fixed-width hex key (8 digits
 * for IPv4, 32 for IPv6, so text order is numeric order in both stores), a network as the range of keys it
 * holds, and every network that contains an address or a network, written in normal form. Values are in the
 * normal form of `observable.ts`.
 */
import { ipv6Bits } from '../feeds/feed-values.ts';
import type { Observable } from './observable.ts';

interface Network {
  bits: bigint;
  prefix: number;
  width: 32 | 128;
}

function networkOf(observable: Observable): Network | undefined {
  if (observable.type !== 'ipv4-addr' && observable.type !== 'ipv6-addr') return undefined;
  const [address, prefixText] = observable.value.split('/') as [string, string | undefined];
  const width = observable.type === 'ipv4-addr' ? 32 : 128;
  const bits = width === 32 ? address.split('.').reduce((n, octet) => (n << 8n) | BigInt(octet), 0n) : ipv6Bits(address);
  return { bits, prefix: prefixText === undefined ? width : Number(prefixText), width };
}

const keyOf = (bits: bigint, width: number) => bits.toString(16).padStart(width / 4, '0');

/** RFC 5952 text of 128 bits: lower-case hex words, the longest run of two or more zero words (the first) as `::`. */
function ipv6Text(bits: bigint): string {
  const words = Array.from({ length: 8 }, (_, i) => Number((bits >> BigInt(16 * (7 - i))) & 0xffffn));
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = Math.max(i, j);
  }
  const hex = (list: number[]) => list.map((w) => w.toString(16)).join(':');
  if (best.start < 0) return hex(words);
  return `${hex(words.slice(0, best.start))}::${hex(words.slice(best.start + best.length))}`;
}

function textOf(bits: bigint, width: number): string {
  if (width === 32) return [24n, 16n, 8n, 0n].map((shift) => String((bits >> shift) & 0xffn)).join('.');
  return ipv6Text(bits);
}

/** The index key of a single address; undefined for networks and other types. */
export function addressKey(observable: Observable): string | undefined {
  const network = networkOf(observable);
  return network && network.prefix === network.width ? keyOf(network.bits, network.width) : undefined;
}

/** The first and last keys of the addresses a network holds; undefined for single addresses and other types. */
export function networkRange(observable: Observable): { first: string; last: string } | undefined {
  const network = networkOf(observable);
  if (!network || network.prefix === network.width) return undefined;
  const host = BigInt(network.width - network.prefix);
  const first = (network.bits >> host) << host;
  return { first: keyOf(first, network.width), last: keyOf(first | ((1n << host) - 1n), network.width) };
}

/**
 * The networks that contain the address or network, itself included, in normal form, longest prefix first:
 * `10.0.0.1` → `10.0.0.1`, `10.0.0.0/31`, … `0.0.0.0/0` (33 values; 129 for IPv6), or only those of the
 * `prefixes` given (the index asks for the prefix lengths it holds). Empty for other types.
 */
export function containingNetworks(observable: Observable, prefixes?: ReadonlySet<number>): string[] {
  if (observable.type !== 'ipv4-addr' && observable.type !== 'ipv6-addr') return [];
  // Itself is its value (in normal form): with no other prefix length to try, no bits need working out (a
  // bulk lookup asks this of every address).
  if (prefixes?.size === 0) return [observable.value];
  const network = networkOf(observable)!;
  const out = [observable.value];
  for (let prefix = network.prefix - 1; prefix >= 0; prefix--) {
    if (prefixes && !prefixes.has(prefix)) continue;
    const host = BigInt(network.width - prefix);
    const text = textOf((network.bits >> host) << host, network.width);
    out.push(prefix === network.width ? text : `${text}/${prefix}`);
  }
  return out;
}

/** The prefix length of a network; undefined for single addresses and other types. */
export function prefixOf(observable: Observable): number | undefined {
  const network = networkOf(observable);
  return network && network.prefix !== network.width ? network.prefix : undefined;
}
