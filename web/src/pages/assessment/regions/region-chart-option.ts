/**
 * The ECharts option of the regional comparison's bar chart: for each of the five UN M49 regions, the mean
 * score of each pillar (one series per pillar, 0 to the pillar's maximum, each pillar in its own colour: the
 * page draws the legend, SeriesLegend). In right-to-left pages everything reads from the right: the regions,
 * the pillars within a region, and the value axis.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { RegionAggregate } from '../../../api/assessment.ts';
import { tooltipHtml } from '../charts/chart-text.ts';

/** Colours told apart with the common colour vision deficiencies (Okabe and Ito). */
export const SERIES_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'] as const;

/** The colour of the i-th pillar's bars. */
export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;

export interface RegionChartText {
  region(code: string): string;
  measure(pillar: string): string;
  score(value: number): string;
}

export function regionChartOption(regions: readonly RegionAggregate[], pillars: readonly string[], max: number, rtl: boolean, text: RegionChartText): EChartsCoreOption {
  const names = regions.map((r) => text.region(r.region));
  const series = pillars.map((pillar, i) => ({
    type: 'bar',
    name: text.measure(pillar),
    itemStyle: { color: seriesColour(i) },
    data: regions.map((r) => r.pillars[pillar]?.mean ?? null),
  }));
  // ECharts lays out a group's bars from the left: reversed, they read from the right.
  const ordered = rtl ? [...series].reverse() : series;
  return {
    grid: { top: 16, bottom: 8, left: 8, right: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (items: { dataIndex: number; seriesName: string; value: number | null }[]) => {
        const first = items[0];
        if (!first) return '';
        const inPillarOrder = rtl ? [...items].reverse() : items;
        return tooltipHtml(rtl, names[first.dataIndex] ?? '', inPillarOrder.map((item) => `${item.seriesName}: ${item.value === null ? '—' : text.score(item.value)}`));
      },
    },
    xAxis: { type: 'category', data: names, inverse: rtl, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max, position: rtl ? 'right' : 'left', axisLabel: { formatter: (value: number) => text.score(value) } },
    series: ordered,
  };
}
