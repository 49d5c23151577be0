import { describe, expect, it } from 'vitest';
import { patternValues } from './pattern-values.ts';

describe('patternValues', () => {
  it('reads the value of each kind of simple comparison', () => {
    expect(patternValues("[ipv4-addr:value = '1.2.3.4']")).toEqual([{ type: 'ipv4-addr', value: '1.2.3.4' }]);
    expect(patternValues("[ipv6-addr:value = '2001:db8::1']")).toEqual([{ type: 'ipv6-addr', value: '2001:db8::1' }]);
    expect(patternValues("[domain-name:value = 'example.com']")).toEqual([{ type: 'domain-name', value: 'example.com' }]);
    expect(patternValues("[url:value = 'http://example.com/a?b=c']")).toEqual([{ type: 'url', value: 'http://example.com/a?b=c' }]);
    expect(patternValues("[email-addr:value = 'a@example.com']")).toEqual([{ type: 'email-addr', value: 'a@example.com' }]);
    expect(patternValues("[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']")).toEqual([
      { type: 'file-hash', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', hashAlgorithm: 'SHA-256' },
    ]);
    expect(patternValues("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']")).toEqual([{ type: 'file-hash', value: 'd41d8cd98f00b204e9800998ecf8427e', hashAlgorithm: 'MD5' }]);
    expect(patternValues("[x509-certificate:hashes.'SHA-1' = 'aa']")).toEqual([{ type: 'x509-fingerprint', value: 'aa', hashAlgorithm: 'SHA-1' }]);
    expect(patternValues("[file:name = 'a.exe']")).toEqual([{ type: 'file-name', value: 'a.exe' }]);
  });

  it('lists every value of OR, AND, FOLLOWEDBY and nested observation expressions, in order', () => {
    const pattern = "([ipv4-addr:value = '10.0.0.1' OR domain-name:value = 'a.example'] AND [url:value = 'http://b.example/']) FOLLOWEDBY [email-message:from_ref.value = 'x@c.example'] WITHIN 300 SECONDS";
    expect(patternValues(pattern).map((v) => `${v.type}=${v.value}`)).toEqual(['ipv4-addr=10.0.0.1', 'domain-name=a.example', 'url=http://b.example/', 'email-addr=x@c.example']);
  });

  it('reads IN lists and network-traffic ends by the value’s form', () => {
    expect(patternValues("[ipv4-addr:value IN ('1.1.1.1', '8.8.8.8')]").map((v) => v.value)).toEqual(['1.1.1.1', '8.8.8.8']);
    expect(patternValues("[network-traffic:dst_ref.value = '2001:db8::2' AND network-traffic:src_ref.value = '192.0.2.1']")).toEqual([
      { type: 'ipv6-addr', value: '2001:db8::2' },
      { type: 'ipv4-addr', value: '192.0.2.1' },
    ]);
  });

  it('unescapes quotes and backslashes in values', () => {
    expect(patternValues("[url:value = 'http://x.example/it\\'s\\\\']")).toEqual([{ type: 'url', value: "http://x.example/it's\\" }]);
  });

  it('leaves out negations, other operators, other properties and typed literals', () => {
    expect(patternValues("[ipv4-addr:value != '1.2.3.4']")).toEqual([]);
    expect(patternValues("[ipv4-addr:value NOT = '1.2.3.4']")).toEqual([]);
    expect(patternValues("[domain-name:value LIKE '%.example']")).toEqual([]);
    expect(patternValues("[url:value MATCHES '^http']")).toEqual([]);
    expect(patternValues("[file:size > 10 AND file:hashes.MD5 = 'ab'] START t'2020-01-01T00:00:00Z' STOP t'2021-01-01T00:00:00Z'")).toEqual([{ type: 'file-hash', value: 'ab', hashAlgorithm: 'MD5' }]);
    expect(patternValues("[process:name = 'x.exe']")).toEqual([]);
    expect(patternValues("[artifact:payload_bin = b'AAAA']")).toEqual([]);
  });

  it('answers what it read before an unterminated string, without throwing', () => {
    expect(patternValues("[ipv4-addr:value = '1.2.3.4'] OR [url:value = 'http://")).toEqual([{ type: 'ipv4-addr', value: '1.2.3.4' }]);
    expect(patternValues('')).toEqual([]);
    expect(patternValues('not a pattern at all')).toEqual([]);
  });
});
