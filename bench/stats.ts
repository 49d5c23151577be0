/** Small statistics and units used by every measurement. */

/** The q-quantile (0..1) of `values` by the nearest-rank method; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p95 = (values: readonly number[]) => quantile(values, 0.95);

/** Objects (or rows) per second. */
export const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : 0);

export const MB = 1024 * 1024;

/** Rounds for display and JSON: whole numbers from 100 up, three significant digits below. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3));
}

/** Throws when a bounded loop runs past its deadline, naming what was running. */
export function checkDeadline(deadline: number, what: string): void {
  if (Date.now() > deadline) throw new Error(`${what} exceeded its time limit; rerun with a smaller --sizes or a larger --time-limit`);
}
