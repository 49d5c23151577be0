// Valid STIX 2.1 patterns and the tree each parses into: precedence and grouping of the observation and
// comparison operators, qualifiers, every comparison operator, object paths and every kind of constant.
import { describe, expect, it } from 'vitest';
import { parsePattern } from './index.ts';
import { shapeOf } from './testing.ts';

function shape(source: string): string {
  const result = parsePattern(source);
  if (!result.ok) throw new Error(result.error.message);
  return shapeOf(result.pattern);
}

const OPERATORS: [string, string][] = [
  ["[file:name = 'a.exe']", '[file:name = str(a.exe)]'],
  ["[file:name == 'a.exe']", '[file:name = str(a.exe)]'],
  ["[file:name != 'a.exe']", '[file:name != str(a.exe)]'],
  ["[file:name <> 'a.exe']", '[file:name != str(a.exe)]'],
  ['[file:size < 10]', '[file:size < int(10)]'],
  ['[file:size <= 10]', '[file:size <= int(10)]'],
  ['[file:size > 10]', '[file:size > int(10)]'],
  ['[file:size >= 10]', '[file:size >= int(10)]'],
  ["[file:name IN ('a', 'b', 'c')]", '[file:name IN (str(a), str(b), str(c))]'],
  ['[file:size IN ()]', '[file:size IN ()]'],
  ["[file:size IN (1, 2.5, true, 'x')]", '[file:size IN (int(1), float(2.5), bool(true), str(x))]'],
  ["[file:name LIKE 'a%.exe']", '[file:name LIKE str(a%.exe)]'],
  ["[file:name MATCHES '^a.*\\\\.exe$']", '[file:name MATCHES str(^a.*\\.exe$)]'],
  ["[ipv4-addr:value ISSUBSET '198.51.100.0/24']", '[ipv4-addr:value ISSUBSET str(198.51.100.0/24)]'],
  ["[ipv4-addr:value ISSUPERSET '198.51.100.7']", '[ipv4-addr:value ISSUPERSET str(198.51.100.7)]'],
  ["[ipv6-addr:value ISSUBSET '2001:db8::/32']", '[ipv6-addr:value ISSUBSET str(2001:db8::/32)]'],
  ['[EXISTS file:hashes.MD5]', '[EXISTS file:hashes.MD5]'],
  ["[file:name NOT = 'a']", '[file:name NOT = str(a)]'],
  ["[file:name NOT != 'a']", '[file:name NOT != str(a)]'],
  ['[file:size NOT < 3]', '[file:size NOT < int(3)]'],
  ['[file:size NOT >= 3]', '[file:size NOT >= int(3)]'],
  ["[file:name NOT IN ('a')]", '[file:name NOT IN (str(a))]'],
  ["[file:name NOT LIKE 'a%']", '[file:name NOT LIKE str(a%)]'],
  ["[file:name NOT MATCHES 'a']", '[file:name NOT MATCHES str(a)]'],
  ["[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']", '[ipv4-addr:value NOT ISSUBSET str(10.0.0.0/8)]'],
  ["[ipv4-addr:value NOT ISSUPERSET '10.0.0.1']", '[ipv4-addr:value NOT ISSUPERSET str(10.0.0.1)]'],
];

