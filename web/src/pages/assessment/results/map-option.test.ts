import { describe, expect, it } from 'vitest';
import type { Results } from '../../../api/assessment.ts';
import { bandsOf, NO_RESULT, PALETTE } from '../colour-scale.ts';
import { worldMapOption } from './map-option.ts';

type Series = { data: { name: string; value: number | null; itemStyle: { areaColor: string } }[]; itemStyle: { areaColor: string } };
type Tooltip = { formatter: (item: { name?: string }) => string };

const ROWS: Results['results'] = [
  { country: 'TN', pillars: { legal: 19.18, technical: 17.8 }, overall: 81.93, tier: 'establishing', rank: 82 },
  { country: 'AF', pillars: { legal: 5.81 }, overall: 18.42, tier: 'building', rank: 180 },
];

describe('the world map option', () => {
  it('colours each country by its band on the measure, grey where it has no score', () => {
    const overall = worldMapOption(ROWS, 'overall', bandsOf('overall'), false, { describe: () => undefined });
    const [series] = overall.series as Series[];
    expect(series!.data.map((d) => [d.name, d.value, d.itemStyle.areaColor])).toEqual([
      ['TN', 81.93, PALETTE[2]],
      ['AF', 18.42, PALETTE[0]],
    ]);
    expect(series!.itemStyle.areaColor).toBe(NO_RESULT);
    const technical = (worldMapOption(ROWS, 'technical', bandsOf('technical'), false, { describe: () => undefined }).series as Series[])[0]!;
    expect(technical.data.map((d) => d.itemStyle.areaColor)).toEqual([PALETTE[4], NO_RESULT]);
  });

  it('writes the tooltip the page describes, escaped and in its direction; none for an unnamed area', () => {
    const option = worldMapOption(ROWS, 'overall', bandsOf('overall'), true, { describe: (code) => ({ heading: code === 'TN' ? 'تونس' : '<?>', lines: ['81.93'] }) });
    const { formatter } = option.tooltip as Tooltip;
    expect(formatter({ name: 'TN' })).toBe('<div class="chart-tooltip" dir="rtl"><strong>تونس</strong><br>81.93</div>');
    expect(formatter({ name: 'XX' })).toContain('&lt;?&gt;');
    expect(formatter({ name: '' })).toBe('');
  });
});
