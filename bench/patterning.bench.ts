/**
 * STIX patterning (no store): validating indicator patterns as ingest does — lexing, parsing and checking the
 * rules of §9 (goal: ≥ 50,000 patterns/s) — and matching the valid ones against one observation (which most
 * do not match, as in real use). The patterns are seeded and mixed like real feeds: single values (addresses,
 * domains, URLs, hashes), two-value comparisons, compound observations with qualifiers, CIDR and LIKE tests,
 * and one in ten invalid (bad syntax or AND across object types).
 * Rates are per wall-clock second (median of 5 runs), with the best run and the rate per CPU second in the detail.
 * Run with `node bench/patterning.bench.ts` alone, or as part of `npm run bench`.
 */
import { matchPattern, parsePattern, type Observation, type Pattern } from '../shared/stix/patterning/index.ts';
import { SeededRandom } from '../shared/synthetic/random.ts';
import type { Measurement } from './measurement.ts';
import { median } from './stats.ts';

const PATTERNS = 100_000;
const REPEATS = 5;

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function pattern(random: SeededRandom): string {
  const ip = () => `${random.int(1, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(0, 255)}`;
  const domain = () => `${random.hex(8)}.example`;
  switch (random.int(0, 9)) {
    case 0: return `[ipv4-addr:value = '${ip()}']`;
    case 1: return `[domain-name:value = '${domain()}']`;
    case 2: return `[url:value = 'https://${domain()}/${random.hex(12)}?q=${random.hex(6)}']`;
    case 3: return `[file:hashes.'SHA-256' = '${random.hex(64)}']`;
    case 4: return `[file:name = '${random.hex(6)}.exe' AND file:hashes.MD5 = '${random.hex(32)}']`;
    case 5: return `[network-traffic:dst_ref.value ISSUBSET '${ip()}/24' AND network-traffic:dst_port = ${random.int(1, 65535)}]`;
    case 6: return `([ipv4-addr:value = '${ip()}'] FOLLOWEDBY [domain-name:value LIKE '%.${random.hex(5)}.example']) WITHIN 600 SECONDS`;
    case 7: return `[email-message:from_ref.value MATCHES '^.+@${random.hex(6)}\\\\.example$' AND email-message:subject LIKE 'Invoice%'] REPEATS 3 TIMES`;
    case 8: return `[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.${random.int(0, 9)}] START t'2026-01-01T00:00:00Z' STOP t'2026-02-01T00:00:00.000Z'`;
    default: return random.chance(0.5) ? `[file:name = '${random.hex(6)}' AND url:value = 'x']` : `[ipv4-addr:value = '${ip()}'`;
  }
}

function rate(work: () => void, count: number): { perSecond: number; best: number; perCpuSecond: number; runs: number[] } {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    work();
    cpuTimes.push(cpuMs(process.cpuUsage(cpu)));
    times.push(performance.now() - started);
  }
  return {
    perSecond: (count / median(times)) * 1000,
    best: Math.round((count / Math.min(...times)) * 1000),
    perCpuSecond: Math.round((count / median(cpuTimes)) * 1000),
    runs: times.map(Math.round),
  };
}

export function measurePatterning(): Measurement[] {
  const random = new SeededRandom(2026);
  const sources = Array.from({ length: PATTERNS }, () => pattern(random));
  let invalid = 0;
  const validation = rate(() => {
    invalid = 0;
    for (const source of sources) if (!parsePattern(source).ok) invalid++;
  }, PATTERNS);
  const parsed = sources.map((source) => parsePattern(source)).flatMap((r) => (r.ok ? [r.pattern] : [])) as Pattern[];
  const observation: Observation[] = [{
    first_observed: '2026-01-10T00:00:00Z', last_observed: '2026-01-10T00:00:00Z', number_observed: 1,
    objects: [
      { type: 'network-traffic', id: 'network-traffic--1', dst_ref: 'ipv4-addr--1', dst_port: 443 },
      { type: 'ipv4-addr', id: 'ipv4-addr--1', value: '10.1.2.3' },
      { type: 'domain-name', id: 'domain-name--1', value: 'abcdef01.example' },
      { type: 'file', id: 'file--1', name: 'abcdef.exe', hashes: { MD5: '0123456789abcdef0123456789abcdef' } },
    ],
  }];
  let matched = 0;
  const matching = rate(() => {
    matched = 0;
    for (const p of parsed) if (matchPattern(p, observation)) matched++;
  }, parsed.length);
  return [
    { name: 'patterning: patterns validated (1 in 10 invalid)', database: 'none', size: PATTERNS, value: validation.perSecond, unit: 'patterns/s', goal: 'patternValidation',
      detail: { invalid, runs: validation.runs, bestPerSecond: validation.best, perCpuSecond: validation.perCpuSecond } },
    { name: 'patterning: patterns matched against an observation', database: 'none', size: parsed.length, value: matching.perSecond, unit: 'patterns/s',
      detail: { matched, runs: matching.runs, bestPerSecond: matching.best, perCpuSecond: matching.perCpuSecond } },
  ];
}

if (process.argv[1] === import.meta.filename) {
  for (const m of measurePatterning()) console.log(`${m.name}: ${Math.round(m.value)} ${m.unit}`, m.detail);
}
