/**
 * Which lists hold an address: every list's ranges cut into disjoint segments, each with the set of lists
 * covering it, so a lookup is one binary search whatever the number of lists. Built once by a sweep over the
 * ranges' ends (n log n); the segments are at most twice the ranges, and equal sets are stored once.
 */
import type { IpRange } from './ip-address.ts';

export class RangeTable<T extends number | bigint> {
  /** Segment i covers [starts[i], starts[i + 1]). */
  private readonly starts: T[];
  /** The set of lists of each segment, as an index into `sets` (-1: none). */
  private readonly setOf: Int32Array;
  private readonly sets: readonly (readonly number[])[];

  /** `ranges[i]` are the ranges of list `lists[i]`; `after(x)` is x + 1 in T. */
  constructor(ranges: readonly { list: number; range: IpRange<T> }[], after: (x: T) => T) {
    const events: { at: T; list: number; delta: 1 | -1 }[] = [];
    for (const { list, range } of ranges) {
      events.push({ at: range.first, list, delta: 1 }, { at: after(range.last), list, delta: -1 });
    }
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const active = new Map<number, number>();
    const starts: T[] = [];
    const setOf: number[] = [];
    const interned = new Map<string, number>();
    const sets: number[][] = [];
    for (let i = 0; i < events.length; ) {
      const at = events[i]!.at;
      for (; i < events.length && events[i]!.at === at; i++) {
        const { list, delta } = events[i]!;
        const n = (active.get(list) ?? 0) + delta;
        if (n === 0) active.delete(list);
        else active.set(list, n);
      }
      const members = [...active.keys()].sort((a, b) => a - b);
      const key = members.join(',');
      let set = -1;
      if (members.length) {
        set = interned.get(key) ?? -1;
        if (set < 0) {
          set = sets.push(members) - 1;
          interned.set(key, set);
        }
      }
      if (setOf.length && setOf[setOf.length - 1] === set) continue;
      starts.push(at);
      setOf.push(set);
    }
    // IPv4 starts in a typed array: numbers beyond 2³¹ would otherwise each be a boxed double.
    this.starts = (typeof starts[0] === 'number' ? Float64Array.from(starts as number[]) : starts) as T[];
    this.setOf = Int32Array.from(setOf);
    this.sets = sets;
  }

  get segments(): number {
    return this.starts.length;
  }

  /** The segment holding x, or -1 before the first. */
  private segment(x: T): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= x) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** The lists (ascending) one of whose ranges holds the address. */
  listsAt(x: T): readonly number[] {
    const segment = this.segment(x);
    const set = segment < 0 ? -1 : this.setOf[segment]!;
    return set < 0 ? [] : this.sets[set]!;
  }

  /** The lists whose ranges hold every address of [first, last] (a network looked up whole). */
  listsCovering(range: IpRange<T>): readonly number[] {
    let segment = this.segment(range.first);
    if (segment < 0) return [];
    let common = this.listsAt(range.first);
    for (segment++; segment < this.starts.length && this.starts[segment]! <= range.last && common.length; segment++) {
      const set = this.setOf[segment]!;
      const here = set < 0 ? [] : this.sets[set]!;
      common = common.filter((list) => here.includes(list));
    }
    return common;
  }
}
