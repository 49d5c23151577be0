import { describe, expect, it } from 'vitest';
import { clipRing, crossesAntimeridian, splitAtAntimeridian, unwrap, type Position } from './antimeridian.ts';

// A square from 170° E to 170° W (across the antimeridian), as Natural Earth writes it.
const ACROSS: Position[] = [
  [170, 10],
  [-170, 10],
  [-170, -10],
  [170, -10],
  [170, 10],
];

describe('polygons cut at the antimeridian', () => {
  it('sees the jump and unwraps it', () => {
    expect(crossesAntimeridian(ACROSS)).toBe(true);
    expect(unwrap(ACROSS).map((p) => p[0])).toEqual([170, 190, 190, 170, 170]);
    expect(crossesAntimeridian([[0, 0], [10, 0], [10, 10], [0, 0]])).toBe(false);
  });

  it('clips a ring to one side of a meridian', () => {
    const clipped = clipRing(unwrap(ACROSS), 180, false);
    expect(clipped).toEqual([
      [170, 10],
      [180, 10],
      [180, -10],
      [170, -10],
      [170, 10],
    ]);
    expect(clipRing(ACROSS.map(([lon, lat]) => [lon + 400, lat]), 180, false)).toEqual([]);
  });

  it('splits a crossing polygon into a piece at each edge of the map, and leaves others alone', () => {
    const pieces = splitAtAntimeridian([ACROSS]);
    expect(pieces).toHaveLength(2);
    const spans = pieces.map(([outer]) => [Math.min(...outer!.map((p) => p[0])), Math.max(...outer!.map((p) => p[0]))]).sort((a, b) => a[0]! - b[0]!);
    expect(spans).toEqual([
      [-180, -170],
      [170, 180],
    ]);
    const plain: Position[] = [[0, 0], [10, 0], [10, 10], [0, 0]];
    expect(splitAtAntimeridian([plain])).toEqual([[plain]]);
  });
});
