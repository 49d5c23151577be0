// The index over the real MISP warning lists (../shared/data/misp/warninglists): several lists of each type,
// values on them and values that are not, and each value kind only where the list's matching_attributes say.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceDataDir } from '../../test/support/reference-data.ts';
import { readWarningList, type WarningList } from './warninglist-file.ts';
import { urlHost, WarningListIndex } from './warninglist-index.ts';

const folder = () => path.join(referenceDataDir(), 'misp', 'warninglists');

function realList(name: string): WarningList {
  const read = readWarningList(fs.readFileSync(path.join(folder(), name, 'list.json')), `${name}/list.json`);
  if (!read.ok) throw new Error(`${name}: ${read.problems.map((p) => p.message).join('; ')}`);
  return read.list;
}

let index: WarningListIndex;
const names = new Map<string, string>();
const on = (kind: Parameters<WarningListIndex['hits']>[0], value: string, algorithm?: string) => index.hits(kind, value, algorithm).map((h) => h.name);

beforeAll(() => {
  const folders = ['rfc1918', 'public-dns-v4', 'public-dns-v6', 'amazon-aws', 'multicast', 'google', 'url-shortener', 'dynamic-dns', 'empty-hashes', 'tlds', 'automated-malware-analysis', 'disposable-email', 'common-contact-emails', 'phone_numbers', 'security-provider-blogpost'];
  const lists = folders.map(realList);
  folders.forEach((f, i) => names.set(f, lists[i]!.name));
  index = new WarningListIndex(lists);
});

const name = (folder: string) => names.get(folder)!;

