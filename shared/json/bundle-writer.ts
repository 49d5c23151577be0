/**
 * Writing a STIX bundle from objects that are already JSON text, page by page, to any writable stream
 * (a file, stdout, an HTTP response): memory holds one page, never the bundle.
 */
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';

export interface WriteBundleResult {
  id: string;
  count: number;
  bytes: number;
}

/**
 * Writes `{"type":"bundle","id":…,"objects":[…]}` (no `objects` when there are none) with one object per
 * line, waiting for `drain` whenever the
 * stream asks to (so a slow pipe or disk slows the reading, instead of filling memory). The stream is not
 * ended: the caller may own it (stdout).
 *
 * @param pages the objects as JSON, text or UTF-8 bytes, in pages (each item one object, as stored).
 * @param options.id bundle id; `bundle--<random uuid>` by default.
 * @throws the stream's error (EPIPE when the reader of a pipe went away, ENOSPC…) or the iterable's.
 * @example
 * await writeBundleStream(pagesOfBodies, fs.createWriteStream('out.json'));
 */
export async function writeBundleStream(
  pages: AsyncIterable<readonly (string | Uint8Array)[]>,
  output: Writable,
  options: { id?: string } = {},
): Promise<WriteBundleResult> {
  const id = options.id ?? `bundle--${randomUUID()}`;
  let failure: Error | undefined;
  // Kept for the next await instead of surfacing as an unhandled 'error' event.
  const onError = (error: Error) => {
    failure ??= error;
  };
  output.on('error', onError);
  let count = 0;
  let bytes = 0;
  const write = async (chunk: string | Uint8Array) => {
    if (failure) throw failure;
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (!output.write(chunk)) await once(output, 'drain');
    if (failure) throw failure;
  };
  const separator = Buffer.from(',\n');
  const head = `{"type":"bundle","id":${JSON.stringify(id)}`;
  try {
    for await (const page of pages) {
      if (page.length === 0) continue;
      const parts: Uint8Array[] = [Buffer.from(count === 0 ? `${head},"objects":[\n` : ',\n')];
      page.forEach((item, i) => {
        if (i > 0) parts.push(separator);
        parts.push(typeof item === 'string' ? Buffer.from(item) : item);
      });
      await write(Buffer.concat(parts));
      count += page.length;
    }
    // STIX forbids empty lists: a bundle with no objects has no "objects" member at all.
    await write(count === 0 ? `${head}}\n` : '\n]}\n');
  } finally {
    output.off('error', onError);
  }
  return { id, count, bytes };
}
