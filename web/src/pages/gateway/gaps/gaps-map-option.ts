/**
 * The ECharts option of the gaps map: each country of the UN list coloured by the state of one fact (yes,
 * unconfirmed, no), the rest of the world grey; the tooltip names the country and its state. Countries are
 * named by alpha-2 code, as the Assessment's geometry names them.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { CountryStanding, FactState, GapFact } from '../../../api/gateway-types.ts';
import { tooltipHtml } from '../../assessment/charts/chart-text.ts';
import { NO_RESULT } from '../../assessment/colour-scale.ts';

/** The colour of each state: told apart by lightness as well as hue (blue, amber, red-brown). */
export const STATE_COLOUR: Readonly<Record<FactState, string>> = { yes: '#1f5f99', unconfirmed: '#e3a72f', no: '#a63b2a' };
export { NO_RESULT as OUTSIDE_LIST };

export function gapsMapOption(countries: readonly CountryStanding[], fact: GapFact, rtl: boolean, describe: (country: string) => { heading: string; lines: string[] } | undefined): EChartsCoreOption {
  const data = countries.map((c) => {
    const areaColor = STATE_COLOUR[c.facts[fact]];
    return { name: c.country, value: c.facts[fact], itemStyle: { areaColor }, emphasis: { itemStyle: { areaColor } } };
  });
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (item: { name?: string }) => {
        const described = item.name ? describe(item.name) : undefined;
        return described ? tooltipHtml(rtl, described.heading, described.lines) : '';
      },
    },
    series: [
      {
        type: 'map',
        map: 'world',
        roam: false,
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
