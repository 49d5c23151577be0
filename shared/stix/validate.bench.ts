/**
 * Validation throughput over the ATT&CK for ICS bundle (a script, not a test).
 * Run: npx node shared/stix/validate.bench.ts [rounds]
 */
import fs from 'node:fs';
import path from 'node:path';
import { hasErrors, validateObject } from './index.ts';

const file = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'stix', 'ics-attack-18.1.json');
const objects = (JSON.parse(fs.readFileSync(file, 'utf8')) as { objects: unknown[] }).objects;
const rounds = Number(process.argv[2] ?? 50);

function pass(): number {
  let errors = 0;
  for (const object of objects) if (hasErrors(validateObject(object))) errors++;
  return errors;
}

for (let i = 0; i < 5; i++) pass(); // warm up: compile every type, let the JIT settle

const byType = new Map<string, unknown[]>();
for (const object of objects) {
  const type = (object as { type: string }).type;
  byType.set(type, [...(byType.get(type) ?? []), object]);
}

const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
let errors = 0;
for (let i = 0; i < rounds; i++) errors += pass();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const validated = objects.length * rounds;
const rate = (time: number) => Math.round(validated / time).toLocaleString('en');

// CPU time is reported too: on a shared machine wall time also measures the neighbours.
console.log(`${validated} validations of ${objects.length} objects (${errors} with errors): `
  + `${rate(seconds)} objects/s wall (${(seconds / validated * 1e6).toFixed(2)} µs each), `
  + `${rate(cpuSeconds)} objects/s of CPU time (${(cpuSeconds / validated * 1e6).toFixed(2)} µs each)`);

for (const type of ['relationship', 'attack-pattern', 'x-mitre-analytic']) {
  const sample = byType.get(type) ?? [];
  const repeat = Math.max(1, Math.round(200_000 / Math.max(1, sample.length)));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) for (const object of sample) validateObject(object);
  const each = Number(process.hrtime.bigint() - t0) / 1e3 / (repeat * sample.length);
  console.log(`  ${type}: ${each.toFixed(2)} µs per object`);
}
