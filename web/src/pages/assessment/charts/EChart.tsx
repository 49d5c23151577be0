/**
 * One ECharts chart, drawn as SVG (crisp on screen and in print) with only the parts the Assessment pages use
 * registered: the map (with the world's countries), bars and lines, the Gateway's agreements graph, tooltips and grids (legends are lists of
 * the page, which read in its direction). Loaded on demand (see Chart.tsx), so the other pages never
 * download it. The box keeps `direction: ltr` (the chart lays itself out; options mirror it for right-to-left
 * pages) and is one image for assistive technology, named by `label`; every chart's numbers are also in a
 * table on its page.
 */
import { BarChart, GraphChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, registerMap, use, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { worldGeoJson } from './world-geometry.ts';

use([MapChart, BarChart, LineChart, GraphChart, TooltipComponent, GridComponent, SVGRenderer]);
registerMap('world', worldGeoJson() as Parameters<typeof registerMap>[1]);

/** The width charts are drawn at for paper: A4 (and US Letter) less 15 mm margins, in CSS pixels. */
const PRINT_WIDTH = 680;

export interface EChartProps {
  option: EChartsCoreOption;
  label: string;
  className?: string;
  /** Called with the name of the item clicked (a map's country code, a bar's category). */
  onSelect?: (name: string) => void;
}

export default function EChart({ option, label, className, onSelect }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts>(undefined);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const element = box.current!;
    const instance = init(element, undefined, { renderer: 'svg' });
    instance.on('click', (event) => {
      if (typeof event.name === 'string' && event.name) select.current?.(event.name);
    });
    chart.current = instance;
    // On paper the chart is drawn at the paper's width and its box's height (the print stylesheet's); its SVG
    // then keeps a viewBox, which zrender leaves out on screen, so that it scales to the box it is printed in.
    const print = window.matchMedia('print');
    const resize = () => instance.resize(print.matches ? { width: PRINT_WIDTH, height: element.clientHeight } : undefined);
    instance.on('finished', () => {
      const svg = element.querySelector('svg');
      svg?.setAttribute('viewBox', `0 0 ${instance.getWidth()} ${instance.getHeight()}`);
    });
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    print.addEventListener('change', resize);
    return () => {
      print.removeEventListener('change', resize);
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    // The page's own fonts (per language), so Arabic and Chinese labels are drawn with the glyphs the page has.
    const fontFamily = getComputedStyle(box.current!).fontFamily;
    chart.current?.setOption({ textStyle: { fontFamily }, animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} className={`chart ${className ?? ''}`} role="img" aria-label={label} />;
}
