// The text formats: CSV (RFC 4180), plain blocklists, Suricata rules (checked by a strict reader of the rule
// format: suricata itself is not available from this machine's Debian sources, so `suricata -T` is not run).
import { describe, expect, it } from 'vitest';
import { readJson, referenceBundles } from '../../test/support/reference-data.ts';
import { writeBlocklist } from './blocklist-feed.ts';
import { CSV_COLUMNS, writeCsvFeed } from './csv-feed.ts';
import { entriesOf } from './feed-entries.ts';
import { DEFAULT_SID_BASE, DEFAULT_SID_RANGE, suricataContent, suricataRuleCount, writeSuricataRules } from './suricata-feed.ts';
import { checkSuricataRules } from './testing/suricata-rule-check.ts';
import { AWKWARD_OBJECTS, entriesFrom, indicator, observable } from './testing/feed-samples.ts';

const reference = referenceBundles().flatMap((file) => (readJson(file) as { objects: Record<string, unknown>[] }).objects);
const entries = entriesFrom([...reference, ...AWKWARD_OBJECTS]);
const options = { feedName: 'test "feed"; with \\ odd', sidBase: DEFAULT_SID_BASE, sidRange: DEFAULT_SID_RANGE };

/** A strict RFC 4180 reader: fields, quoted or not, CRLF records. */
function readCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        expect(quote).toBeGreaterThanOrEqual(0);
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = text.slice(i, i + end);
      expect(field).not.toMatch(/["\r\n]/);
      i += end;
    }
    row.push(field);
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      expect(text[i]).toBe(',');
      i++;
    }
  }
  return rows;
}

describe('entries of STIX objects', () => {
  it('leave out revoked objects, indicators past valid_until and patterns not in STIX', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(entriesOf(indicator("[ipv4-addr:value = '192.0.2.1']", { revoked: true }), 1, now).entries).toEqual([]);
    expect(entriesOf(indicator("[ipv4-addr:value = '192.0.2.1']", { valid_until: '2025-12-31T23:59:59Z' }), 1, now).entries).toEqual([]);
    expect(entriesOf(indicator("[ipv4-addr:value = '192.0.2.1']", { valid_until: '2026-06-01T00:00:00Z' }), 1, now).entries).toHaveLength(1);
    expect(entriesOf(indicator('alert ip any any -> any any', { pattern_type: 'snort' }), 1, now).entries).toEqual([]);
  });

  it('count values with no normal form as skipped', () => {
    const { entries: found, skipped } = entriesOf(indicator("[domain-name:value = 'domain autuo.xicp.net' OR domain-name:value = 'ok.example']"), 2, 0);
    expect(found.map((e) => [e.value, e.tlp])).toEqual([['ok.example', 'amber']]);
    expect(skipped).toBe(1);
  });
});

describe('CSV feed', () => {
  it('is RFC 4180 with one row per value and source, values as the entries hold them', () => {
    const rows = readCsv(writeCsvFeed(entries));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length - 1).toBe(entries.length);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const url = rows.find((r) => r[1]!.startsWith('http://evil.example/'))!;
    expect(url.slice(0, 4)).toEqual(['url', 'http://evil.example/a;b%22c/d|e?q=%C3%BC', 'green', '']);
    expect(rows.find((r) => r[1] === '192.0.2.0/23')![3]).toBe('rsit:abusive-content="spam"');
  });
});

