/**
 * The ECharts option of the world map: each country with a result coloured by its band on the chosen measure,
 * the others grey; hovering (or tapping) shows the tooltip `describe` writes. Countries are named by alpha-2
 * code, as the geometry names them (charts/world-geometry.ts).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Results } from '../../../api/assessment.ts';
import { tooltipHtml } from '../charts/chart-text.ts';
import { colourOf, NO_RESULT, type Band } from '../colour-scale.ts';
import { scoreOf, type Measure } from '../measures.ts';

export interface MapText {
  /** The tooltip of a country: a heading and lines; undefined for an area with no name. */
  describe(country: string): { heading: string; lines: string[] } | undefined;
}

export function worldMapOption(rows: Results['results'], measure: Measure, bands: readonly Band[], rtl: boolean, text: MapText): EChartsCoreOption {
  const data = rows.map((row) => {
    const areaColor = colourOf(bands, scoreOf(row, measure));
    return { name: row.country, value: scoreOf(row, measure) ?? null, itemStyle: { areaColor }, emphasis: { itemStyle: { areaColor } } };
  });
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (item: { name?: string }) => {
        const described = item.name ? text.describe(item.name) : undefined;
        return described ? tooltipHtml(rtl, described.heading, described.lines) : '';
      },
    },
    series: [
      {
        type: 'map',
        map: 'world',
        roam: false,
        // The whole box: ECharts keeps the map's shape (longitudes × 0.75, about 2:1 without Antarctica) inside it.
        left: 0,
        right: 0,
        top: 0,
        bottom: 0,
        selectedMode: false,
        label: { show: false },
        itemStyle: { areaColor: NO_RESULT, borderColor: '#ffffff', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { borderColor: '#1b1f24', borderWidth: 1.5 } },
        data,
      },
    ],
  };
}
