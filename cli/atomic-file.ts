/** Writing an output file through a temporary name, so a failed command never leaves a truncated file. */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Runs `write` on a stream to `FILE.partial`, then renames it to `file`; on failure removes the partial file
 * and rethrows. Answers what `write` answered.
 */
export async function writeFileAtomically<T>(file: string, write: (stream: Writable) => Promise<T>): Promise<T> {
  const partial = `${file}.partial`;
  const stream = fs.createWriteStream(partial);
  try {
    const result = await write(stream);
    stream.end();
    await once(stream, 'finish');
    await fs.promises.rename(partial, file);
    return result;
  } catch (error) {
    stream.destroy();
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}
