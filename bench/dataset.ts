/**
 * The benchmark's data: N objects from the shared deterministic generator (fixed seed), streamed to a
 * bundle file, and a cheap way to read that file back in batches of raw object text.
 *
 * `writeBundle` puts one object per line, so the bench client can cut envelopes and ceiling rows out of the
 * file line by line without parsing a single object: the client's own CPU then hardly competes with the
 * server for this machine's two cores.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { generateObjects } from '../shared/synthetic/stix-generator.ts';
import { writeBundle } from '../shared/synthetic/bundle-writer.ts';

/** Every run uses this seed, so numbers from different runs and machines measure the same objects. */
export const SEED = 20_250_106;

export interface Dataset {
  file: string;
  count: number;
  bytes: number;
  /** Distinct STIX ids: the number of latest versions a full `match[version]=last` read must return. */
  distinctIds: number;
  /** Objects of type indicator among the latest versions. */
  latestIndicators: number;
  generateMs: number;
}

/**
 * Generates `count` objects (marked from `markingRefs`, the generator's TLP mix by default) and writes them to `file`. Generation and writing are timed together: this is
 * the cost of making the input, reported apart and never counted in any ingest figure.
 */
export async function createDataset(file: string, count: number, markingRefs?: readonly string[]): Promise<Dataset> {
  // Latest type per id: a Map of a million short strings is ~100 MB in the bench process, which is not measured.
  const typeOf = new Map<string, string>();
  function* tracked() {
    for (const object of generateObjects({ seed: SEED, count, ...(markingRefs ? { markingRefs } : {}) })) {
      typeOf.set(object.id as string, object.type as string);
      yield object;
    }
  }
  const started = performance.now();
  const written = await writeBundle(tracked(), file, { id: 'bundle--00000000-0000-4000-8000-000000000b0b' });
  const generateMs = performance.now() - started;
  let latestIndicators = 0;
  for (const type of typeOf.values()) if (type === 'indicator') latestIndicators++;
  return { file, count: written.count, bytes: written.bytes, distinctIds: typeOf.size, latestIndicators, generateMs };
}

/**
 * Reads a bundle written by `writeBundle` as batches of raw object JSON (one string per object, no trailing
 * comma), at most `size` per batch. Throws if a line is not an object line, so a change of the writer's
 * layout fails loudly instead of skewing the numbers.
 */
export async function* readObjectLines(file: string, size: number): AsyncGenerator<string[]> {
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let batch: string[] = [];
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (lineNumber === 1 || line === ']}' || line === '') continue; // the bundle header and footer
      if (!line.startsWith('{')) throw new Error(`${file}:${lineNumber}: not one object per line`);
      batch.push(line.endsWith(',') ? line.slice(0, -1) : line);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    lines.close();
    input.destroy();
    if (!input.closed) await once(input, 'close');
  }
}

/** The `id` and `modified` (else `created`) of a raw object line, found without parsing the whole line. */
export function versionKeyOf(line: string): string {
  const field = (name: string) => {
    const at = line.indexOf(`"${name}":"`);
    return at < 0 ? '' : line.slice(at + name.length + 4, line.indexOf('"', at + name.length + 4));
  };
  return `${field('id')}@${field('modified') || field('created')}`;
}
