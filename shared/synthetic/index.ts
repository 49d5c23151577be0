/**
 * Deterministic synthetic STIX 2.1 data for `thiqa demo` and the benchmark: the public API of this folder.
 *
 * @example
 * await writeBundle(generateObjects({ seed: 1, count: 100_000 }), 'demo.json');
 */
export { generateObjects } from './stix-generator.ts';
export type { GenerateOptions } from './stix-generator.ts';
export { chunk, writeBundle } from './bundle-writer.ts';
export { SeededRandom } from './random.ts';
export type { Weighted } from './random.ts';