describe('WarningListIndex over real lists', () => {
  it('holds lists of every type', () => {
    const types = new Set(['rfc1918', 'url-shortener', 'empty-hashes', 'automated-malware-analysis', 'common-contact-emails'].map((f) => realList(f).type));
    expect([...types].sort()).toEqual(['cidr', 'hostname', 'regex', 'string', 'substring']);
  });

  it('cidr: IPv4 and IPv6 addresses inside the networks, not beside them', () => {
    expect(on('ipv4-addr', '10.20.30.40')).toContain(name('rfc1918'));
    expect(on('ipv4-addr', '172.31.255.255')).toContain(name('rfc1918'));
    expect(on('ipv4-addr', '172.32.0.0')).not.toContain(name('rfc1918'));
    expect(on('ipv4-addr', '192.168.0.0/24')).toContain(name('rfc1918'));
    expect(on('ipv4-addr', '192.160.0.0/11')).not.toContain(name('rfc1918'));
    expect(on('ipv4-addr', '8.8.8.8')).toContain(name('public-dns-v4'));
    expect(on('ipv4-addr', '224.0.0.251')).toContain(name('multicast'));
    expect(on('ipv6-addr', '2001:4860:4860::8888')).toContain(name('public-dns-v6'));
    expect(on('ipv6-addr', '2001:4860:4860:0:0:0:0:8888')).toContain(name('public-dns-v6'));
    expect(on('ipv6-addr', '2001:db8::1')).toEqual([]);
    expect(on('ipv6-addr', '::ffff:10.9.8.7')).toContain(name('rfc1918'));
    expect(on('ipv6-addr', '::ffff:11.9.8.7')).not.toContain(name('rfc1918'));
    expect(on('ipv4-addr', '198.51.100.77')).toEqual([]);
  });

  it('cidr: an address inside Amazon’s published ranges, taken from the list itself', () => {
    const aws = realList('amazon-aws').entries.find((e) => /^\d+\.\d+\.\d+\.\d+\/(1[6-9]|2[0-4])$/.test(e))!;
    const [a, b, c] = aws.split(/[./]/).map(Number);
    expect(on('ipv4-addr', `${a}.${b}.${c}.9`)).toContain(name('amazon-aws'));
  });

  it('hostname: the host or a parent domain, case and final dot aside; the host of a URL', () => {
    const shortener = name('url-shortener');
    expect(on('domain-name', '2ly.link')).toContain(shortener);
    expect(on('domain-name', 'A.B.2LY.Link.')).toContain(shortener);
    expect(on('domain-name', 'x2ly.link')).not.toContain(shortener);
    expect(on('domain-name', '2ly.link.example.net')).not.toContain(shortener);
    expect(on('url', 'https://user@go.2ly.link:8443/a/b?c')).toContain(shortener);
    expect(on('url', '2ly.link/path')).toContain(shortener);
    // Entries written with a leading dot (".00010010.org") hold the domain and its subdomains.
    expect(on('domain-name', 'host.00010010.org')).toContain(name('dynamic-dns'));
    expect(on('domain-name', '00010010.org')).toContain(name('dynamic-dns'));
  });

  it('string: exact values; hex hashes of any case only where the list takes that algorithm', () => {
    const empty = name('empty-hashes');
    expect(on('file-hash', 'd41d8cd98f00b204e9800998ecf8427e', 'MD5')).toContain(empty);
    expect(on('file-hash', 'D41D8CD98F00B204E9800998ECF8427E', 'md5')).toContain(empty);
    expect(on('file-hash', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'SHA-256')).toContain(empty);
    expect(on('file-hash', 'd41d8cd98f00b204e9800998ecf8427f', 'MD5')).toEqual([]);
    // The tlds list is a string list for domains, in capitals ("COM"): "com" is on it, "www.com" is not.
    expect(on('domain-name', 'com')).toContain(name('tlds'));
    expect(on('domain-name', 'www.com')).not.toContain(name('tlds'));
    // google is a string list too: exact names, no parent domains.
    expect(on('domain-name', 'google.com')).toContain(name('google'));
    expect(on('domain-name', 'not-a-google-host.google.com')).not.toContain(name('google'));
  });

  it('substring: an entry inside the value, for domains, URLs and e-mail addresses as the lists say', () => {
    expect(on('url', 'https://app.any.run/tasks/123')).toContain(name('automated-malware-analysis'));
    expect(on('domain-name', 'x.app.any.run')).toContain(name('automated-malware-analysis'));
    expect(on('email-addr', 'someone@0-mail.com')).toContain(name('disposable-email'));
    expect(on('email-addr', 'someone@example.org')).not.toContain(name('disposable-email'));
  });

  it('regex: PCRE entries, case-insensitive where flagged; a list of phone numbers flags no STIX value', () => {
    expect(on('email-addr', 'ABUSE@example.org')).toContain(name('common-contact-emails'));
    expect(on('email-addr', 'alice@example.org')).not.toContain(name('common-contact-emails'));
    expect(on('domain-name', '+15555501234')).not.toContain(name('phone_numbers'));
  });

  it('applies a list only to the kinds its matching_attributes name', () => {
    // rfc1918 is for IPs (and domain|ip), not URLs.
    expect(on('url', 'http://10.0.0.1/')).not.toContain(name('rfc1918'));
    expect(on('ipv4-addr', '10.0.0.1')).toContain(name('rfc1918'));
    // empty-hashes lists md5 but no x509 fingerprints.
    expect(on('x509-fingerprint', 'd41d8cd98f00b204e9800998ecf8427e', 'MD5')).not.toContain(name('empty-hashes'));
    expect(index.isListed('ipv4-addr', '10.0.0.1')).toBe(true);
    expect(index.isListed('url', 'https://thiqa.example/')).toBe(false);
  });

  it('answers each list once, sorted by name, with the value that matched', () => {
    const hits = index.hits('ipv4-addr', '10.0.0.1');
    expect(hits.map((h) => h.name)).toEqual([...new Set(hits.map((h) => h.name))].sort());
    expect(hits.every((h) => h.matchedValue === '10.0.0.1' && h.type === 'cidr')).toBe(true);
  });
});

describe('matchers on lists made for the test', () => {
  const list = (type: WarningList['type'], entries: string[], matchingAttributes: string[] = []): WarningList => ({ name: `${type} list`, version: 1, description: '', type, matchingAttributes, entries });

  it('a list without matching_attributes applies to every kind', () => {
    const all = new WarningListIndex([list('string', ['x'])]);
    expect(all.hits('file-name', 'x').map((h) => h.name)).toEqual(['string list']);
    expect(all.hits('url', 'x')).toHaveLength(1);
  });

  it('a regex entry refused is skipped; the others still match', () => {
    const idx = new WarningListIndex([list('regex', ['/(a+)+$/', '/^evil\\./i', 'no-delimiters'])]);
    expect(idx.hits('domain-name', 'EVIL.example')).toHaveLength(1);
    expect(idx.hits('domain-name', 'a'.repeat(40) + '!')).toEqual([]);
  });

  it('the host of URLs in their various forms', () => {
    expect(urlHost('http://[2001:db8::1]:80/x')).toBe('2001:db8::1');
    expect(urlHost('HTTP://User:Pw@Example.COM./')).toBe('example.com');
    expect(urlHost('example.com:8080/path')).toBe('example.com');
  });

  it('a cidr list flags the IP in a URL', () => {
    expect(new WarningListIndex([list('cidr', ['192.0.2.0/24'], ['url'])]).hits('url', 'http://192.0.2.5/x')).toHaveLength(1);
  });
});
