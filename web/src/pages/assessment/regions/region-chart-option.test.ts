import { describe, expect, it } from 'vitest';
import type { RegionAggregate } from '../../../api/assessment.ts';
import { regionChartOption, seriesColour } from './region-chart-option.ts';

const stats = (mean: number) => ({ count: 1, mean, median: mean, min: mean, max: mean });
const REGIONS: RegionAggregate[] = [
  { region: '002', countries: 54, pillars: { legal: stats(15), technical: stats(9) }, overall: stats(57.9) },
  { region: '150', countries: 44, pillars: { legal: stats(19), technical: stats(16) }, overall: stats(84.8) },
];
const TEXT = { region: (code: string) => `R${code}`, measure: (pillar: string) => pillar.toUpperCase(), score: String };

type Series = { name: string; data: (number | null)[]; itemStyle: { color: string } };

describe('the regional bar chart option', () => {
  it('gives each pillar a series of its means per region, in its own colour', () => {
    const option = regionChartOption(REGIONS, ['legal', 'technical'], 20, false, TEXT);
    expect((option.series as Series[]).map((s) => [s.name, s.data, s.itemStyle.color])).toEqual([
      ['LEGAL', [15, 19], seriesColour(0)],
      ['TECHNICAL', [9, 16], seriesColour(1)],
    ]);
    expect(option.xAxis).toMatchObject({ data: ['R002', 'R150'], inverse: false });
    expect(option.yAxis).toMatchObject({ max: 20, position: 'left' });
  });

  it('reads from the right in right-to-left pages, each pillar keeping its colour', () => {
    const option = regionChartOption(REGIONS, ['legal', 'technical'], 20, true, TEXT);
    expect((option.series as Series[]).map((s) => [s.name, s.itemStyle.color])).toEqual([
      ['TECHNICAL', seriesColour(1)],
      ['LEGAL', seriesColour(0)],
    ]);
    expect(option.xAxis).toMatchObject({ inverse: true });
    expect(option.yAxis).toMatchObject({ position: 'right' });
  });
});
