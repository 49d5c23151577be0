/**
 * The main-thread side of a batch worker (`prepare-worker.ts` for `thiqa import`, `misp-convert-worker.ts` for
 * `thiqa misp import`): yields the batches as the worker posts them and acknowledges each one when the caller
 * asks for the next, which lets the worker go on (it stays at most two batches ahead); answers the worker's
 * end message; throws the worker's error, or its stopping before the end.
 */
import { Worker, type MessagePort } from 'node:worker_threads';

/** What a batch worker posts: batches, then an end, or an error. */
export type BatchWorkerMessage = { kind: 'batch' } | { kind: 'end' } | { kind: 'error'; message: string; stack: string };

/** `stopped`: the error's message when the worker stops before its end, given its exit code. */
export async function* workerBatches<M extends BatchWorkerMessage>(
  script: URL,
  workerData: unknown,
  stopped: (code: number) => string,
): AsyncGenerator<Extract<M, { kind: 'batch' }>, Extract<M, { kind: 'end' }>, undefined> {
  const worker = new Worker(script, {
    workerData,
    // A small young generation: the worker's objects die young, and V8's default on a large machine costs RSS.
    resourceLimits: { maxYoungGenerationSizeMb: 24 },
  });
  const queue: M[] = [];
  let failure: Error | undefined;
  let notify: (() => void) | undefined;
  const wake = () => {
    notify?.();
    notify = undefined;
  };
  worker.on('message', (message: M) => {
    queue.push(message);
    wake();
  });
  worker.on('error', (error) => {
    failure = error;
    wake();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(stopped(code));
    wake();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (notify = resolve));
      const message = queue.shift();
      if (!message) throw failure!;
      if (message.kind === 'end') return message as Extract<M, { kind: 'end' }>;
      if (message.kind === 'error') throw Object.assign(new Error(message.message), { stack: message.stack });
      yield message as Extract<M, { kind: 'batch' }>;
      worker.postMessage({ kind: 'ack' });
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}

/** How many batches a worker posts before it waits for the first to be acknowledged. */
const MAX_AHEAD = 2;

/**
 * The worker's side: `post` sends a message to the main thread; `posted` counts a batch just posted and waits
 * while MAX_AHEAD batches are not yet acknowledged, so memory holds a few batches whatever the input's size.
 */
export function batchPoster<M>(port: MessagePort): { post(message: M, transfer?: ArrayBuffer[]): void; posted(): Promise<void> } {
  let outstanding = 0;
  let wake: (() => void) | undefined;
  port.on('message', (message: { kind: string }) => {
    if (message.kind !== 'ack') return;
    outstanding--;
    wake?.();
    wake = undefined;
  });
  return {
    post: (message, transfer = []) => port.postMessage(message, transfer),
    posted: async () => {
      outstanding++;
      while (outstanding >= MAX_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
    },
  };
}
