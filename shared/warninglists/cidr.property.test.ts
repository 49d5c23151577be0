// The cidr matcher (parseNetwork + RangeTable, through WarningListIndex) against a naive oracle: an address is
// on a list when, for some entry, its first `prefix` bits equal the entry's, compared bit by bit as text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIpv4, parseIpv6, parseNetwork } from './ip-address.ts';
import { WarningListIndex } from './warninglist-index.ts';
import type { WarningList } from './warninglist-file.ts';

const runs = Number(process.env.THIQA_PROPERTY_RUNS ?? 200);

const bitsOf = (value: bigint, width: number) => value.toString(2).padStart(width, '0');

const v4Text = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const v6Text = (n: bigint) => Array.from({ length: 8 }, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');

/** Addresses clustered in a small space, so that networks and addresses meet often. */
const v4 = fc.tuple(fc.constantFrom(10, 192, 203), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 })).map(([a, b, c]) => ((a << 24) >>> 0) + (b << 8) + c);
const v6 = fc.tuple(fc.constantFrom(0x20010db8n, 0xfe800000n), fc.bigInt({ min: 0n, max: 0xffffn })).map(([high, low]) => (high << 96n) | low);

interface Entry { text: string; bits: string; prefix: number; width: 32 | 128 }

const entry4 = fc.tuple(v4, fc.integer({ min: 8, max: 32 })).map(([n, prefix]): Entry => ({ text: prefix === 32 ? v4Text(n) : `${v4Text(n)}/${prefix}`, bits: bitsOf(BigInt(n), 32), prefix, width: 32 }));
const entry6 = fc.tuple(v6, fc.oneof(fc.integer({ min: 112, max: 128 }), fc.integer({ min: 16, max: 128 }))).map(([n, prefix]): Entry => ({ text: prefix === 128 ? v6Text(n) : `${v6Text(n)}/${prefix}`, bits: bitsOf(n, 128), prefix, width: 128 }));

const oracle = (lists: Entry[][], bits: string, width: number) =>
  lists.flatMap((entries, i) => (entries.some((e) => e.width === width && e.bits.slice(0, e.prefix) === bits.slice(0, e.prefix)) ? [`list ${i}`] : [])).sort();

const asLists = (lists: Entry[][]): WarningList[] =>
  lists.map((entries, i) => ({ name: `list ${i}`, version: 1, description: '', type: 'cidr', matchingAttributes: ['ip-src'], entries: entries.map((e) => e.text) }));

describe('cidr matching against a naive oracle', () => {
  it('finds exactly the lists holding an IPv4 address', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entry4, { maxLength: 12 }), { minLength: 1, maxLength: 6 }), fc.array(v4, { minLength: 1, maxLength: 20 }), (lists, probes) => {
        const index = new WarningListIndex(asLists(lists));
        for (const probe of probes) {
          expect(index.hits('ipv4-addr', v4Text(probe)).map((h) => h.name)).toEqual(oracle(lists, bitsOf(BigInt(probe), 32), 32));
        }
      }),
      { numRuns: runs },
    );
  });

  it('finds exactly the lists holding an IPv6 address, in compressed or full form', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(entry6, entry4), { maxLength: 12 }), { minLength: 1, maxLength: 6 }), fc.array(v6, { minLength: 1, maxLength: 20 }), (lists, probes) => {
        const index = new WarningListIndex(asLists(lists));
        for (const probe of probes) {
          const expected = oracle(lists, bitsOf(probe, 128), 128);
          expect(index.hits('ipv6-addr', v6Text(probe)).map((h) => h.name)).toEqual(expected);
          const compressed = v6Text(probe).replace(/(^|:)0(:0)+(:|$)/, '::');
          expect(index.hits('ipv6-addr', compressed).map((h) => h.name)).toEqual(expected);
        }
      }),
      { numRuns: runs },
    );
  });

  it('reads IPv4 and IPv6 text as the platform’s own parser would', () => {
    fc.assert(
      fc.property(fc.ipV4(), (text) => {
        expect(parseIpv4(text)).toBe(text.split('.').reduce((n, part) => n * 256 + Number(part), 0));
      }),
      { numRuns: runs },
    );
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const value = parseIpv6(text);
        expect(value).toBeDefined();
        // Written back in full and read again, it is the same number.
        expect(parseIpv6(v6Text(value!))).toBe(value);
      }),
      { numRuns: runs },
    );
  });
});

describe('parseNetwork', () => {
  it('masks host bits and refuses what is not an address or network', () => {
    expect(parseNetwork('10.1.2.3/8')).toEqual({ family: 4, range: { first: 10 * 2 ** 24, last: 11 * 2 ** 24 - 1 } });
    expect(parseNetwork('2001:db8::1/32')?.range.first).toBe(0x20010db8n << 96n);
    expect(parseNetwork('::ffff:192.0.2.1')?.range.first).toBe((0xffffn << 32n) | 0xc0000201n);
    expect(parseNetwork('::')?.range.first).toBe(0n);
    for (const bad of ['', '1.2.3', '1.2.3.256', '01.2.3.4', '1.2.3.4/33', '2001:db8::/129', '1::2::3', 'gggg::', '1:2:3:4:5:6:7:8:9', 'example.com', '1.2.3.4/x']) {
      expect(parseNetwork(bad), bad).toBeUndefined();
    }
  });
});
