import { describe, expect, it } from 'vitest';
import { bandsOf, NO_RESULT, PALETTE } from '../colour-scale.ts';
import { historyChartOption, pillarChartOption } from './profile-charts.ts';

type Bar = { data: { value: number | null; itemStyle: { color: string } }[]; label: { position: string } };
const TEXT = { measure: (p: string) => p, score: String };

describe('the country profile charts', () => {
  it('draws a bar per pillar, in the map’s colour for its score, growing from the start of the line', () => {
    const order = ['legal', 'technical', 'cooperation'];
    const ltr = pillarChartOption({ legal: 19.18, technical: 3.29 }, order, 20, bandsOf('pillar'), false, TEXT);
    const [bars] = ltr.series as Bar[];
    expect(bars!.data.map((d) => [d.value, d.itemStyle.color])).toEqual([
      [19.18, PALETTE[4]],
      [3.29, PALETTE[0]],
      [null, NO_RESULT],
    ]);
    expect(ltr.yAxis).toMatchObject({ data: order, position: 'left' });
    expect(ltr.xAxis).toMatchObject({ max: 20, inverse: false });
    const rtl = pillarChartOption({ legal: 19.18 }, order, 20, bandsOf('pillar'), true, TEXT);
    expect(rtl.xAxis).toMatchObject({ inverse: true });
    expect(rtl.yAxis).toMatchObject({ position: 'right' });
    expect((rtl.series as Bar[])[0]!.label.position).toBe('left');
  });

  it('draws the overall score across editions, oldest first, 0 to 100', () => {
    const edition = (name: string) => ({ id: name, name, kind: 'scores-only' as const, year: null, source: null, created_at: '' });
    const option = historyChartOption(
      [
        { edition: edition('GCI 2020'), pillars: {}, overall: 86.23, tier: 'advancing', rank: 53, countries: 191 },
        { edition: edition('GCI 2024'), pillars: {}, overall: 81.93, tier: 'establishing', rank: 82, countries: 194 },
      ],
      false,
      TEXT,
    );
    expect(option.xAxis).toMatchObject({ data: ['GCI 2020', 'GCI 2024'] });
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
    expect((option.series as { data: number[] }[])[0]!.data).toEqual([86.23, 81.93]);
  });
});
