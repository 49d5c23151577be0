import { describe, expect, it } from 'vitest';
import { bandOf, bandsOf, colourOf, inkOn, NO_RESULT, PALETTE } from './colour-scale.ts';

describe('the colour scale', () => {
  it('bands the overall score by tier, at the GCI cut-offs, low to high', () => {
    const bands = bandsOf('overall');
    expect(bands.map((b) => [b.tier, b.min, b.max])).toEqual([
      ['building', 0, 20],
      ['evolving', 20, 55],
      ['establishing', 55, 85],
      ['advancing', 85, 95],
      ['role-modelling', 95, 100],
    ]);
    expect(bandOf(bands, 19.99).tier).toBe('building');
    expect(bandOf(bands, 20).tier).toBe('evolving');
    expect(bandOf(bands, 86.5063381552001).tier).toBe('advancing');
    expect(bandOf(bands, 100).tier).toBe('role-modelling');
  });

  it('bands a pillar in five equal fifths of its maximum', () => {
    const bands = bandsOf('legal');
    expect(bands.map((b) => [b.min, b.max])).toEqual([
      [0, 4],
      [4, 8],
      [8, 12],
      [12, 16],
      [16, 20],
    ]);
    expect(bands.every((b) => b.tier === undefined)).toBe(true);
    expect(bandOf(bands, 0).colour).toBe(PALETTE[0]);
    expect(bandOf(bands, 15.999).colour).toBe(PALETTE[3]);
    expect(bandOf(bands, 20).colour).toBe(PALETTE[4]);
    expect(bandsOf('x', 4).at(-1)!.max).toBe(25);
  });

  it('colours a missing score grey, out-of-range scores as the nearest band', () => {
    const bands = bandsOf('technical');
    expect(colourOf(bands, undefined)).toBe(NO_RESULT);
    expect(colourOf(bands, -1)).toBe(PALETTE[0]);
    expect(colourOf(bands, 25)).toBe(PALETTE[4]);
  });

  it('writes on each colour in the ink that reads better', () => {
    expect(inkOn(PALETTE[0])).toBe('#000000');
    expect(inkOn(PALETTE[4])).toBe('#ffffff');
    expect(inkOn('#ffffff')).toBe('#000000');
  });
});
