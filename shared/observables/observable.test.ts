// Normal forms and type detection of observable values, table-driven.
import { describe, expect, it } from 'vitest';
import { addressKey, containingNetworks, networkRange } from './address-range.ts';
import { objectObservables } from './object-observables.ts';
import { detectObservable, normaliseObservable, type ObservableType } from './observable.ts';

const detected: [string, string | undefined, string | undefined][] = [
  ['192.0.2.1', 'ipv4-addr', '192.0.2.1'],
  [' 192.0.2.1 ', 'ipv4-addr', '192.0.2.1'],
  ['192.0.2.77/24', 'ipv4-addr', '192.0.2.0/24'],
  ['192.0.2.1/32', 'ipv4-addr', '192.0.2.1'],
  ['2001:DB8:0:0:0:0:0:1', 'ipv6-addr', '2001:db8::1'],
  ['2001:db8:0:0:1:0:0:1', 'ipv6-addr', '2001:db8::1:0:0:1'],
  ['2001:0db8::0001', 'ipv6-addr', '2001:db8::1'],
  ['2001:db8::1/32', 'ipv6-addr', '2001:db8::/32'],
  ['::ffff:192.0.2.1', 'ipv6-addr', '::ffff:c000:201'],
  ['Example.COM.', 'domain-name', 'example.com'],
  ['bücher.example', 'domain-name', 'xn--bcher-kva.example'],
  ['HTTP://Example.COM:80/a/../b/%7euser?q=%2f', 'url', 'http://example.com/b/~user?q=%2F'],
  ['https://bücher.example:443/#frag', 'url', 'https://xn--bcher-kva.example/'],
  ['https://example.com:8443/x', 'url', 'https://example.com:8443/x'],
  ['Alice.Smith@Example.ORG', 'email-addr', 'Alice.Smith@example.org'],
  ['D41D8CD98F00B204E9800998ECF8427E', 'file-hash', 'd41d8cd98f00b204e9800998ecf8427e'],
  ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'file-hash', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
  ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'file-hash', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['a'.repeat(128), 'file-hash', 'a'.repeat(128)],
  ['not a value', undefined, undefined],
  ['localhost', undefined, undefined],
  ['999.1.1.1', undefined, undefined],
  ['mailto@', undefined, undefined],
];

describe('detectObservable', () => {
  it.each(detected)('%s → %s %s', (raw, type, value) => {
    const found = detectObservable(raw);
    expect(found?.type).toBe(type);
    expect(found?.value).toBe(value);
  });

  it('names the algorithm of a hash by its length', () => {
    expect(['a'.repeat(32), 'a'.repeat(40), 'a'.repeat(64), 'a'.repeat(128)].map((h) => detectObservable(h)?.hashAlgorithm)).toEqual(['MD5', 'SHA-1', 'SHA-256', 'SHA-512']);
    expect(detectObservable(`${'a'.repeat(50)}.example`)?.type).toBe('domain-name');
  });
});

const typed: [ObservableType, string, string | undefined][] = [
  ['ipv4-addr', '010.0.0.1', undefined],
  ['ipv6-addr', 'fe80::1%eth0', undefined],
  ['domain-name', '-bad-.example', undefined],
  ['url', 'not a url', undefined],
  ['email-addr', 'a@b@c', undefined],
  ['file-hash', 'xyz', undefined],
  ['url', 'ftp://FTP.Example.com:21/pub/%41', 'ftp://ftp.example.com/pub/A'],
];

describe('normaliseObservable', () => {
  it.each(typed)('%s %s → %s', (type, raw, value) => {
    expect(normaliseObservable(type, raw)?.value).toBe(value);
  });
});

describe('address ranges', () => {
  it('lists every network containing an address, the address first', () => {
    const networks = containingNetworks(detectObservable('10.1.2.3')!);
    expect(networks).toHaveLength(33);
    expect(networks.slice(0, 3)).toEqual(['10.1.2.3', '10.1.2.2/31', '10.1.2.0/30']);
    expect(networks).toContain('10.1.2.0/24');
    expect(networks.at(-1)).toBe('0.0.0.0/0');
    expect(containingNetworks(detectObservable('2001:db8::1')!)).toHaveLength(129);
    expect(containingNetworks(detectObservable('2001:db8::1')!)).toContain('2001:db8::/32');
    expect(containingNetworks(detectObservable('example.com')!)).toEqual([]);
  });

  it('gives addresses keys in numeric order and networks the range of keys they hold', () => {
    expect(addressKey(detectObservable('10.0.0.9')!)! < addressKey(detectObservable('10.0.0.10')!)!).toBe(true);
    expect(addressKey(detectObservable('10.0.0.0/8')!)).toBeUndefined();
    expect(networkRange(detectObservable('10.0.0.0/8')!)).toEqual({ first: '0a000000', last: '0affffff' });
    expect(networkRange(detectObservable('2001:db8::/127')!)).toEqual({ first: '20010db8000000000000000000000000', last: '20010db8000000000000000000000001' });
    expect(networkRange(detectObservable('10.0.0.1')!)).toBeUndefined();
  });
});

describe('objectObservables', () => {
  it('takes an SCO’s value, a file’s hashes and an indicator’s compared constants, normalised and once each', () => {
    expect(objectObservables({ type: 'domain-name', value: 'Example.com.' })).toEqual([{ type: 'domain-name', value: 'example.com' }]);
    expect(objectObservables({ type: 'file', hashes: { MD5: 'D41D8CD98F00B204E9800998ECF8427E', 'SHA-256': 'zz' } })).toEqual([{ type: 'file-hash', value: 'd41d8cd98f00b204e9800998ecf8427e', hashAlgorithm: 'MD5' }]);
    const pattern = "[ipv4-addr:value = '10.0.0.0/8' OR ipv4-addr:value IN ('192.0.2.1', '192.0.2.1')] AND [url:value = 'HTTP://A.example/'] AND [domain-name:value != 'x.example']";
    expect(objectObservables({ type: 'indicator', pattern_type: 'stix', pattern }).map((o) => o.value)).toEqual(['10.0.0.0/8', '192.0.2.1', 'http://a.example/']);
    expect(objectObservables({ type: 'indicator', pattern_type: 'sigma', pattern: "[ipv4-addr:value = '10.0.0.1']" })).toEqual([]);
    expect(objectObservables({ type: 'malware', name: 'x' })).toEqual([]);
  });
});

describe('containingNetworks with the prefixes held', () => {
  it('lists only networks of those prefix lengths, and writes IPv6 networks in RFC 5952 form', () => {
    expect(containingNetworks(detectObservable('10.1.2.3')!, new Set([8, 24]))).toEqual(['10.1.2.3', '10.1.2.0/24', '10.0.0.0/8']);
    expect(containingNetworks(detectObservable('2001:db8:0:1:0:0:0:5')!, new Set([64, 48, 16]))).toEqual(['2001:db8:0:1::5', '2001:db8:0:1::/64', '2001:db8::/48', '2001::/16']);
    for (const address of ['1:0:0:2:0:0:0:3', '0:0:1:0:0:0:0:0', '1:2:3:4:5:6:7:8', '::', '0:0:0:0:0:0:0:1', '1:0:2:0:3:0:4:0']) {
      expect(containingNetworks(detectObservable(address)!, new Set())[0]).toBe(new URL(`http://[${address}]/`).hostname.slice(1, -1));
    }
  });
});
