import { describe, expect, it } from 'vitest';
import { normaliseDomain, normaliseEmail, normaliseIpv4, normaliseIpv6, normaliseSha256, normaliseUrl } from './feed-values.ts';

describe('feed values in normal form', () => {
  it('writes domains in lower case, without the trailing dot, IDN as punycode', () => {
    expect(normaliseDomain('Evil.EXAMPLE.')).toBe('evil.example');
    expect(normaliseDomain('bücher.example')).toBe('xn--bcher-kva.example');
    expect(normaliseDomain('مثال.إختبار')).toBe('xn--mgbh0fb.xn--kgbechtv');
  });

  it('refuses what is not a domain name', () => {
    for (const bad of ['domain autuo.xicp.net', 'localhost', '192.0.2.1', '-a.example', 'a..example', `${'a'.repeat(64)}.example`, 'a_b.example', '']) {
      expect(normaliseDomain(bad), bad).toBeUndefined();
    }
  });

  it('writes IPv4 addresses and blocks by their network address', () => {
    expect(normaliseIpv4('192.0.2.7')).toBe('192.0.2.7');
    expect(normaliseIpv4('223.166.0.0/15')).toBe('223.166.0.0/15');
    expect(normaliseIpv4('223.167.4.1/15')).toBe('223.166.0.0/15');
    expect(normaliseIpv4('192.0.2.7/32')).toBe('192.0.2.7');
    for (const bad of ['010.0.0.1', '256.1.1.1', '1.2.3.4/33', '1.2.3.4/', 'a.b.c.d']) expect(normaliseIpv4(bad), bad).toBeUndefined();
  });

  it('compresses IPv6 addresses (RFC 5952) and masks blocks', () => {
    expect(normaliseIpv6('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(normaliseIpv6('2001:db8::1/128')).toBe('2001:db8::1');
    expect(normaliseIpv6('2001:db8:1:2:3:4:5:6/32')).toBe('2001:db8::/32');
    expect(normaliseIpv6('::ffff:192.0.2.1')).toBe('::ffff:c000:201');
    for (const bad of ['2001:db8::1::2', 'fe80::1%eth0', '2001:db8::/129', '192.0.2.1']) expect(normaliseIpv6(bad), bad).toBeUndefined();
  });

  it('writes URLs as the URL standard does, fragment dropped', () => {
    expect(normaliseUrl('HTTP://Evil.Example:80/a b?q=1#frag')).toBe('http://evil.example/a%20b?q=1');
    expect(normaliseUrl('https://bücher.example/')).toBe('https://xn--bcher-kva.example/');
    expect(normaliseUrl('javascript:alert(1)')).toBeUndefined();
    expect(normaliseUrl('not a url')).toBeUndefined();
  });

  it('keeps the local part of an e-mail address and normalises its domain', () => {
    expect(normaliseEmail('Spam.King@Mail.EXAMPLE')).toBe('Spam.King@mail.example');
    for (const bad of ['no-at.example', '@mail.example', 'a b@mail.example', 'a@localhost']) expect(normaliseEmail(bad), bad).toBeUndefined();
  });

  it('takes SHA-256 digests in lower-case hex only', () => {
    expect(normaliseSha256('A'.repeat(64))).toBe('a'.repeat(64));
    expect(normaliseSha256('a'.repeat(63))).toBeUndefined();
  });
});
