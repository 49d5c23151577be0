import { describe, expect, it } from 'vitest';
import { indicatorValues } from './indicator-values.ts';

describe('values named by a STIX pattern', () => {
  it('takes each = comparison of the kinds a feed lists', () => {
    expect(indicatorValues("[domain-name:value = 'www.webserver.dynssl.com' OR ipv4-addr:value = '113.10.246.30']")).toEqual([
      { kind: 'domain', value: 'www.webserver.dynssl.com' },
      { kind: 'ipv4', value: '113.10.246.30' },
    ]);
    expect(indicatorValues("[file:hashes.'SHA-256' = 'ABCD'] AND [url:value = 'http://a.example/x'] WITHIN 300 SECONDS")).toEqual([
      { kind: 'sha256', value: 'ABCD' },
      { kind: 'url', value: 'http://a.example/x' },
    ]);
    expect(indicatorValues("[file:hashes.SHA256 = 'ab'] OR [email-message:from_ref.value = 'x@a.example']").map((v) => v.kind)).toEqual(['sha256', 'email']);
  });

  it('takes the members of an IN set and reads escaped quotes', () => {
    expect(indicatorValues("[ipv6-addr:value IN ('2001:db8::1', '2001:db8::2')]")).toEqual([
      { kind: 'ipv6', value: '2001:db8::1' },
      { kind: 'ipv6', value: '2001:db8::2' },
    ]);
    expect(indicatorValues("[url:value = 'http://a.example/it\\'s']")).toEqual([{ kind: 'url', value: "http://a.example/it's" }]);
  });

  it('leaves out negated and non-equality comparisons, and paths a feed does not list', () => {
    expect(indicatorValues("[ipv4-addr:value NOT = '192.0.2.1']")).toEqual([]);
    expect(indicatorValues("[ipv4-addr:value != '192.0.2.1']")).toEqual([]);
    expect(indicatorValues("[domain-name:value LIKE '%.example' OR domain-name:value MATCHES '^a']")).toEqual([]);
    expect(indicatorValues("[file:hashes.md5 = '001dd76872d80801692ff942308c64e6' OR file:name = 'x.exe']")).toEqual([]);
    expect(indicatorValues("[network-traffic:dst_ref.value = '198.51.100.9' AND network-traffic:dst_port = 443]")).toEqual([{ kind: 'ipv4', value: '198.51.100.9' }]);
  });
});
