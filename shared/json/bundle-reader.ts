/**
 * Reading STIX bundles of any size: the objects come out one by one while the input streams in, so a bundle
 * of a million objects (hundreds of megabytes, beyond what `JSON.parse` of the whole text can take) needs no
 * more memory than its largest object.
 */
import { BundleReadError } from './bundle-read-error.ts';
import { BundleScanner, type BundleHandlers } from './bundle-scanner.ts';

/**
 * `onMember` is called with each member of the bundle other than `objects` (`type`, `id`, `spec_version`…)
 * when it has been read — before the objects when the bundle lists them first, as bundles usually do;
 * `onObjectsEnd` when the `objects` list closes.
 */
export type ReadBundleOptions = BundleHandlers;

/**
 * Yields each element of the bundle's top-level `objects` array as soon as it is complete. The envelope is
 * checked on the way: the document must be a JSON object, `type` (when present) must be `"bundle"` and
 * `objects` (when present) a list. Elements are not validated as STIX objects: that is the caller's job.
 *
 * @param source UTF-8 bytes (a file or stdin stream) or text, split anywhere.
 * @throws BundleReadError for malformed JSON, text that is not UTF-8 or a document that is not a bundle,
 *   with the byte offset, line and column — after yielding every element that came before the fault.
 *   Errors of `source` itself (I/O) pass through unchanged.
 * @example
 * for await (const object of readBundleObjects(fs.createReadStream('big.json'))) count++;
 */
export async function* readBundleObjects(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ReadBundleOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const scanner = new BundleScanner(options);
  // ignoreBOM keeps a byte-order mark in the text, so byte offsets stay right; the scanner skips it.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let bytes = 0;
  const decode = (chunk: Uint8Array | undefined): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new BundleReadError('json.invalid_utf8', { offset: bytes, line: 0, column: 0 }, 'UTF-8 text', 'bytes that are not UTF-8', 'an invalid byte sequence is in the block that starts there');
    }
  };
  for await (const chunk of source) {
    // A text chunk after bytes: whatever the decoder holds (half a character) comes first.
    const text = typeof chunk === 'string' ? decode(undefined) + chunk : decode(chunk);
    if (typeof chunk !== 'string') bytes += chunk.byteLength;
    if (text.length > 0) yield* scan(scanner, text);
  }
  let rest: string;
  try {
    rest = decode(undefined);
  } catch (error) {
    // Half a character at the very end: the input was cut short. An unfinished document says so, at the
    // true end of the bytes (the scanner only saw the whole characters).
    try {
      scanner.end();
    } catch (ended) {
      if (!(ended instanceof BundleReadError) || ended.found !== 'end of input') throw ended;
      throw new BundleReadError(ended.code, { offset: bytes, line: ended.line, column: ended.column }, ended.expected, ended.found);
    }
    throw error;
  }
  if (rest.length > 0) yield* scan(scanner, rest);
  scanner.end();
}

/** The elements completed in `text`; on a fault, those before it come out first, then the error. */
function* scan(scanner: BundleScanner, text: string): Generator<unknown, void, undefined> {
  const out: unknown[] = [];
  try {
    scanner.write(text, out);
  } catch (error) {
    yield* out;
    throw error;
  }
  yield* out;
}