describe('blocklists', () => {
  it('hold each value of their kind once, sorted, in normal form', () => {
    const domains = writeBlocklist(entries, 'domain').split('\n').slice(0, -1);
    expect(domains).toEqual([...new Set(domains)].sort());
    expect(domains).toContain('xn--bcher-kva.example');
    expect(domains).toContain('hugesoft.org');
    expect(domains).not.toContain('domain autuo.xicp.net');
    expect(writeBlocklist(entries, 'ipv6')).toBe('2001:db8::7\n2001:db8:aa::/48\n');
    expect(writeBlocklist(entries, 'email')).toBe('Spam.King@mail.example\n');
    expect(writeBlocklist(entries, 'sha256')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n');
    expect(writeBlocklist(entries, 'ipv4').split('\n')).toContain('223.166.0.0/15');
    expect(writeBlocklist([], 'ipv4')).toBe('');
  });
});

describe('Suricata rules', () => {
  const rules = writeSuricataRules(entries, options);

  it('pass a strict check of the rule format (suricata -T not run: suricata is not in the Debian sources here)', () => {
    expect(checkSuricataRules(rules)).toEqual([]);
    expect(rules.split('\n').filter((l) => l.startsWith('alert'))).toHaveLength(suricataRuleCount(entries));
  });

  it('match a domain and its subdomains only, on DNS, TLS SNI and HTTP host', () => {
    const lines = rules.split('\n').filter((l) => l.includes('"Thiqa test \\"feed\\"\\; with \\\\ odd: DNS query for hugesoft.org"'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^alert dns any any -> any any \(.*dns\.query; dotprefix; content:"\.hugesoft\.org"; nocase; endswith; sid:\d+; rev:1;\)$/);
    expect(rules).toMatch(/tls\.sni; dotprefix; content:"\.hugesoft\.org"; nocase; endswith;/);
    expect(rules).toMatch(/http\.host; dotprefix; content:"\.hugesoft\.org"; endswith;/);
  });

  it('escape contents: quote, semicolon, backslash, pipe and non-ASCII bytes as hex', () => {
    expect(suricataContent('a;b"c\\d|e ü\x01')).toBe('a|3B|b|22|c|5C|d|7C|e |C3 BC 01|');
    expect(rules).toContain('http.uri; content:"/a|3B|b%22c/d|7C|e?q=%C3%BC"; startswith; endswith;');
  });

  it('list addresses in chunks, and keep each rule’s sid when other values come and go', () => {
    const small = writeSuricataRules(entriesFrom([observable('domain-name', 'a.example'), observable('domain-name', 'b.example')]), options);
    const more = writeSuricataRules(entriesFrom([observable('domain-name', 'a.example'), observable('domain-name', 'c.example'), observable('domain-name', 'b.example')]), options);
    const sidOf = (text: string, name: string) => text.split('\n').find((l) => l.includes(`DNS query for ${name}`))!.match(/sid:(\d+)/)![1];
    expect(sidOf(more, 'a.example')).toBe(sidOf(small, 'a.example'));
    expect(sidOf(more, 'b.example')).toBe(sidOf(small, 'b.example'));
    const ips = writeSuricataRules(entriesFrom(Array.from({ length: 250 }, (_, i) => observable('ipv4-addr', `10.0.${Math.floor(i / 200)}.${i % 200}`))), { ...options, ipChunk: 100 });
    expect(ips.split('\n').filter((l) => l.startsWith('alert ip any any -> ['))).toHaveLength(3);
    expect(checkSuricataRules(ips)).toEqual([]);
  });

  it('keep sids within the range, and refuse a range too small', () => {
    const sids = [...rules.matchAll(/sid:(\d+)/g)].map((m) => Number(m[1]));
    expect(sids.every((s) => s >= DEFAULT_SID_BASE && s < DEFAULT_SID_BASE + DEFAULT_SID_RANGE)).toBe(true);
    expect(() => writeSuricataRules(entries, { ...options, sidRange: 3 })).toThrow(RangeError);
  });

  it('the strict check finds the faults it is for', () => {
    expect(checkSuricataRules('alert dns any any -> any any (msg:"x"; dns.query; content:"a;b"; sid:1; rev:1;)')).not.toEqual([]);
    expect(checkSuricataRules('alert dns any any -> any any (msg:"x"; nocase; dns.query; content:"a"; sid:1; rev:1;)')).not.toEqual([]);
    expect(checkSuricataRules('alert http any any -> any any (msg:"x"; http.host; content:"A.example"; sid:1; rev:1;)')).not.toEqual([]);
    expect(checkSuricataRules('alert tls any any -> any any (msg:"x"; dns.query; content:"a"; sid:1; rev:1;)')).not.toEqual([]);
    expect(checkSuricataRules('alert ip any any -> [10.0.0.1,300.1.1.1] any (msg:"x"; sid:1; rev:1;)')).not.toEqual([]);
    expect(checkSuricataRules('alert ip any any -> any any (msg:"x"; sid:1; rev:1;)\nalert ip any any -> any any (msg:"y"; sid:1; rev:1;)')).not.toEqual([]);
    expect(checkSuricataRules('alert ip any any -> any any (msg:"a"b"; sid:1; rev:1;)')).not.toEqual([]);
    expect(checkSuricataRules('alert ip any any -> any any (msg:"x"; sid:1;)')).not.toEqual([]);
    expect(checkSuricataRules('alert dns any any -> any any (msg:"x"; dns.query; content:"|3B"; sid:1; rev:1;)')).not.toEqual([]);
  });
});
