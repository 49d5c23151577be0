/**
 * Pushing objects: envelopes cut so each request body stays within the API root's `max_content_length`
 * (the UTF-8 bytes of the serialised envelope, measured, not estimated), and polling a status until the
 * server says it is complete, with a bounded backoff.
 */
import type { PushStatus } from './taxii-remote.ts';

/** `{"objects":[` + `]}`: what an envelope costs around its objects. */
const ENVELOPE_BYTES = Buffer.byteLength('{"objects":[]}', 'utf8');

export interface EnvelopePlan {
  /** Serialised request bodies, each within the limit, in the order of the objects. */
  bodies: { body: string; count: number }[];
  /** Objects that would exceed the limit even alone: never sent. */
  tooLarge: { id: string; version?: string; bytes: number }[];
}

function identify(object: unknown): { id: string; version?: string } {
  const { id, modified, created } = (object ?? {}) as { id?: unknown; modified?: unknown; created?: unknown };
  const version = typeof modified === 'string' ? modified : typeof created === 'string' ? created : undefined;
  return { id: typeof id === 'string' ? id : '(no id)', ...(version ? { version } : {}) };
}

/** Cuts `objects` into envelopes of at most `maxBytes` each (a body is exactly what is sent). */
export function planEnvelopes(objects: readonly unknown[], maxBytes: number): EnvelopePlan {
  const bodies: EnvelopePlan['bodies'] = [];
  const tooLarge: EnvelopePlan['tooLarge'] = [];
  let parts: string[] = [];
  let bytes = ENVELOPE_BYTES;
  const flush = () => {
    if (parts.length === 0) return;
    bodies.push({ body: `{"objects":[${parts.join(',')}]}`, count: parts.length });
    parts = [];
    bytes = ENVELOPE_BYTES;
  };
  for (const object of objects) {
    const json = JSON.stringify(object);
    const size = Buffer.byteLength(json, 'utf8');
    if (ENVELOPE_BYTES + size > maxBytes) {
      tooLarge.push({ ...identify(object), bytes: size });
      continue;
    }
    if (bytes + 1 + size > maxBytes) flush();
    bytes += (parts.length === 0 ? 0 : 1) + size;
    parts.push(json);
  }
  flush();
  return { bodies, tooLarge };
}

/** The status the client reports for objects it kept back, each alone beyond `max_content_length`. */
export function tooLargeStatus(tooLarge: EnvelopePlan['tooLarge'], maxBytes: number): PushStatus {
  return {
    id: 'not-sent',
    status: 'complete',
    totalCount: tooLarge.length,
    successCount: 0,
    failureCount: tooLarge.length,
    pendingCount: 0,
    failures: tooLarge.map(({ id, version, bytes }) => ({
      id,
      ...(version ? { version } : {}),
      message: `not sent: ${bytes} bytes alone, beyond the API root's max_content_length of ${maxBytes}`,
    })),
    local: true,
  };
}

export interface PollOptions {
  /** Polls after the first answer, at most (default 8). */
  maxPolls?: number;
  /** The first wait in ms, doubled each time up to `maxDelayMs` (defaults 100 and 5,000). */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Polls `read` until the status is complete or the polls are spent; answers the last status read. */
export async function pollUntilComplete(first: PushStatus, read: () => Promise<PushStatus>, options: PollOptions = {}, signal?: AbortSignal): Promise<PushStatus> {
  let status = first;
  let delay = options.initialDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 5_000;
  for (let poll = 0; status.status !== 'complete' && poll < (options.maxPolls ?? 8); poll++) {
    await sleep(delay, signal);
    delay = Math.min(delay * 2, maxDelay);
    status = await read();
  }
  return status;
}
