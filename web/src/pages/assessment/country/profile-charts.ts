/**
 * The ECharts options of the country profile: its pillars in one edition as horizontal bars (0 to the
 * pillar's maximum, each bar in its band's colour), and its overall score across editions as a line (0–100).
 * In right-to-left pages the bars grow from the right and the editions read from the right.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { HistoryEntry, PillarScores } from '../../../api/assessment.ts';
import { colourOf, type Band } from '../colour-scale.ts';
import { OVERALL_MAX } from '../measures.ts';

export interface ProfileChartText {
  measure(pillar: string): string;
  score(value: number): string;
}

export function pillarChartOption(pillars: PillarScores, order: readonly string[], max: number, bands: readonly Band[], rtl: boolean, text: ProfileChartText): EChartsCoreOption {
  return {
    grid: { top: 8, bottom: 8, left: 8, right: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max, inverse: rtl, axisLabel: { formatter: (value: number) => text.score(value) } },
    yAxis: { type: 'category', inverse: true, position: rtl ? 'right' : 'left', data: order.map(text.measure) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        label: { show: true, position: rtl ? 'left' : 'right', formatter: (item: { value: number | null }) => (item.value === null ? '—' : text.score(item.value)) },
        data: order.map((pillar) => ({ value: pillars[pillar] ?? null, itemStyle: { color: colourOf(bands, pillars[pillar]), borderColor: '#1b1f24', borderWidth: 0.5 } })),
      },
    ],
  };
}

export function historyChartOption(editions: readonly HistoryEntry[], rtl: boolean, text: Pick<ProfileChartText, 'score'>): EChartsCoreOption {
  return {
    grid: { top: 24, bottom: 8, left: 16, right: 16, containLabel: true },
    xAxis: { type: 'category', inverse: rtl, boundaryGap: true, data: editions.map((e) => e.edition.name) },
    yAxis: { type: 'value', min: 0, max: OVERALL_MAX, position: rtl ? 'right' : 'left' },
    series: [
      {
        type: 'line',
        symbolSize: 8,
        lineStyle: { width: 2, color: '#0b5cad' },
        itemStyle: { color: '#0b5cad' },
        label: { show: true, position: 'top', formatter: (item: { value: number }) => text.score(item.value) },
        data: editions.map((e) => e.overall),
      },
    ],
  };
}
