/** Where bundles come from: files, every `*.json` of a folder, or stdin (`-`). Nothing is read until asked. */
import fs from 'node:fs';
import path from 'node:path';
import { notFound } from '../server/core/errors.ts';

export interface InputSource {
  /** As shown to the user: the path given, or `<stdin>`. */
  name: string;
  /** Size in bytes when known (files), for the progress bar. */
  size: number | undefined;
  /** The file's path, for readers on another thread; undefined for stdin. */
  file?: string | undefined;
  /** Opens the bytes; the stream is closed when iteration stops, early or not. */
  open(): AsyncIterable<Uint8Array>;
}

/** Large reads: fewer, cheaper chunks for the scanner; memory stays at one chunk. */
const READ_CHUNK = 1 << 20;

function fileSource(file: string, size: number): InputSource {
  return { name: file, size, file, open: () => fs.createReadStream(file, { highWaterMark: READ_CHUNK }) };
}

/** The notice for a path that names nothing. */
function noSuchFile(given: string) {
  return notFound('file.not_found', `there is no file or folder "${given}"`, { path: given });
}

/**
 * The whole text of a small file named on the command line (a framework, an edition, a CSV of results).
 * @throws DomainError not_found `file.not_found` for a path that does not exist.
 */
export function readTextFile(given: string): string {
  if (!fs.existsSync(given)) throw noSuchFile(given);
  return fs.readFileSync(given, 'utf8');
}

/**
 * The sources named on the command line, in order; a folder gives its `*.json` files sorted by name.
 * @throws DomainError not_found `file.not_found` for a path that does not exist, `file.no_bundles` for a
 *   folder without `*.json` files.
 */
export async function resolveSources(paths: readonly string[]): Promise<InputSource[]> {
  const sources: InputSource[] = [];
  for (const given of paths) {
    if (given === '-') {
      sources.push({ name: '<stdin>', size: undefined, open: () => process.stdin });
      continue;
    }
    const stat = await fs.promises.stat(given).catch(() => undefined);
    if (!stat) throw noSuchFile(given);
    if (!stat.isDirectory()) {
      sources.push(fileSource(given, stat.size));
      continue;
    }
    const names = (await fs.promises.readdir(given)).filter((name) => name.endsWith('.json')).sort();
    if (names.length === 0) throw notFound('file.no_bundles', `folder "${given}" has no *.json file`, { path: given });
    for (const name of names) {
      const file = path.join(given, name);
      const fileStat = await fs.promises.stat(file);
      if (fileStat.isFile()) sources.push(fileSource(file, fileStat.size));
    }
  }
  return sources;
}

/** Passes the chunks of `source` through, telling `onBytes` how many bytes each had. */
export async function* countBytes(source: AsyncIterable<Uint8Array>, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    onBytes(chunk.byteLength);
    yield chunk;
  }
}
