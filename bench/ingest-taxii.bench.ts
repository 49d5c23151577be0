/**
 * Ingest through TAXII: the bench client POSTs the bundle's objects as envelopes of 1,000 to an empty
 * collection on a server child process, one request at a time per client, and divides the objects by the
 * wall time from the first request to the last answer. The server validates and stores synchronously (the
 * status comes back complete), so the answer of the last POST means everything is stored.
 */
import { readObjectLines, type Dataset } from './dataset.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { checkDeadline, perSecond } from './stats.ts';
import { request, requestOk, type TaxiiTarget } from './taxii-client.ts';

/** Objects per envelope: large enough that per-request costs fade, far under max_content_length. */
export const ENVELOPE_OBJECTS = 1_000;

interface StatusReply {
  status?: string;
  success_count?: number;
  failure_count?: number;
  failures?: { id?: string; message?: string }[];
}

/**
 * POSTs every object of `dataset` with `clients` concurrent clients (each sequential), at most `limit`
 * objects. Answers the measurement; throws if the server refuses an envelope.
 */
export async function measureTaxiiIngest(
  target: TaxiiTarget,
  dataset: Dataset,
  database: DatabaseKind,
  options: { clients: number; limit: number; apiRoot: string; deadline: number },
): Promise<Measurement> {
  const maxContentLength = await readMaxContentLength(target, options.apiRoot);
  const batches = readObjectLines(dataset.file, ENVELOPE_OBJECTS);
  let taken = 0;
  let successes = 0;
  let failures = 0;
  let requests = 0;
  let largestBody = 0;
  const failureSamples: string[] = [];

  // Clients share one reader: an async generator serialises concurrent next() calls, so no batch is sent twice.
  const client = async () => {
    for (let guard = 0; guard < 1 + dataset.count / ENVELOPE_OBJECTS; guard++) {
      checkDeadline(options.deadline, 'TAXII ingest');
      if (taken >= options.limit) return;
      const next = await batches.next();
      if (next.done) return;
      const batch = next.value.slice(0, options.limit - taken);
      taken += batch.length;
      const body = `{"objects":[${batch.join(',')}]}`;
      largestBody = Math.max(largestBody, Buffer.byteLength(body));
      if (largestBody > maxContentLength) throw new Error(`an envelope of ${largestBody} bytes exceeds max_content_length ${maxContentLength}`);
      const reply = await requestOk(target, target.objectsPath, 202, body);
      requests++;
      const status = JSON.parse(reply.text) as StatusReply;
      successes += status.success_count ?? 0;
      failures += status.failure_count ?? 0;
      for (const f of status.failures ?? []) if (failureSamples.length < 5) failureSamples.push(`${f.id}: ${f.message}`);
    }
  };

  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: options.clients }, client));
  } finally {
    await batches.return(undefined);
  }
  const wallMs = performance.now() - started;
  return {
    name: `ingest: TAXII POST, ${options.clients} client${options.clients > 1 ? 's' : ''}`,
    database,
    size: taken,
    value: perSecond(taken, wallMs),
    unit: 'objects/s',
    goal: 'ingest',
    detail: { wallMs: Math.round(wallMs), requests, envelopeObjects: ENVELOPE_OBJECTS, largestBody, maxContentLength, successes, failures, failureSamples },
  };
}

async function readMaxContentLength(target: TaxiiTarget, apiRoot: string): Promise<number> {
  const reply = await request(target, `/${apiRoot}/`);
  if (reply.status !== 200) return Number.POSITIVE_INFINITY;
  return Number((JSON.parse(reply.text) as { max_content_length?: number }).max_content_length ?? Number.POSITIVE_INFINITY);
}
