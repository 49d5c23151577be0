/**
 * A JSON request body read as both HTTP adapters (TAXII and REST) read it: at most `max` bytes, refused as
 * soon as more arrives (or at once when the declared Content-Length is larger), so a large body is never held.
 * A small uploaded file (a CSV) is read to text the same way.
 */
import { invalid, tooLarge } from './errors.ts';

/**
 * Reads and parses the body of `request`. `limitText` says whose limit it is, for the error message.
 * @throws DomainError `too_large` `content.too_large`; `invalid` `content.malformed_json`.
 */
export async function readBoundedJson(request: Request, max: number, limitText: string): Promise<unknown> {
  const over = () => tooLarge('content.too_large', `the request body is larger than ${limitText} of ${max} bytes`, { max });
  if (Number(request.headers.get('content-length') ?? NaN) > max) throw over();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw over();
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw invalid('content.malformed_json', `the request body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The UTF-8 text of a small upload (the `stream` of an `upload` endpoint), refused as soon as more than `max`
 * bytes arrive.
 * @throws DomainError `too_large` `content.too_large`.
 */
export async function readBoundedText(source: AsyncIterable<Uint8Array>, max: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge('content.too_large', `the request body is larger than the limit of ${max} bytes`, { max });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
