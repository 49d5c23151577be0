import { describe, expect, it } from 'vitest';
import { ObservableSource, stixPattern } from './observables.ts';
import { SeededRandom } from './random.ts';

const RESERVED_IPV4 = /^(192\.0\.2|198\.51\.100|203\.0\.113|198\.1[89]\.\d+|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+)\.\d+$/;
const RESERVED_DOMAIN = /\.(example|test|invalid|example\.com|example\.net|example\.org)$/;

describe('ObservableSource', () => {
  it('never repeats an IPv4 address, starting in the documentation ranges then other reserved ones', () => {
    const source = new ObservableSource(new SeededRandom(1));
    const addresses = Array.from({ length: 5_000 }, () => source.ipv4());
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const address of addresses) expect(address).toMatch(RESERVED_IPV4);
    expect(addresses.slice(0, 762).every((a) => /^(192\.0\.2|198\.51\.100|203\.0\.113)\./.test(a))).toBe(true);
  });

  it('never repeats a domain, URL or e-mail address, all under reserved names', () => {
    const source = new ObservableSource(new SeededRandom(2));
    const domains = Array.from({ length: 20_000 }, () => source.domain());
    expect(new Set(domains).size).toBe(domains.length);
    for (const domain of domains) expect(domain).toMatch(RESERVED_DOMAIN);
    const urls = Array.from({ length: 2_000 }, () => source.url());
    expect(new Set(urls).size).toBe(urls.length);
    const emails = Array.from({ length: 2_000 }, () => source.email());
    expect(new Set(emails).size).toBe(emails.length);
  });
});

describe('stixPattern', () => {
  const random = new SeededRandom(3);
  const ip = { type: 'ipv4-addr', path: 'value', value: '192.0.2.1' } as const;

  it('writes one comparison, an OR of one type, or two joined observations', () => {
    expect(stixPattern([ip], random)).toBe("[ipv4-addr:value = '192.0.2.1']");
    expect(stixPattern([ip, { ...ip, value: '192.0.2.2' }], random))
      .toBe("[ipv4-addr:value = '192.0.2.1' OR ipv4-addr:value = '192.0.2.2']");
    expect(stixPattern([ip, { type: 'domain-name', path: 'value', value: 'a.test' }], random))
      .toMatch(/^\[ipv4-addr:value = '192\.0\.2\.1'\] (AND|OR) \[domain-name:value = 'a\.test'\]$/);
  });

  it('escapes quotes and backslashes in literals', () => {
    expect(stixPattern([{ type: 'url', path: 'value', value: "http://a.test/it's\\x" }], random))
      .toBe("[url:value = 'http://a.test/it\\'s\\\\x']");
  });
});
