/**
 * Streaming output of STIX bundles: a million objects go to disk without the bundle ever being in memory,
 * and batching helpers for code that ingests in chunks.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';

/** Text gathered before one write: large enough to keep syscalls few, small enough to stay flat. */
const FLUSH_AT = 64 * 1024;
const BUNDLE_ID = /^bundle--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Writes `{"type":"bundle","id":…,"objects":[…]}` to `file`, one object per line, honouring the stream's
 * backpressure. The file is replaced if it exists.
 *
 * @param options.id the bundle id (`bundle--<uuid>`); a random one by default.
 * @returns how many objects and bytes were written.
 * @throws RangeError for a malformed `options.id`; any error of the iterable or the file system (the partial
 *   file is left behind).
 * @example
 * await writeBundle(generateObjects({ count: 100_000 }), 'data/demo.json');
 */
export async function writeBundle(
  objects: Iterable<Record<string, unknown>>,
  file: string,
  options: { id?: string } = {},
): Promise<{ count: number; bytes: number }> {
  const id = options.id ?? `bundle--${randomUUID()}`;
  if (!BUNDLE_ID.test(id)) throw new RangeError(`not a bundle id: ${id}`);
  const stream = fs.createWriteStream(file);
  // Keep the stream's error until the next await point, instead of an unhandled 'error' event.
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  let count = 0;
  let bytes = 0;
  let pending = `{"type":"bundle","id":${JSON.stringify(id)},"objects":[`;

  const write = async (text: string): Promise<void> => {
    if (failure) throw failure;
    bytes += Buffer.byteLength(text);
    // 'once' rejects if the stream emits 'error' while we wait.
    if (!stream.write(text)) await once(stream, 'drain');
  };

  try {
    for (const object of objects) {
      pending += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(object)}`;
      count++;
      if (pending.length >= FLUSH_AT) {
        await write(pending);
        pending = '';
      }
    }
    await write(`${pending}${count === 0 ? '' : '\n'}]}\n`);
    stream.end();
    await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    throw failure ?? error;
  }
  if (failure) throw failure;
  return { count, bytes };
}

/**
 * Groups `items` into arrays of `size` (the last may be shorter), lazily: only one chunk is held at a time.
 *
 * @throws RangeError when `size` is not a positive integer.
 * @example
 * for (const batch of chunk(generateObjects({ count: 10_000 }), 500)) await store.putMany(batch);
 */
export function* chunk<T>(items: Iterable<T>, size: number): Generator<T[]> {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
