/**
 * Keeping the links going: one loop per link, so a slow or failing peer never holds up another. A scheduled
 * link runs every `intervalSeconds`; a continuous one polls its peer every `pollMs` and its push is woken at
 * once by a local store into its collection (in this process), unless it is backing off. A failing link waits
 * longer each time (1 s, 2 s, 4 s … at most 5 minutes) before it is tried again. Aborting the signal lets each
 * loop finish the page in hand (its cursor saved) and then stop; links added meanwhile are picked up on the
 * next look, and the loop of a link removed meanwhile ends.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import type { LinkRow } from '../repositories/link.repository.ts';
import type { LinkReport, SyncService } from './sync.service.ts';

export interface RunnerOptions {
  intervalSeconds: number;
  pollMs: number;
  /** Called after every run of a link. */
  onReport?: (report: LinkReport) => void;
  /** Called when a run failed on this side (the store), before it is tried again. */
  onError?: (error: unknown) => void;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/** How long a link waits before its next run. */
export function delayAfter(link: Pick<LinkRow, 'mode' | 'failures'>, options: Pick<RunnerOptions, 'intervalSeconds' | 'pollMs'>): number {
  if (link.failures > 0) return Math.min(1000 * 2 ** Math.min(link.failures - 1, 20), MAX_BACKOFF_MS);
  return link.mode === 'continuous' ? options.pollMs : options.intervalSeconds * 1000;
}

/** Sleeps `ms`, or less when woken or aborted. */
function pause(ms: number, signal: AbortSignal, wake: { resolve?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      wake.resolve = undefined;
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    wake.resolve = done;
  });
}

/** Runs every link until `signal` aborts; resolves when every loop has stopped. */
export async function runSync(sync: SyncService, actor: Actor, signal: AbortSignal, options: RunnerOptions): Promise<void> {
  const loops = new Map<string, Promise<void>>();
  const wakers = new Map<string, { resolve?: () => void; pending: boolean }>();
  const stop = sync.onStored((collectionId) => {
    for (const [linkId, waker] of wakers) {
      if (waker.resolve && linkCollections.get(linkId) === collectionId) waker.resolve();
      else if (linkCollections.get(linkId) === collectionId) waker.pending = true;
    }
  });
  const linkCollections = new Map<string, string>();

  // When the store cannot say, the link is taken to be there (and tried again later).
  const exists = (linkId: string) => sync.linkRows(actor).then((rows) => rows.some((l) => l.id === linkId), () => true);

  const loop = async (first: LinkRow) => {
    const waker: { resolve?: () => void; pending: boolean } = { pending: false };
    wakers.set(first.id, waker);
    while (!signal.aborted) {
      waker.pending = false;
      try {
        // Run first, report after: `onReport?.(await …)` would skip the run itself when there is no listener.
        const report = await sync.syncLink(actor, first.id, signal);
        options.onReport?.(report);
      } catch (error) {
        // The link (or its peer) was removed: its loop ends.
        if (!(await exists(first.id))) break;
        // The store itself failed (the peer's failures are reported, not thrown): wait and try again.
        options.onError?.(error);
        await pause(MAX_BACKOFF_MS / 10, signal, {});
        continue;
      }
      if (signal.aborted) break;
      const current = (await sync.linkRows(actor)).find((l) => l.id === first.id);
      if (!current) break;
      // A local store wakes a healthy continuous push at once; a failing link waits out its back-off.
      const wakeable = current.mode === 'continuous' && current.failures === 0 && current.direction !== 'pull';
      if (waker.pending && wakeable) continue;
      await pause(delayAfter(current, options), signal, wakeable ? waker : {});
    }
    wakers.delete(first.id);
  };

  try {
    while (!signal.aborted) {
      for (const link of await sync.linkRows(actor)) {
        if (loops.has(link.id)) continue;
        linkCollections.set(link.id, link.local_collection);
        loops.set(link.id, loop(link));
      }
      await pause(Math.max(1000, Math.min(options.pollMs * 10, 10_000)), signal, {});
    }
    await Promise.all(loops.values());
  } finally {
    stop();
  }
}
