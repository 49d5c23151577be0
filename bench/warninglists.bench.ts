/**
 * MISP warning lists (no store): reading the 136 real lists (`../shared/data/misp/warninglists`), building the
 * `WarningListIndex` over all of them, and checking values against it — the work the web UI's object reads do
 * for every observable and indicator they show (goal: ≥ 100,000 values/s). The values are half on a list
 * (addresses inside the lists' networks, subdomains of their hosts, their strings and hashes) and half not
 * (random addresses, domains, URLs, e-mail addresses and hashes), seeded, over every kind; and STIX objects
 * (observables and two-value indicator patterns) read and checked whole as `flagsOf` does.
 * Rates are per wall-clock second (median of 5 runs), with the best run and the rate per CPU second (user +
 * system, less moved by other work on the machine) in the detail.
 * Run with `node bench/warninglists.bench.ts` alone, or as part of `npm run bench`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PatternValueKind } from '../shared/stix/pattern-values.ts';
import { SeededRandom } from '../shared/synthetic/random.ts';
import { parseNetwork } from '../shared/warninglists/ip-address.ts';
import { objectValues } from '../shared/warninglists/object-values.ts';
import { readWarningList, type WarningList } from '../shared/warninglists/warninglist-file.ts';
import { WarningListIndex } from '../shared/warninglists/warninglist-index.ts';
import { ROOT } from './child.ts';
import type { Measurement } from './measurement.ts';
import { median } from './stats.ts';

const VALUES = 200_000;
const REPEATS = 5;

/** The lists beside the project, when they are there. */
export function warningListsDir(): string | undefined {
  const dir = path.resolve(ROOT, '..', 'shared', 'data', 'misp', 'warninglists');
  return fs.existsSync(dir) ? dir : undefined;
}

/** User plus system CPU time of a `process.cpuUsage(start)` difference, in ms: less moved by other work on the machine than wall time. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

type Probe = [PatternValueKind, string, string | undefined];

const v4Text = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

function probes(lists: readonly WarningList[], random: SeededRandom, count: number): Probe[] {
  const pick = <T>(items: readonly T[]) => items[random.int(0, items.length - 1)]!;
  const of = (type: WarningList['type']) => lists.filter((l) => l.type === type && l.entries.length);
  const cidr = of('cidr');
  const hostnames = of('hostname');
  const strings = of('string');
  const listed = (): Probe => {
    switch (random.int(0, 3)) {
      case 0: {
        const network = parseNetwork(pick(pick(cidr).entries))!;
        if (network.family === 6) return ['ipv6-addr', pick(pick(cidr).entries).split('/')[0]!, undefined];
        const { first, last } = network.range;
        return ['ipv4-addr', v4Text(first + Math.floor(random.next() * (last - first + 1))), undefined];
      }
      case 1:
        return ['domain-name', `www.${pick(pick(hostnames).entries).replace(/^\./, '')}`, undefined];
      case 2:
        return ['domain-name', pick(pick(strings).entries), undefined];
      default:
        return ['url', `https://${pick(pick(hostnames).entries).replace(/^\./, '')}/index.html`, undefined];
    }
  };
  const unlisted = (): Probe => {
    switch (random.int(0, 5)) {
      case 0:
        return ['ipv4-addr', v4Text(random.int(0, 2 ** 32 - 1)), undefined];
      case 1:
        return ['ipv6-addr', `2a0${random.int(0, 9)}:${random.hex(4)}:${random.hex(4)}::${random.hex(4)}`, undefined];
      case 2:
        return ['domain-name', `${random.hex(8)}.${random.hex(6)}.example`, undefined];
      case 3:
        return ['url', `http://${random.hex(10)}.example/${random.hex(12)}?q=${random.hex(6)}`, undefined];
      case 4:
        return ['email-addr', `${random.hex(8)}@${random.hex(7)}.example`, undefined];
      default:
        return ['file-hash', random.hex(64), 'SHA-256'];
    }
  };
  return Array.from({ length: count }, () => (random.chance(0.5) ? listed() : unlisted()));
}

export function measureWarningLists(dir: string): Measurement[] {
  const readStarted = performance.now();
  const lists: WarningList[] = [];
  for (const folder of fs.readdirSync(dir).sort()) {
    const read = readWarningList(fs.readFileSync(path.join(dir, folder, 'list.json')), `${folder}/list.json`);
    if (read.ok) lists.push(read.list);
  }
  const readMs = performance.now() - readStarted;
  const entries = lists.reduce((n, l) => n + l.entries.length, 0);
  const buildStarted = performance.now();
  const index = new WarningListIndex(lists);
  const buildMs = performance.now() - buildStarted;
  const values = probes(lists, new SeededRandom(2026), VALUES);
  let hits = 0;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    hits = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const [kind, value, algorithm] of values) if (index.hits(kind, value, algorithm).length) hits++;
    cpuTimes.push(cpuMs(process.cpuUsage(cpu)));
    times.push(performance.now() - started);
  }
  const perSecond = (VALUES / median(times)) * 1000;
  // STIX objects as flagsOf reads them: half observables, half indicators comparing two values.
  const objects = values.map(([kind, value], i) =>
    i % 2 === 0 && kind !== 'file-hash'
      ? { type: kind, value }
      : { type: 'indicator', pattern_type: 'stix', pattern: `[domain-name:value = '${values[(i + 1) % VALUES]![1].replace(/'/g, '')}'] OR [ipv4-addr:value = '${v4Text(i * 7919)}']` },
  );
  const objectTimes: number[] = [];
  const objectCpuTimes: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const object of objects) index.hitsOf(objectValues(object));
    objectCpuTimes.push(cpuMs(process.cpuUsage(cpu)));
    objectTimes.push(performance.now() - started);
  }
  const objectsPerSecond = (objects.length / median(objectTimes)) * 1000;
  return [
    { name: `warning lists: read ${lists.length} MISP lists`, database: 'none', size: entries, value: readMs, unit: 'ms', detail: { lists: lists.length, entries } },
    { name: 'warning lists: build the index', database: 'none', size: entries, value: buildMs, unit: 'ms' },
    { name: 'warning lists: values checked (half listed)', database: 'none', size: VALUES, value: perSecond, unit: 'values/s', goal: 'warninglistCheck', detail: { listed: hits, runs: times.map(Math.round), bestPerSecond: Math.round((VALUES / Math.min(...times)) * 1000), perCpuSecond: Math.round((VALUES / median(cpuTimes)) * 1000) } },
    { name: 'warning lists: objects flagged (observables, 2-value patterns)', database: 'none', size: objects.length, value: objectsPerSecond, unit: 'objects/s', detail: { runs: objectTimes.map(Math.round), bestPerSecond: Math.round((objects.length / Math.min(...objectTimes)) * 1000), perCpuSecond: Math.round((objects.length / median(objectCpuTimes)) * 1000) } },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = warningListsDir();
  if (!dir) throw new Error('the MISP warning lists are not beside the project (../shared/data/misp/warninglists)');
  for (const m of measureWarningLists(dir)) console.log(`${m.name}: ${Math.round(m.value).toLocaleString('en-US')} ${m.unit}${m.detail ? ` ${JSON.stringify(m.detail)}` : ''}`);
}
