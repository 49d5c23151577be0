/**
 * What other modules hear of writes of objects in this process (the federation's continuous push and
 * provenance, the lookup index, alerts): the events, and a set of listeners of one kind, each awaited in turn
 * once the write is stored (outside its transaction).
 */
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

  /** Calls every listener with `event`, one after the other, awaiting each. */
  async emit(event: T): Promise<void> {
    for (const listener of this.#all) await listener(event);
  }
}
