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

function textOf(bits: bigint, width: number): string {
  if (width === 32) return [24n, 16n, 8n, 0n].map((shift) => String((bits >> shift) & 0xffn)).join('.');
  const words = Array.from({ length: 8 }, (_, i) => ((bits >> BigInt(16 * (7 - i))) & 0xffffn).toString(16));
  return new URL(`http://[${words.join(':')}]/`).hostname.slice(1, -1);
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
 * Every network that contains the address or network, itself included, in normal form: `10.0.0.1` →
 * `10.0.0.1`, `10.0.0.0/31`, … `0.0.0.0/0` (33 values; 129 for IPv6). Empty for other types.
 */
export function containingNetworks(observable: Observable): string[] {
  const network = networkOf(observable);
  if (!network) return [];
  const out: string[] = [];
  for (let prefix = network.prefix; prefix >= 0; prefix--) {
    const host = BigInt(network.width - prefix);
    const text = textOf((network.bits >> host) << host, network.width);
    out.push(prefix === network.width ? text : `${text}/${prefix}`);
  }
  return out;
}
