/**
 * A small seeded pseudo-random generator for synthetic data: xoshiro128** seeded through splitmix32.
 * Not for anything secret. The same seed gives the same sequence on every platform, because it uses only
 * 32-bit integer arithmetic (`Math.imul`, `>>>`), never `Math.random` or floating-point accumulation.
 */

const TWO_TO_32 = 0x1_0000_0000;
const HEX = '0123456789abcdef';

/** One weighted choice: the value and its relative weight (any non-negative number). */
export type Weighted<T> = readonly [value: T, weight: number];

/** splitmix32 step: spreads a plain seed over the four words xoshiro needs (it must not start all-zero). */
function splitmix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/**
 * Seeded random source with the helpers synthetic data needs.
 *
 * @example
 * const random = new SeededRandom(42);
 * random.int(1, 6); // a die roll, the same on every run with seed 42
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** @param seed any number; only its low 32 bits count. */
  constructor(seed: number) {
    let state = seed | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, output] = splitmix32(state);
      state = next;
      words.push(output);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_TO_32;
  }

  /** An integer in [min, max], both inclusive. Throws RangeError when max < min. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. Throws RangeError on an empty one. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Up to `n` distinct elements of `items`, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    const take = Math.min(n, copy.length);
    // Partial Fisher–Yates: only the first `take` positions are shuffled.
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, take);
  }

  /** A value chosen with probability proportional to its weight. Throws RangeError when no weight is positive. */
  weighted<T>(entries: readonly Weighted<T>[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    // Rounding can leave a sliver at the end: the last positive entry owns it.
    return entries.findLast(([, weight]) => weight > 0)![0];
  }

  /** `length` lower-case hexadecimal digits. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      let word = this.nextUint32();
      for (let i = 0; i < 8 && out.length < length; i++) {
        out += HEX[word & 0xf];
        word >>>= 4;
      }
    }
    return out;
  }

  /** A string shaped like a version 4 UUID (RFC 9562), drawn from this generator. */
  uuid(): string {
    const h = this.hex(32);
    const variant = HEX[8 + (this.nextUint32() & 0x3)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
