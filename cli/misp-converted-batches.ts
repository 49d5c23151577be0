/**
 * `thiqa misp import` on two threads: the worker (misp-convert-worker.ts) reads, checks, maps and validates the
 * MISP input while this thread stores the previous batch; as for `thiqa import`, SQLite's synchronous writes
 * would otherwise stop the conversion while they run. The worker stays at most two batches ahead.
 */
import { Worker } from 'node:worker_threads';
import type { ConversionSummary, ConvertedBatch } from '../server/modules/misp/services/misp-conversion.ts';

export interface MispWorkerInput {
  target: string;
  batchSize: number;
}

export type MispWorkerMessage =
  | { kind: 'batch'; batch: ConvertedBatch }
  | { kind: 'end'; summary: ConversionSummary }
  | { kind: 'error'; message: string; stack: string };

/** The converted batches of `target` (a MISP event file or feed folder), then the summary. */
export async function* convertInWorker(target: string, batchSize: number): AsyncGenerator<ConvertedBatch, ConversionSummary, undefined> {
  const worker = new Worker(new URL('./misp-convert-worker.ts', import.meta.url), {
    workerData: { target, batchSize } satisfies MispWorkerInput,
    resourceLimits: { maxYoungGenerationSizeMb: 24 },
  });
  const queue: MispWorkerMessage[] = [];
  let failure: Error | undefined;
  let notify: (() => void) | undefined;
  const wake = () => {
    notify?.();
    notify = undefined;
  };
  worker.on('message', (message: MispWorkerMessage) => {
    queue.push(message);
    wake();
  });
  worker.on('error', (error) => {
    failure = error;
    wake();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the MISP conversion worker stopped (exit code ${code}) before the end of ${target}`);
    wake();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (notify = resolve));
      const message = queue.shift();
      if (!message) throw failure!;
      if (message.kind === 'end') return message.summary;
      if (message.kind === 'error') throw Object.assign(new Error(message.message), { stack: message.stack });
      yield message.batch;
      worker.postMessage({ kind: 'ack' });
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
