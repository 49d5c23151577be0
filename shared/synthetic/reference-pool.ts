/**
 * A fixed-size ring of the most recent items of one kind. The generator keeps one per STIX type so that
 * references point at recently generated objects, while memory stays the same for 1,000 or 1,000,000 objects.
 */
import type { SeededRandom } from './random.ts';

/** The last `capacity` items added, with picks biased towards the newest. */
export class RecentPool<T> {
  private readonly items: T[] = [];
  private nextSlot = 0;
  private readonly capacity: number;

  /** @param capacity how many recent items to remember; older ones are forgotten. */
  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`pool capacity must be at least 1, got ${capacity}`);
    this.capacity = capacity;
  }

  get size(): number {
    return this.items.length;
  }

  /** Remembers an item, forgetting the oldest when full. */
  add(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.nextSlot] = item;
    this.nextSlot = (this.nextSlot + 1) % this.capacity;
  }

  /** Replaces the first item equal to `match` under `same`, e.g. a newer version of one object. */
  replace(item: T, same: (a: T, b: T) => boolean): void {
    const index = this.items.findIndex((existing) => same(existing, item));
    if (index >= 0) this.items[index] = item;
  }

  /** A random remembered item, favouring recent ones; undefined when empty. */
  pick(random: SeededRandom): T | undefined {
    if (this.items.length === 0) return undefined;
    // Squaring a uniform draw skews towards 0, i.e. towards the newest item: news attracts references.
    const back = Math.floor(random.next() ** 2 * this.items.length);
    const index = (this.nextSlot - 1 - back + 2 * this.items.length) % this.items.length;
    return this.items[index];
  }

  /** Up to `n` distinct remembered items. */
  sample(random: SeededRandom, n: number): T[] {
    return random.sample(this.items, n);
  }
}
