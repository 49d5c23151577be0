import { describe, expect, it } from 'vitest';
import { worldGeoJson } from './world-geometry.ts';

describe('the world map geometry', () => {
  const { features } = worldGeoJson();
  const names = features.map((f) => f.properties.name);

  it('names every country Natural Earth gives an ISO code by its alpha-2 code, each once', () => {
    const named = names.filter(Boolean);
    expect(named.length).toBeGreaterThan(170);
    expect(new Set(named).size).toBe(named.length);
    for (const code of ['TN', 'US', 'CN', 'BR', 'RU', 'FR', 'EG', 'SA']) expect(names, code).toContain(code);
  });

  it('draws no edge across the map: polygons are cut at the antimeridian', () => {
    const rings = features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : []));
    const jumps = rings.filter((ring) => ring.some((p, i) => i > 0 && Math.abs(p[0]! - ring[i - 1]![0]!) > 180));
    expect(jumps).toEqual([]);
    for (const ring of rings) for (const [lon] of ring) expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
    const russia = features.find((f) => f.properties.name === 'RU')!.geometry as GeoJSON.MultiPolygon;
    const longitudes = russia.coordinates.flat(2).map((p) => p[0]!);
    expect([Math.min(...longitudes), Math.max(...longitudes)]).toEqual([-180, 180]);
  });

  it('leaves the areas with no ISO code unnamed, and Antarctica out', () => {
    expect(names.filter((n) => n === '').length).toBe(3);
    expect(names).not.toContain('AQ');
  });
});
