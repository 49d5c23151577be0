/**
 * Worker thread of `thiqa misp import`: converts the MISP input (`convertMispInput`, through the operator's
 * personal-data guard) and posts each batch,
 * waiting while two are not yet stored, so memory holds a few batches whatever the size of the feed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { convertMispInput } from '../server/modules/misp/services/misp-conversion.ts';
import { openMispInput } from '../shared/misp/feed-directory.ts';
import type { MispWorkerInput, MispWorkerMessage } from './misp-converted-batches.ts';
import { batchPoster } from './worker-batches.ts';

const { target, batchSize, guard } = workerData as MispWorkerInput;
const { post, posted } = batchPoster<MispWorkerMessage>(parentPort!);

try {
  const batches = convertMispInput(openMispInput(target), batchSize, guard);
  for (;;) {
    const next = batches.next();
    if (next.done) {
      post({ kind: 'end', summary: next.value });
      break;
    }
    // Each body has a buffer of its own (object-ingest.ts): handed over, not copied.
    post({ kind: 'batch', batch: next.value }, next.value.prepared.accepted.map((a) => a.version.body.buffer as ArrayBuffer));
    await posted();
  }
} catch (error) {
  post({ kind: 'error', message: (error as Error).message, stack: (error as Error).stack ?? '' });
}
