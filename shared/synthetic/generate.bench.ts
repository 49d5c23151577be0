/**
 * One-off measurement of the generator's speed, not part of the test suite:
 *
 *   npx node shared/synthetic/generate.bench.ts [count=200000] [--json]
 *
 * With `--json` each object is also serialised, which is closer to what ingest pays.
 */
import { generateObjects } from './stix-generator.ts';

const count = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 200_000);
const serialise = process.argv.includes('--json');

const started = performance.now();
let characters = 0;
for (const object of generateObjects({ seed: 1, count })) {
  if (serialise) characters += JSON.stringify(object).length;
}
const seconds = (performance.now() - started) / 1000;
const heap = process.memoryUsage().heapUsed / 1e6;
console.log(
  `${count} objects in ${seconds.toFixed(2)} s: ${Math.round(count / seconds)} objects/s` +
    `${serialise ? `, ${(characters / count).toFixed(0)} JSON characters per object` : ''}, heap ${heap.toFixed(0)} MB`,
);
