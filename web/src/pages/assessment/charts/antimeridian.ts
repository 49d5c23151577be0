/**
 * Polygons cut at the antimeridian. Natural Earth draws Russia's far east and Fiji as rings that cross
 * longitude ±180; a flat map that joins their points in order draws a line across the whole world. Each
 * crossing ring is made continuous (longitudes unwrapped), then clipped to [-180, 180] as it is and shifted
 * by a whole turn either way, which gives its pieces on each side of the map.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonRings = Ring[];

/** Whether two consecutive points of the ring lie more than half a turn apart. */
export function crossesAntimeridian(ring: readonly Position[]): boolean {
  return ring.some((point, i) => i > 0 && Math.abs(point[0] - ring[i - 1]![0]) > 180);
}

/** The ring with each longitude moved by whole turns to within half a turn of the one before. */
export function unwrap(ring: readonly Position[]): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const before = out.at(-1);
    let shifted = lon;
    if (before) while (shifted - before[0] > 180) shifted -= 360;
    if (before) while (shifted - before[0] < -180) shifted += 360;
    out.push([shifted, lat]);
  }
  return out;
}

/** The part of a closed ring on one side of the meridian `edge` (Sutherland–Hodgman against one line), closed; [] if none. */
export function clipRing(ring: readonly Position[], edge: number, keepEast: boolean): Ring {
  const inside = (p: Position) => (keepEast ? p[0] >= edge : p[0] <= edge);
  const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : [...ring];
  const out: Ring = [];
  for (let i = 0; i < open.length; i++) {
    const current = open[i]!;
    const previous = open[(i + open.length - 1) % open.length]!;
    if (inside(current) !== inside(previous)) {
      const t = (edge - previous[0]) / (current[0] - previous[0]);
      out.push([edge, previous[1] + t * (current[1] - previous[1])]);
    }
    if (inside(current)) out.push(current);
  }
  return out.length >= 3 ? [...out, out[0]!] : [];
}

const shiftRing = (ring: Ring, by: number): Ring => ring.map(([lon, lat]) => [lon + by, lat]);
const clipToWorld = (ring: Ring): Ring => clipRing(clipRing(ring, -180, true), 180, false);

/** A polygon (outer ring, then holes) as the polygons it makes on a flat map: itself, or its pieces either side of ±180. */
export function splitAtAntimeridian(polygon: readonly (readonly Position[])[]): PolygonRings[] {
  if (!polygon.some(crossesAntimeridian)) return [polygon.map((ring) => [...ring])];
  const rings = polygon.map(unwrap);
  const pieces: PolygonRings[] = [];
  for (const by of [-360, 0, 360]) {
    const [outer, ...holes] = rings.map((ring) => clipToWorld(shiftRing(ring, by)));
    if (outer && outer.length) pieces.push([outer, ...holes.filter((hole) => hole.length)]);
  }
  return pieces;
}
