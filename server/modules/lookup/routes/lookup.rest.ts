/** REST handlers of the Lookup module (see the declarations in `lookup-rest-endpoints.ts`). */
import { invalid, tooLarge } from '../../../core/errors.ts';
import type { RestRouter } from '../../../core/rest/rest-router.ts';
import { presentAnswer, presentAnswers, presentCorrelations } from '../presenters/lookup.presenter.ts';
import type { LookupService } from '../services/lookup.service.ts';
import { LOOKUP_MAX_BYTES, LOOKUP_REST_ENDPOINTS as E } from './lookup-rest-endpoints.ts';

/** The text of an upload, refused as soon as more than `max` bytes arrive. */
async function readText(stream: AsyncIterable<Uint8Array>, max: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge('content.too_large', `the request body is larger than the limit of ${max} bytes`, { max });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The `values` of a bulk lookup's body. */
function valuesOf(text: string): string[] {
  const malformed = (why: string) => invalid('lookup.malformed_body', `a bulk lookup's body is a JSON object {"values": [...]} of strings: ${why}`, {});
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw malformed('the body is not JSON');
  }
  const values = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { values?: unknown }).values : undefined;
  if (!Array.isArray(values)) throw malformed('"values" is missing or not a list');
  if (!values.every((v) => typeof v === 'string')) throw malformed('"values" holds something other than strings');
  return values as string[];
}

export function lookupRestRoutes(router: RestRouter, lookup: LookupService): void {
  router.handle(E.lookupValue, async ({ actor, query }) => {
    const value = typeof query.value === 'string' ? query.value.trim() : '';
    if (value === '') throw invalid('request.missing_field', 'the query needs "value": the value to look up', { field: 'value', in: 'query' });
    return presentAnswer(await lookup.lookup(actor, value));
  });
  router.handle(E.objectCorrelations, async ({ actor, params }) => presentCorrelations(await lookup.correlationsOf(actor, params.id!, params.object_id!)));
  router.handle(E.lookupValues, async ({ actor, stream }) => presentAnswers(await lookup.lookupMany(actor, valuesOf(await readText(stream, LOOKUP_MAX_BYTES)))));
}