const CONSTANTS: [string, string][] = [
  ["[file:name = 'it\\'s']", "[file:name = str(it's)]"],
  ["[file:name = 'back\\\\slash']", '[file:name = str(back\\slash)]'],
  ["[file:name = '']", '[file:name = str()]'],
  ["[file:name = 'ümlaut 名前']", '[file:name = str(ümlaut 名前)]'],
  ["[file:name = 'a]b[c(d)e']", '[file:name = str(a]b[c(d)e)]'],
  ["[file:name = 'AND OR FOLLOWEDBY']", '[file:name = str(AND OR FOLLOWEDBY)]'],
  ['[file:size = 0]', '[file:size = int(0)]'],
  ['[file:size = +7]', '[file:size = int(7)]'],
  ['[file:size = -7]', '[file:size = int(-7)]'],
  ['[file:size = 9007199254740991]', '[file:size = int(9007199254740991)]'],
  ['[x-custom:score = 0.5]', '[x-custom:score = float(0.5)]'],
  ['[x-custom:score = .5]', '[x-custom:score = float(0.5)]'],
  ['[x-custom:score = -.5]', '[x-custom:score = float(-0.5)]'],
  ['[x-custom:score = +12.25]', '[x-custom:score = float(12.25)]'],
  ['[x-custom:flag = true]', '[x-custom:flag = bool(true)]'],
  ['[x-custom:flag != false]', '[x-custom:flag != bool(false)]'],
  ["[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']", '[artifact:payload_bin = bin(dGhpcyBpcyBhIHRlc3Q=)]'],
  ["[artifact:payload_bin = b'']", '[artifact:payload_bin = bin()]'],
  ["[file:magic_number_hex = h'ffd8']", '[file:magic_number_hex = hex(ffd8)]'],
  ["[file:magic_number_hex = h'']", '[file:magic_number_hex = hex()]'],
  ["[file:magic_number_hex = h'FFD8ffe0']", '[file:magic_number_hex = hex(FFD8ffe0)]'],
  ["[file:created > t'2016-01-20T12:31:12Z']", '[file:created > ts(2016-01-20T12:31:12Z)]'],
  ["[file:created < t'2016-01-20T12:31:12.123456Z']", '[file:created < ts(2016-01-20T12:31:12.123456Z)]'],
  ["[file:created = t'2016-02-29T00:00:00Z']", '[file:created = ts(2016-02-29T00:00:00Z)]'],
  ["[file:magic_number_hex <= h'ff']", '[file:magic_number_hex <= hex(ff)]'],
  ["[artifact:payload_bin > b'AAAA']", '[artifact:payload_bin > bin(AAAA)]'],
];

const PATHS: [string, string][] = [
  ["[file:hashes.'SHA-256' = 'aa']", "[file:hashes.'SHA-256' = str(aa)]"],
  ["[file:hashes.MD5 = 'aa']", '[file:hashes.MD5 = str(aa)]'],
  ["[file:'name' = 'a']", '[file:name = str(a)]'],
  ["[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]", "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > float(7)]"],
  ["[file:extensions.'windows-pebinary-ext'.sections[0].name = '.text']", "[file:extensions.'windows-pebinary-ext'.sections[0].name = str(.text)]"],
  ["[email-message:to_refs[*].value = 'a@example.com']", '[email-message:to_refs[*].value = str(a@example.com)]'],
  ["[email-message:to_refs[2].value = 'a@example.com']", '[email-message:to_refs[2].value = str(a@example.com)]'],
  ["[email-message:to_refs[-1].value = 'a@example.com']", '[email-message:to_refs[-1].value = str(a@example.com)]'],
  ["[network-traffic:dst_ref.value = '203.0.113.5']", '[network-traffic:dst_ref.value = str(203.0.113.5)]'],
  ["[windows-registry-key:values[*].data = 'x']", '[windows-registry-key:values[*].data = str(x)]'],
  ["[email-message:body_multipart[*].body_raw_ref.name = 'a.zip']", '[email-message:body_multipart[*].body_raw_ref.name = str(a.zip)]'],
  ["[x509-certificate:hashes.'SHA-1' = 'aa']", "[x509-certificate:hashes.'SHA-1' = str(aa)]"],
  ["[x-acme-widget:parts[*][0].id = 'x']", '[x-acme-widget:parts[*][0].id = str(x)]'],
  ["[file:parent_directory_ref.path = 'C:\\\\Windows']", '[file:parent_directory_ref.path = str(C:\\Windows)]'],
  ["[process:extensions.'windows-process-ext'.aslr_enabled = true]", "[process:extensions.'windows-process-ext'.aslr_enabled = bool(true)]"],
  ["[user-account:x_custom_prop_1 = 'a']", '[user-account:x_custom_prop_1 = str(a)]'],
  ["[file : name = 'a']", '[file:name = str(a)]'],
  ["[file:hashes . 'MD5' = 'a']", '[file:hashes.MD5 = str(a)]'],
  ["[file:a.'b c'.'d\\'e' = 'x']", "[file:a.'b c'.'d'e' = str(x)]"],
];

