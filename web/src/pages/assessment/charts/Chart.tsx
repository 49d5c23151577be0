/**
 * A chart of an Assessment page: ECharts and the world's geometry are a chunk of their own, fetched the first
 * time a chart is shown; until then its box holds its place (same size and name).
 */
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart.tsx';

const EChart = lazy(() => import('./EChart.tsx'));

export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<div className={`chart ${props.className ?? ''}`} role="img" aria-label={props.label} aria-busy="true" />}>
      <EChart {...props} />
    </Suspense>
  );
}
