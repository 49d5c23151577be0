import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random.ts';

function draws(seed: number, n: number): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, () => random.nextUint32());
}

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
    expect(draws(42, 100)).not.toEqual(draws(43, 100));
  });

  it('keeps the same sequence across releases (benchmarks compare runs on the same data)', () => {
    expect(draws(1, 3)).toEqual([2442144158, 3238099751, 3819917871]);
  });

  it('draws integers within both inclusive bounds, reaching each', () => {
    const random = new SeededRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i++) seen.add(random.int(-2, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(() => random.int(3, 2)).toThrow(RangeError);
  });

  it('never picks a zero-weight value and rejects an all-zero list', () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 500; i++) expect(random.weighted([['a', 1], ['b', 0], ['c', 3]])).not.toBe('b');
    expect(() => random.weighted([['a', 0]])).toThrow(RangeError);
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('samples distinct items, no more than there are', () => {
    const random = new SeededRandom(5);
    const sample = random.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(random.sample([1, 2], 5).sort((a, b) => a - b)).toEqual([1, 2]);
  });

  it('makes hex strings of the asked length and version-4-shaped UUIDs', () => {
    const random = new SeededRandom(9);
    expect(random.hex(64)).toMatch(/^[0-9a-f]{64}$/);
    expect(random.hex(5)).toMatch(/^[0-9a-f]{5}$/);
    for (let i = 0; i < 50; i++) {
      expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