const COMPARISON_LOGIC: [string, string][] = [
  ["[file:name = 'a' AND file:size = 1]", '[{file:name = str(a) & file:size = int(1)}]'],
  ["[file:name = 'a' OR url:value = 'b']", '[{file:name = str(a) | url:value = str(b)}]'],
  ["[file:name = 'a' OR file:name = 'b' AND file:size = 1]", '[{file:name = str(a) | {file:name = str(b) & file:size = int(1)}}]'],
  ["[file:name = 'a' AND file:size = 1 OR file:name = 'b']", '[{{file:name = str(a) & file:size = int(1)} | file:name = str(b)}]'],
  ["[(file:name = 'a' OR file:name = 'b') AND file:size = 1]", '[{{file:name = str(a) | file:name = str(b)} & file:size = int(1)}]'],
  ["[file:size = 1 AND (file:name = 'a' OR file:name = 'b')]", '[{file:size = int(1) & {file:name = str(a) | file:name = str(b)}}]'],
  ["[file:size = 1 AND file:size = 2 AND file:size = 3]", '[{{file:size = int(1) & file:size = int(2)} & file:size = int(3)}]'],
  ["[file:size = 1 OR file:size = 2 OR file:size = 3]", '[{{file:size = int(1) | file:size = int(2)} | file:size = int(3)}]'],
  ["[((file:size = 1))]", '[file:size = int(1)]'],
  ["[EXISTS file:name AND file:size > 0]", '[{EXISTS file:name & file:size > int(0)}]'],
  ["[file:size = 1 OR EXISTS url:value]", '[{file:size = int(1) | EXISTS url:value}]'],
  ["[(file:size = 1 OR url:value = 'a') OR (domain-name:value = 'b')]", '[{{file:size = int(1) | url:value = str(a)} | domain-name:value = str(b)}]'],
];

const OBSERVATION_LOGIC: [string, string][] = [
  ["[file:size = 1] AND [url:value = 'a']", '([file:size = int(1)] AND [url:value = str(a)])'],
  ["[file:size = 1] OR [url:value = 'a']", '([file:size = int(1)] OR [url:value = str(a)])'],
  ["[file:size = 1] FOLLOWEDBY [url:value = 'a']", '([file:size = int(1)] FOLLOWEDBY [url:value = str(a)])'],
  ['[file:size = 1] OR [file:size = 2] AND [file:size = 3]', '([file:size = int(1)] OR ([file:size = int(2)] AND [file:size = int(3)]))'],
  ['[file:size = 1] AND [file:size = 2] OR [file:size = 3]', '(([file:size = int(1)] AND [file:size = int(2)]) OR [file:size = int(3)])'],
  ['[file:size = 1] FOLLOWEDBY [file:size = 2] OR [file:size = 3]', '([file:size = int(1)] FOLLOWEDBY ([file:size = int(2)] OR [file:size = int(3)]))'],
  ['[file:size = 1] OR [file:size = 2] FOLLOWEDBY [file:size = 3]', '(([file:size = int(1)] OR [file:size = int(2)]) FOLLOWEDBY [file:size = int(3)])'],
  ['[file:size = 1] AND [file:size = 2] FOLLOWEDBY [file:size = 3] AND [file:size = 4]', '(([file:size = int(1)] AND [file:size = int(2)]) FOLLOWEDBY ([file:size = int(3)] AND [file:size = int(4)]))'],
  ['[file:size = 1] FOLLOWEDBY [file:size = 2] FOLLOWEDBY [file:size = 3]', '(([file:size = int(1)] FOLLOWEDBY [file:size = int(2)]) FOLLOWEDBY [file:size = int(3)])'],
  ['[file:size = 1] AND ([file:size = 2] OR [file:size = 3])', '([file:size = int(1)] AND ([file:size = int(2)] OR [file:size = int(3)]))'],
  ['([file:size = 1] FOLLOWEDBY [file:size = 2]) AND [file:size = 3]', '(([file:size = int(1)] FOLLOWEDBY [file:size = int(2)]) AND [file:size = int(3)])'],
  ['(([file:size = 1]))', '[file:size = int(1)]'],
  ['[file:size = 1] OR [file:size = 2] OR [file:size = 3]', '(([file:size = int(1)] OR [file:size = int(2)]) OR [file:size = int(3)])'],
  ["[file:size = 1]AND[url:value='a']", '([file:size = int(1)] AND [url:value = str(a)])'],
  ["  [file:size = 1]\n  OR\t[url:value = 'a']  ", '([file:size = int(1)] OR [url:value = str(a)])'],
  ["[file:size = 1]\u00a0OR\u3000[url:value = 'a']", '([file:size = int(1)] OR [url:value = str(a)])'],
  ["/* first */ [file:size = 1] // size\nOR [url:value = '//not a comment/*']", '([file:size = int(1)] OR [url:value = str(//not a comment/*)])'],
];

