/**
 * Worker thread of `thiqa import`: reads a bundle file, guards its objects' personal data (`guardForStore`:
 * findings listed, or redacted), validates them (`prepareObjects`) and posts them in batches, while the
 * main thread stores the previous batch. On two cores this doubles the import rate: SQLite writes are synchronous and would otherwise stop parsing while they run.
 * It stays at most two batches ahead of the store (`batchPoster`, worker-batches.ts), so memory holds a few batches whatever the file size.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { prepareObjects } from '../server/modules/exchange/services/object-ingest.ts';
import { guardForStore } from '../server/modules/exchange/services/personal-data-guard.ts';
import { isBundleReadError, readBundleObjects } from '../shared/json/index.ts';
import type { WorkerInput, WorkerMessage } from './prepared-batches.ts';
import { batchPoster } from './worker-batches.ts';

const { file, batchSize, guard, scanOnly } = workerData as WorkerInput;
const { post, posted } = batchPoster<WorkerMessage>(parentPort!);
let bytes = 0;
let seen = 0;
let batch: unknown[] = [];

async function send(): Promise<void> {
  if (batch.length === 0) return;
  const objects = batch;
  batch = [];
  const offset = seen - objects.length;
  const guarded = guardForStore(objects, offset, guard);
  post({ kind: 'batch', prepared: scanOnly ? null : prepareObjects(guarded.objects, offset), objects: objects.length, bytes, personalData: guarded.report });
  await posted();
}

async function* counted(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) {
    bytes += chunk.byteLength;
    yield chunk;
  }
}

try {
  for await (const object of readBundleObjects(counted(fs.createReadStream(file, { highWaterMark: 1 << 20 })))) {
    batch.push(object);
    seen++;
    if (batch.length >= batchSize) await send();
  }
  await send();
  post({ kind: 'end', objects: seen, bytes, malformed: null });
} catch (error) {
  if (isBundleReadError(error)) {
    // The objects before the fault are complete: they go to the store like the others.
    await send();
    const { code, message, offset, line, column } = error;
    post({ kind: 'end', objects: seen, bytes, malformed: { code, message, offset, line, column } });
  } else {
    post({ kind: 'error', message: (error as Error).message, stack: (error as Error).stack ?? '' });
  }
}
