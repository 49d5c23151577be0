/**
 * The main-thread side of the import worker (prepare-worker.ts): its messages, and its prepared batches through
 * `workerBatches` (worker-batches.ts), acknowledged as the caller asks for the next.
 */
import type { Prepared } from '../server/modules/exchange/services/object-ingest.ts';
import { workerBatches } from './worker-batches.ts';

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
export function prepareInWorker(file: string, batchSize: number): AsyncGenerator<Batch, End, undefined> {
  const input: WorkerInput = { file, batchSize };
  return workerBatches<WorkerMessage>(new URL('./prepare-worker.ts', import.meta.url), input, (code) => `the import worker stopped (exit code ${code}) before the end of ${file}`);
}