const QUALIFIERS: [string, string][] = [
  ['[file:size = 1] WITHIN 300 SECONDS', '([file:size = int(1)] WITHIN 300)'],
  ['[file:size = 1] WITHIN 0.5 SECONDS', '([file:size = int(1)] WITHIN 0.5)'],
  ['[file:size = 1] REPEATS 5 TIMES', '([file:size = int(1)] REPEATS 5)'],
  ["[file:size = 1] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'", '([file:size = int(1)] START 2016-06-01T00:00:00Z STOP 2016-07-01T00:00:00Z)'],
  ['[file:size = 1] REPEATS 5 TIMES WITHIN 180 SECONDS', '(([file:size = int(1)] REPEATS 5) WITHIN 180)'],
  ['[file:size = 1] WITHIN 180 SECONDS REPEATS 5 TIMES', '(([file:size = int(1)] WITHIN 180) REPEATS 5)'],
  ['[file:size = 1] AND [file:size = 2] WITHIN 10 SECONDS', '([file:size = int(1)] AND ([file:size = int(2)] WITHIN 10))'],
  ['([file:size = 1] AND [file:size = 2]) WITHIN 10 SECONDS', '(([file:size = int(1)] AND [file:size = int(2)]) WITHIN 10)'],
  ['([file:size = 1] FOLLOWEDBY [file:size = 2]) REPEATS 2 TIMES', '(([file:size = int(1)] FOLLOWEDBY [file:size = int(2)]) REPEATS 2)'],
  ["([file:size = 1] OR [file:size = 2]) START t'2016-06-01T00:00:00Z' STOP t'2016-06-01T00:00:00.001Z' WITHIN 1 SECONDS", '((([file:size = int(1)] OR [file:size = int(2)]) START 2016-06-01T00:00:00Z STOP 2016-06-01T00:00:00.001Z) WITHIN 1)'],
  ["[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128'] FOLLOWEDBY [domain-name:value = 'example.com'] WITHIN 600 SECONDS",
    '([{{ipv4-addr:value = str(198.51.100.1/32) | ipv4-addr:value = str(203.0.113.33/32)} | ipv6-addr:value = str(2001:0db8:dead:beef:dead:beef:dead:0001/128)}] FOLLOWEDBY ([domain-name:value = str(example.com)] WITHIN 600))'],
];

describe('parsing STIX patterns', () => {
  describe.each([
    ['comparison operators', OPERATORS],
    ['constants', CONSTANTS],
    ['object paths', PATHS],
    ['comparison AND / OR', COMPARISON_LOGIC],
    ['observation operators', OBSERVATION_LOGIC],
    ['qualifiers', QUALIFIERS],
  ])('%s', (_name, cases) => {
    it.each(cases)('%s', (source, expected) => {
      expect(shape(source)).toBe(expected);
    });
  });

  it('keeps the source span of every node', () => {
    const source = "[file:name = 'a'] OR [url:value != 'b'] WITHIN 5 SECONDS";
    const result = parsePattern(source);
    if (!result.ok) throw new Error(result.error.message);
    const root = result.pattern;
    expect(root.kind).toBe('or');
    if (root.kind !== 'or' || root.left.kind !== 'observation' || root.right.kind !== 'qualified') throw new Error('unexpected shape');
    const text = (span: { start: number; end: number }) => source.slice(span.start, span.end);
    expect(text(root.span)).toBe(source);
    expect(text(root.left.span)).toBe("[file:name = 'a']");
    expect(text(root.right.span)).toBe("[url:value != 'b'] WITHIN 5 SECONDS");
    expect(text(root.right.qualifier.span)).toBe('WITHIN 5 SECONDS');
    const comparison = root.left.comparison;
    if (comparison.kind !== 'comparison' || Array.isArray(comparison.value)) throw new Error('unexpected shape');
    expect(text(comparison.span)).toBe("file:name = 'a'");
    expect(text(comparison.path.span)).toBe('file:name');
    expect(text(comparison.value.span)).toBe("'a'");
  });

  it('accepts every pattern of the reference bundles and fixtures (spot check of the spec examples)', () => {
    for (const source of [
      "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
      "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c'] AND [file:size > 100]",
      "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\System\\\\Foo\\\\Bar']",
      "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
      "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
    ]) expect(parsePattern(source).ok, source).toBe(true);
  });
});
