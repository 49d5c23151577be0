/**
 * `thiqa misp import` on two threads: the worker (misp-convert-worker.ts) reads, checks, maps and validates the
 * MISP input while this thread stores the previous batch; as for `thiqa import`, SQLite's synchronous writes
 * would otherwise stop the conversion while they run. The worker stays at most two batches ahead.
 */
import type { ConversionSummary, ConvertedBatch } from '../server/modules/misp/services/misp-conversion.ts';
import type { BatchGuard } from '../server/modules/exchange/services/personal-data-guard.ts';
import { workerBatches } from './worker-batches.ts';

export interface MispWorkerInput {
  target: string;
  batchSize: number;
  guard: BatchGuard;
}

export type MispWorkerMessage =
  | { kind: 'batch'; batch: ConvertedBatch }
  | { kind: 'end'; summary: ConversionSummary }
  | { kind: 'error'; message: string; stack: string };

/** The converted batches of `target` (a MISP event file or feed folder), each through `guard`, then the summary. */
export async function* convertInWorker(target: string, batchSize: number, guard: BatchGuard): AsyncGenerator<ConvertedBatch, ConversionSummary, undefined> {
  const input: MispWorkerInput = { target, batchSize, guard };
  const batches = workerBatches<MispWorkerMessage>(new URL('./misp-convert-worker.ts', import.meta.url), input, (code) => `the MISP conversion worker stopped (exit code ${code}) before the end of ${target}`);
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done) return next.value.summary;
      yield next.value.batch;
    }
  } finally {
    await batches.return(undefined as never);
  }
}
