// Matching patterns against observations: every comparison operator on strings, numbers, booleans,
// timestamps, binary and hex; paths through lists and references; NOT; the observation operators and the
// qualifiers WITHIN, REPEATS and START/STOP.
import { describe, expect, it } from 'vitest';
import { matchPattern, parsePattern, type Observation } from './index.ts';

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00Z`;

/** One observation of `objects` at minute `minute` (lasting `minutes`). */
function seen(objects: Record<string, unknown>[], minute = 0, minutes = 0): Observation {
  return { objects, first_observed: at(minute), last_observed: at(minute + minutes), number_observed: 1 };
}

function matches(source: string, observations: Observation[]): boolean {
  const result = parsePattern(source);
  if (!result.ok) throw new Error(result.error.message);
  return matchPattern(result.pattern, observations);
}

const FILE = {
  type: 'file', id: 'file--1', name: 'Report.EXE', size: 25536, mime_type: 'application/x-dosexec',
  hashes: { 'SHA-256': 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f', MD5: '0123456789abcdef0123456789abcdef' },
  magic_number_hex: 'ffd8ffe0', ctime: '2026-02-01T12:00:00.500Z', x_flag: true,
  extensions: { 'windows-pebinary-ext': { pe_type: 'exe', sections: [{ name: '.text', entropy: 7.3 }, { name: '.data', entropy: 2.1 }] } },
  parent_directory_ref: 'directory--1',
};
const DIRECTORY = { type: 'directory', id: 'directory--1', path: 'C:\\Users\\Public' };
const ARTIFACT = { type: 'artifact', id: 'artifact--1', payload_bin: Buffer.from('MZ\x90\x00hello', 'latin1').toString('base64') };
const EMAIL = {
  type: 'email-message', id: 'email-message--1', is_multipart: false, subject: 'Invoice 42',
  from_ref: 'email-addr--1', to_refs: ['email-addr--2', 'email-addr--3'],
};
const ADDRESSES = [
  { type: 'email-addr', id: 'email-addr--1', value: 'mallory@example.com' },
  { type: 'email-addr', id: 'email-addr--2', value: 'alice@example.org' },
  { type: 'email-addr', id: 'email-addr--3', value: 'bob@example.org' },
];
const TRAFFIC = [
  { type: 'network-traffic', id: 'network-traffic--1', src_ref: 'ipv4-addr--1', dst_ref: 'ipv4-addr--2', dst_port: 443, protocols: ['tcp', 'tls'] },
  { type: 'ipv4-addr', id: 'ipv4-addr--1', value: '10.1.2.3' },
  { type: 'ipv4-addr', id: 'ipv4-addr--2', value: '198.51.100.0/28' },
];

const ONE = [seen([FILE, DIRECTORY, ARTIFACT, EMAIL, ...ADDRESSES, ...TRAFFIC, { type: 'ipv6-addr', id: 'ipv6-addr--1', value: '2001:db8::1' }])];

/** [pattern, matches ONE] */
const COMPARISONS: [string, boolean][] = [
  ["[file:name = 'Report.EXE']", true],
  ["[file:name = 'report.exe']", false],
  ["[file:name != 'report.exe']", true],
  ["[file:name != 'Report.EXE']", false],
  ['[file:size = 25536]', true],
  ['[file:size = 25536.0]', true],
  ['[file:size > 25535]', true],
  ['[file:size > 25536]', false],
  ['[file:size >= 25536]', true],
  ['[file:size < 25537]', true],
  ['[file:size <= 25535]', false],
  ["[file:size = '25536']", false],
  ["[file:size != '25536']", false],
  ["[file:name < 'S']", true],
  ["[file:name > 'S']", false],
  ['[file:x_flag = true]', true],
  ['[file:x_flag = false]', false],
  ['[file:x_flag != false]', true],
  ["[file:name IN ('a.exe', 'Report.EXE')]", true],
  ["[file:name IN ('a.exe', 'b.exe')]", false],
  ['[file:size IN (1, 25536)]', true],
  ['[file:size IN ()]', false],
  ["[file:name NOT IN ('a.exe', 'b.exe')]", true],
  ["[file:name LIKE 'Report.%']", true],
  ["[file:name LIKE 'Rep_rt.EXE']", true],
  ["[file:name LIKE 'Rep_t.EXE']", false],
  ["[file:name LIKE '%.exe']", false],
  ["[file:name LIKE 'Report.EX']", false],
  ["[file:name LIKE 'Report_EXE']", true],
  ["[file:name LIKE 'R.port%']", false],
  ["[file:name NOT LIKE '%.dll']", true],
  ["[file:name MATCHES '^Rep.*\\\\.EXE$']", true],
  ["[file:name MATCHES 'port']", true],
  ["[file:name MATCHES '^port']", false],
  ["[file:name MATCHES '(?i)^report\\\\.exe$']", true],
  ["[file:name MATCHES '^report\\\\.exe$']", false],
  ["[file:name MATCHES '(?<!x)++']", false],
  ["[file:name MATCHES '(?is)^report.exe$']", true],
  ["[file:name MATCHES '(?x)Report']", false],
  ["[artifact:payload_bin MATCHES '^MZ\\\\x90']", true],
  ["[artifact:payload_bin MATCHES 'hello$']", true],
  ["[ipv4-addr:value ISSUBSET '10.0.0.0/8']", true],
  ["[ipv4-addr:value ISSUBSET '10.1.2.3']", true],
  ["[ipv4-addr:value ISSUBSET '10.1.2.0/31']", false],
  ["[ipv4-addr:value ISSUBSET '198.51.100.0/24']", true],
  ["[ipv4-addr:value ISSUBSET '198.51.100.0/29']", false],
  ["[ipv4-addr:value ISSUPERSET '198.51.100.7']", true],
  ["[ipv4-addr:value ISSUPERSET '198.51.100.16']", false],
  ["[ipv4-addr:value ISSUPERSET '198.51.100.0/27']", false],
  ["[ipv6-addr:value ISSUBSET '2001:db8::/32']", true],
  ["[ipv6-addr:value ISSUBSET '2001:db9::/32']", false],
  ["[ipv6-addr:value ISSUBSET '10.0.0.0/8']", false],
  ["[ipv6-addr:value ISSUBSET '::/0']", true],
  ["[ipv6-addr:value ISSUBSET '2001:db8::1/128']", true],
  ["[ipv6-addr:value ISSUBSET '2001:db8::2/127']", false],
  ["[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']", true],
  ["[file:ctime = t'2026-02-01T12:00:00.5Z']", true],
  ["[file:ctime > t'2026-02-01T12:00:00Z']", true],
  ["[file:ctime < t'2026-02-01T12:00:00Z']", false],
  ["[file:ctime = '2026-02-01T12:00:00.5Z']", false],
  ["[file:magic_number_hex = h'FFD8FFE0']", true],
  ["[file:magic_number_hex = h'ffd8']", false],
  ["[file:magic_number_hex > h'ffd8']", true],
  ["[file:magic_number_hex = b'/9j/4A==']", true],
  [`[artifact:payload_bin = b'${ARTIFACT.payload_bin}']`, true],
  ["[artifact:payload_bin = h'4d5a900068656c6c6f']", true],
  ["[artifact:payload_bin = h'4d5a']", false],
  ["[artifact:payload_bin > h'4d5a']", true],
  ["[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']", true],
  ["[file:hashes.MD5 = '0123456789abcdef0123456789abcdef']", true],
  ["[file:hashes.'SHA-1' = '0123456789abcdef0123456789abcdef']", false],
  ['[EXISTS file:hashes.MD5]', true],
  ["[EXISTS file:hashes.'SHA-1']", false],
  ['[EXISTS file:extensions.\'windows-pebinary-ext\'.sections[1]]', true],
  ['[EXISTS file:extensions.\'windows-pebinary-ext\'.sections[2]]', false],
];

const PATHS: [string, boolean][] = [
  ["[file:extensions.'windows-pebinary-ext'.pe_type = 'exe']", true],
  ["[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]", true],
  ["[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 8.0]", false],
  ["[file:extensions.'windows-pebinary-ext'.sections[0].name = '.text']", true],
  ["[file:extensions.'windows-pebinary-ext'.sections[1].name = '.text']", false],
  ["[file:extensions.'windows-pebinary-ext'.sections[-1].name = '.data']", true],
  ["[file:extensions.'windows-pebinary-ext'.sections[*].name NOT = '.text']", true],
  ["[file:extensions.'windows-pebinary-ext'.sections.name = '.text']", false],
  ["[file:parent_directory_ref.path = 'C:\\\\Users\\\\Public']", true],
  ["[file:parent_directory_ref.path LIKE 'C:\\\\Users%']", true],
  ["[email-message:from_ref.value = 'mallory@example.com']", true],
  ["[email-message:to_refs[*].value = 'bob@example.org']", true],
  ["[email-message:to_refs[0].value = 'bob@example.org']", false],
  ["[email-message:to_refs[1].value = 'bob@example.org']", true],
  ["[email-message:to_refs[*].value LIKE '%@example.com']", false],
  ["[network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24']", true],
  ["[network-traffic:src_ref.value = '10.1.2.3' AND network-traffic:dst_port = 443]", true],
  ["[network-traffic:protocols[*] = 'tls']", true],
  ["[network-traffic:protocols[*] = 'udp']", false],
  ["[network-traffic:protocols = 'tcp']", false],
  ["[file:nothing = 'x']", false],
  ["[file:nothing NOT = 'x']", false],
  ["[file:name.deeper = 'x']", false],
  ["[x-unknown:name = 'Report.EXE']", false],
];

const LOGIC: [string, boolean][] = [
  ["[file:name = 'Report.EXE' AND file:size = 25536]", true],
  ["[file:name = 'Report.EXE' AND file:size = 1]", false],
  ["[file:name = 'nope' OR file:size = 25536]", true],
  ["[file:name = 'nope' OR url:value = 'x']", false],
  ["[file:name = 'nope' OR email-addr:value = 'alice@example.org']", true],
  ["[(file:name = 'nope' OR file:size = 25536) AND file:x_flag = true]", true],
  ["[file:name NOT = 'Report.EXE']", false],
  ["[file:size NOT > 3]", false],
  ["[file:size NOT < 3]", true],
  // AND holds for one object: no single address is both alice and bob.
  ["[email-addr:value = 'alice@example.org' AND email-addr:value = 'bob@example.org']", false],
  ["[email-addr:value = 'alice@example.org'] AND [email-addr:value = 'bob@example.org']", false],
  ["[email-addr:value = 'alice@example.org'] OR [email-addr:value = 'bob@example.org']", true],
];

describe('matching one observation', () => {
  describe.each([['comparisons', COMPARISONS], ['paths', PATHS], ['comparison logic', LOGIC]])('%s', (_name, cases) => {
    it.each(cases)('%s → %s', (source, expected) => {
      expect(matches(source, ONE)).toBe(expected);
    });
  });
});

const ip = (value: string) => ({ type: 'ipv4-addr', id: `ipv4-addr--${value}`, value });
const domain = (value: string) => ({ type: 'domain-name', id: `domain-name--${value}`, value });

/** A timeline: 10.0.0.1 at minute 0, example.com at 2, 10.0.0.1 again at 5, 10.0.0.2 at 9 (lasting 3 minutes). */
const TIMELINE = [seen([ip('10.0.0.1')], 0), seen([domain('example.com')], 2), seen([ip('10.0.0.1')], 5), seen([ip('10.0.0.2')], 9, 3)];

const OBSERVATIONS: [string, Observation[], boolean][] = [
  ["[ipv4-addr:value = '10.0.0.1'] AND [domain-name:value = 'example.com']", TIMELINE, true],
  ["[ipv4-addr:value = '10.0.0.1'] AND [domain-name:value = 'example.org']", TIMELINE, false],
  ["[ipv4-addr:value = '10.0.0.1'] AND [ipv4-addr:value = '10.0.0.1']", TIMELINE, true],
  ["[ipv4-addr:value = '10.0.0.1'] AND [ipv4-addr:value = '10.0.0.1']", [TIMELINE[0]!], false],
  ["[ipv4-addr:value = '10.0.0.9'] OR [domain-name:value = 'example.com']", TIMELINE, true],
  ["[ipv4-addr:value = '10.0.0.9'] OR [domain-name:value = 'example.org']", TIMELINE, false],
  ["[ipv4-addr:value = '10.0.0.1'] FOLLOWEDBY [domain-name:value = 'example.com']", TIMELINE, true],
  ["[domain-name:value = 'example.com'] FOLLOWEDBY [ipv4-addr:value = '10.0.0.1']", TIMELINE, true],
  ["[ipv4-addr:value = '10.0.0.2'] FOLLOWEDBY [domain-name:value = 'example.com']", TIMELINE, false],
  ["[domain-name:value = 'example.com'] FOLLOWEDBY [ipv4-addr:value = '10.0.0.2']", TIMELINE, true],
  ["[ipv4-addr:value = '10.0.0.1'] FOLLOWEDBY [domain-name:value = 'example.com'] FOLLOWEDBY [ipv4-addr:value = '10.0.0.2']", TIMELINE, true],
  ["[ipv4-addr:value = '10.0.0.2'] FOLLOWEDBY [ipv4-addr:value = '10.0.0.1']", TIMELINE, false],
  ["[ipv4-addr:value = '10.0.0.1'] REPEATS 2 TIMES", TIMELINE, true],
  ["[ipv4-addr:value = '10.0.0.1'] REPEATS 3 TIMES", TIMELINE, false],
  ["[ipv4-addr:value LIKE '10.0.0.%'] REPEATS 3 TIMES", TIMELINE, true],
  ["[ipv4-addr:value LIKE '10.0.0.%'] REPEATS 4 TIMES", TIMELINE, false],
  ["[ipv4-addr:value = '10.0.0.1'] REPEATS 1 TIMES", TIMELINE, true],
  ["([ipv4-addr:value = '10.0.0.1'] AND [domain-name:value = 'example.com']) WITHIN 120 SECONDS", TIMELINE, true],
  ["([ipv4-addr:value = '10.0.0.1'] AND [domain-name:value = 'example.com']) WITHIN 119 SECONDS", TIMELINE, false],
  ["([ipv4-addr:value = '10.0.0.1'] AND [ipv4-addr:value = '10.0.0.2']) WITHIN 420 SECONDS", TIMELINE, true],
  ["([ipv4-addr:value = '10.0.0.1'] AND [ipv4-addr:value = '10.0.0.2']) WITHIN 419 SECONDS", TIMELINE, false],
  ["[ipv4-addr:value = '10.0.0.1'] REPEATS 2 TIMES WITHIN 300 SECONDS", TIMELINE, true],
  ["[ipv4-addr:value = '10.0.0.1'] REPEATS 2 TIMES WITHIN 299.5 SECONDS", TIMELINE, false],
  ["[ipv4-addr:value LIKE '10.0.0.%'] REPEATS 3 TIMES WITHIN 720 SECONDS", TIMELINE, true],
  ["[ipv4-addr:value LIKE '10.0.0.%'] REPEATS 3 TIMES WITHIN 719 SECONDS", TIMELINE, false],
  [`[ipv4-addr:value = '10.0.0.1'] START t'${at(4)}' STOP t'${at(6)}'`, TIMELINE, true],
  [`[ipv4-addr:value = '10.0.0.1'] START t'${at(1)}' STOP t'${at(4)}'`, TIMELINE, false],
  [`[ipv4-addr:value = '10.0.0.1'] START t'${at(0)}' STOP t'${at(5)}'`, TIMELINE, true],
  [`[ipv4-addr:value = '10.0.0.2'] START t'${at(8)}' STOP t'${at(12)}'`, TIMELINE, false],
  [`[ipv4-addr:value = '10.0.0.2'] START t'${at(8)}' STOP t'${at(13)}'`, TIMELINE, true],
  [`[ipv4-addr:value = '10.0.0.1'] REPEATS 2 TIMES START t'${at(0)}' STOP t'${at(4)}'`, TIMELINE, false],
  [`([ipv4-addr:value = '10.0.0.1'] FOLLOWEDBY [ipv4-addr:value = '10.0.0.2']) START t'${at(3)}' STOP t'${at(20)}'`, TIMELINE, true],
  ["([ipv4-addr:value = '10.0.0.1'] FOLLOWEDBY [domain-name:value = 'example.com']) REPEATS 2 TIMES", TIMELINE, false],
  ["([ipv4-addr:value = '10.0.0.1'] OR [domain-name:value = 'example.com']) REPEATS 3 TIMES", TIMELINE, true],
  ["[ipv4-addr:value = '10.0.0.1']", [], false],
  ["[ipv4-addr:value = '10.0.0.1'] OR [ipv4-addr:value = '10.0.0.1'] REPEATS 9 TIMES", TIMELINE, true],
];

describe('matching several observations', () => {
  it.each(OBSERVATIONS)('%s → %s', (source, observations, expected) => {
    expect(matches(source, observations)).toBe(expected);
  });

  it('stays bounded when a pattern could match in very many ways', () => {
    const many = Array.from({ length: 60 }, (_, i) => seen([ip('10.0.0.1')], i % 60));
    expect(matches("[ipv4-addr:value = '10.0.0.1'] REPEATS 10 TIMES", many)).toBe(true);
    expect(matches("([ipv4-addr:value = '10.0.0.1'] AND [ipv4-addr:value = '10.0.0.1']) AND [ipv4-addr:value = '10.0.0.9']", many)).toBe(false);
  });
});
