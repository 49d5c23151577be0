/**
 * What other modules hear of writes of objects in this process (the federation's continuous push and
 * provenance, the lookup index, alerts): the events, and a set of listeners of one kind, each awaited in turn
 * once the write is stored (outside its transaction).
 *
 * The write has been committed when listeners run, so a listener that fails cannot undo it: its error is
 * logged (as one JSON line on standard error, with a correlation id) and the next listener runs, and the
 * writer is told its write succeeded, which it did. What a failed listener missed is recovered its own way
 * (`thiqa lookup reindex` for the index; the next sync for provenance).
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor.ts';

/** The versions one write by `actor` accepted into a collection, stored or already there. */
export interface Accepted {
  actor: Actor;
  collectionId: string;
  versions: { id: string; version: string }[];
}

/** The versions one write stored into a collection (not those already there), with their bodies as stored. */
export interface StoredBatch {
  collectionId: string;
  versions: { id: string; version: string; body: Uint8Array }[];
}

/** An object of a collection some (or all) of whose versions were deleted. */
export interface DeletedObject {
  collectionId: string;
  id: string;
}

/** Listeners of one kind of event. */
export class Listeners<T> {
  readonly #all = new Set<(event: T) => unknown>();
  readonly #report: (error: unknown) => void;

  /** @param kind names the event in the log; `report` replaces the log (for tests). */
  constructor(kind: string, report?: (error: unknown) => void) {
    this.#report = report ?? ((error) => logListenerFailure(kind, error));
  }

  get size(): number {
    return this.#all.size;
  }

  /** Adds `listener`; answers the function that removes it. */
  add(listener: (event: T) => unknown): () => void {
    this.#all.add(listener);
    return () => {
      this.#all.delete(listener);
    };
  }

  /** Calls every listener with `event`, one after the other, awaiting each; a failure is logged, never thrown. */
  async emit(event: T): Promise<void> {
    for (const listener of this.#all) {
      try {
        await listener(event);
      } catch (error) {
        this.#report(error);
      }
    }
  }
}

/** One JSON line on standard error for a listener that failed after a committed write. */
function logListenerFailure(kind: string, error: unknown): void {
  const errorId = randomUUID();
  console.error(JSON.stringify({ level: 'error', errorId, event: kind, message: 'a listener of a committed write failed', error: String((error as Error)?.stack ?? error) }));
}
