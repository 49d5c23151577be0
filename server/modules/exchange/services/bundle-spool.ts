/**
 * A bundle written whole to a temporary file before it is sent: for a download whose headers say what writing
 * it found (how many objects of a redacted export held personal data), which a streamed download could only
 * say once its headers were gone. Memory stays at one page; the file is removed once the reader is done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { writeBundleStream } from '../../../../shared/json/index.ts';

/**
 * Writes `pages` as one bundle to a temporary file and answers it as a stream, removed when the stream
 * closes (read to its end, or given up by the client).
 */
export async function spoolBundle(pages: AsyncIterable<Uint8Array[]>): Promise<Readable> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'thiqa-export-'));
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  const file = path.join(dir, 'bundle.json');
  try {
    const out = fs.createWriteStream(file);
    await writeBundleStream(pages, out);
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  } catch (error) {
    await remove();
    throw error;
  }
  const stream = fs.createReadStream(file);
  stream.on('close', () => void remove());
  return stream;
}
