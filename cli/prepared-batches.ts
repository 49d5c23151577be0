/**
 * The main-thread side of the import worker (prepare-worker.ts): its messages, and its prepared batches through
 * `workerBatches` (worker-batches.ts), acknowledged as the caller asks for the next.
 */
import type { Prepared } from '../server/modules/exchange/services/object-ingest.ts';
import type { BatchGuard, GuardReport } from '../server/modules/exchange/services/personal-data-guard.ts';
import { workerBatches } from './worker-batches.ts';

export interface WorkerInput {
  file: string;
  batchSize: number;
  /** The personal-data guard each batch goes through before it is prepared. */
  guard: BatchGuard;
  /** Only scan for personal data (the check of a whole file before any of it is stored): nothing prepared. */
  scanOnly: boolean;
}

export interface MalformedInfo {
  code: string;
  message: string;
  offset: number;
  line: number;
  column: number;
}

export type WorkerMessage =
  | { kind: 'batch'; prepared: Prepared | null; objects: number; bytes: number; personalData: GuardReport }
  | { kind: 'end'; objects: number; bytes: number; malformed: MalformedInfo | null }
  | { kind: 'error'; message: string; stack: string };

type Batch = Extract<WorkerMessage, { kind: 'batch' }>;
type End = Extract<WorkerMessage, { kind: 'end' }>;

/**
 * Prepares the objects of a bundle file on a worker thread, each batch through `guard` first (with
 * `scanOnly`, only guarded: `prepared` is null); returns the end message (counts, fault).
 */
export function prepareInWorker(file: string, batchSize: number, guard: BatchGuard, scanOnly = false): AsyncGenerator<Batch, End, undefined> {
  const input: WorkerInput = { file, batchSize, guard, scanOnly };
  return workerBatches<WorkerMessage>(new URL('./prepare-worker.ts', import.meta.url), input, (code) => `the import worker stopped (exit code ${code}) before the end of ${file}`);
}
