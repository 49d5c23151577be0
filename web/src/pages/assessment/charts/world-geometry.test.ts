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

  it('leaves the areas with no ISO code unnamed, and Antarctica out', () => {
    expect(names.filter((n) => n === '').length).toBe(3);
    expect(names).not.toContain('AQ');
  });
});
