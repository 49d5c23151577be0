/**
 * The main-thread side of the import worker (prepare-worker.ts): yields prepared batches as the worker
 * posts them and acknowledges each one when the caller asks for the next, which lets the worker go on.
 */
import { Worker } from 'node:worker_threads';
import type { Prepared } from '../server/modules/exchange/services/object-ingest.ts';

export interface WorkerInput {
  file: string;
  batchSize: number;
}

export interface MalformedInfo {
  code: string;
  message: string;
  offset: number;
  line: number;
  column: number;
}

export type WorkerMessage =
  | { kind: 'batch'; prepared: Prepared; objects: number; bytes: number }
  | { kind: 'end'; objects: number; bytes: number; malformed: MalformedInfo | null }
  | { kind: 'error'; message: string; stack: string };

type Batch = Extract<WorkerMessage, { kind: 'batch' }>;
type End = Extract<WorkerMessage, { kind: 'end' }>;

/** Prepares the objects of a bundle file on a worker thread; returns the end message (counts, fault). */
export async function* prepareInWorker(file: string, batchSize: number): AsyncGenerator<Batch, End, undefined> {
  const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), {
    workerData: { file, batchSize } satisfies WorkerInput,
    // A small young generation: the worker's objects die young, and V8's default on a large machine costs RSS.
    resourceLimits: { maxYoungGenerationSizeMb: 24 },
  });
  const queue: WorkerMessage[] = [];
  let failure: Error | undefined;
  let notify: (() => void) | undefined;
  const wake = () => {
    notify?.();
    notify = undefined;
  };
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    wake();
  });
  worker.on('error', (error) => {
    failure = error;
    wake();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the import worker stopped (exit code ${code}) before the end of ${file}`);
    wake();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (notify = resolve));
      const message = queue.shift();
      if (!message) throw failure!;
      if (message.kind === 'end') return message;
      if (message.kind === 'error') throw Object.assign(new Error(message.message), { stack: message.stack });
      yield message;
      worker.postMessage({ kind: 'ack' });
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
