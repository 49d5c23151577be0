/**
 * What every bench file returns: one row of the results table, with the goal it is read against. Goals are
 * declared once here, as data, so the table, the JSON and this file always agree on them.
 */

export type DatabaseKind = 'sqlite' | 'postgres';

/** The goals Thiqa is measured against. */
export const GOALS = {
  ingest: { text: '≥ 50000 (SQLite)', check: (value: number) => value >= 50_000, only: 'sqlite' as DatabaseKind | undefined },
  read: { text: '≥ 100000', check: (value: number) => value >= 100_000, only: undefined },
  pageRatio: { text: '≤ 2 (at 1M)', check: (value: number) => value <= 2, only: undefined },
  rss: { text: '≤ 300 MB (at 1M)', check: (value: number) => value <= 300, only: undefined },
  assessmentScore: { text: '≤ 50 ms', check: (value: number) => value <= 50, only: undefined },
  assessmentSensitivity: { text: '≤ 5000 ms', check: (value: number) => value <= 5_000, only: undefined },
  assessmentProfile: { text: '≤ 200 ms', check: (value: number) => value <= 200, only: undefined },
  gatewaySearch: { text: '≤ 20 ms (p95)', check: (value: number) => value <= 20, only: undefined },
  gatewayImport: { text: '≤ 10 s', check: (value: number) => value <= 10, only: undefined },
  warninglistCheck: { text: '≥ 100000', check: (value: number) => value >= 100_000, only: undefined },
  patternValidation: { text: '≥ 50000', check: (value: number) => value >= 50_000, only: undefined },
  mispImport: { text: '≥ 10000 attributes/s', check: (value: number) => value >= 10_000, only: undefined },
  federationSync: { text: '≥ 20000', check: (value: number) => value >= 20_000, only: undefined },
  federationLatency: { text: '≤ 2000 ms', check: (value: number) => value <= 2_000, only: undefined },
  alertLatency: { text: '≤ 2000 ms (p95)', check: (value: number) => value <= 2_000, only: undefined },
  lookupSingle: { text: '≤ 2 ms (p99, at 1M)', check: (value: number) => value <= 2, only: undefined },
  lookupHttp: { text: '≥ 20000', check: (value: number) => value >= 20_000, only: undefined },
  lookupBulk: { text: '≤ 100 ms', check: (value: number) => value <= 100, only: undefined },
  sightingAggregate: { text: '≤ 100 ms (p95)', check: (value: number) => value <= 100, only: undefined },
} as const;

export type GoalName = keyof typeof GOALS;

export interface Measurement {
  /** What was measured, e.g. "ingest: CLI import". */
  name: string;
  /** The store measured; 'none' for work that touches no store (generating the data). */
  database: DatabaseKind | 'none';
  /** Objects in the store (or rows inserted) when measured. */
  size: number;
  value: number;
  unit: string;
  /** The goal this value is read against, if any. */
  goal?: GoalName;
  /** Anything else worth keeping in the JSON (counts, p95, raw times). */
  detail?: Record<string, unknown>;
}

/** The goal text and whether it was met; `met` is undefined where the goal does not apply. */
export function judge(m: Measurement): { text: string; met: boolean | undefined } {
  if (!m.goal) return { text: '', met: undefined };
  const goal = GOALS[m.goal];
  if (goal.only && goal.only !== m.database) return { text: '', met: undefined };
  return { text: goal.text, met: goal.check(m.value) };
}
