/**
 * Command-line options of `npm run bench`:
 *
 *   --sizes 100000,1000000        collection sizes (default both); a 10,000 baseline is always added
 *   --database sqlite|postgres|both   default sqlite
 *   --postgres-url URL            default postgres://postgres@127.0.0.1:5432/test (must be on 127.0.0.1)
 *   --quick                       10,000 objects only: a smoke test of every measurement
 *   --concurrent-max N            objects for the 2-client TAXII ingest (default 100000; 0 skips it)
 *   --taxii-max N                 cap of the 1-client TAXII ingest (default: all objects)
 *   --step-minutes M              time limit of each step (default 20)
 */
import { parseArgs } from 'node:util';
import type { DatabaseKind } from './measurement.ts';

export const BASELINE_SIZE = 10_000;

export interface BenchOptions {
  sizes: number[];
  databases: DatabaseKind[];
  postgresUrl: string;
  quick: boolean;
  concurrentMax: number;
  taxiiMax: number;
  stepMs: number;
}

const USAGE = 'usage: npm run bench -- [--sizes 100000,1000000] [--database sqlite|postgres|both] [--quick] [--postgres-url URL] [--concurrent-max N] [--taxii-max N] [--step-minutes M]';

function count(name: string, raw: string, min: number): number {
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"\n${USAGE}`);
  return value;
}

/** Parses argv (without node and script); throws with the usage on anything unknown or malformed. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      sizes: { type: 'string' },
      database: { type: 'string', default: 'sqlite' },
      'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
      quick: { type: 'boolean', default: false },
      'concurrent-max': { type: 'string', default: '100000' },
      'taxii-max': { type: 'string' },
      'step-minutes': { type: 'string', default: '20' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const databases: Record<string, DatabaseKind[]> = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] };
  const chosen = databases[values.database];
  if (!chosen) throw new Error(`--database must be sqlite, postgres or both, got "${values.database}"\n${USAGE}`);
  const postgresUrl = new URL(values['postgres-url']);
  // The benchmark creates and drops schemas: it must never be pointed at a remote server by mistake.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(postgresUrl.hostname)) throw new Error(`--postgres-url must be on 127.0.0.1, got ${postgresUrl.hostname}`);
  const requested = values.quick ? [] : (values.sizes ?? '100000,1000000').split(',').map((s) => count('--sizes', s.trim(), 1));
  // The baseline comes first: larger sizes are compared with it as soon as they are measured.
  const sizes = [...new Set([BASELINE_SIZE, ...requested])].sort((a, b) => a - b);
  const concurrentMax = count('--concurrent-max', values['concurrent-max'], 0);
  return {
    sizes,
    databases: chosen,
    postgresUrl: postgresUrl.toString(),
    quick: values.quick,
    concurrentMax,
    taxiiMax: values['taxii-max'] === undefined ? Number.MAX_SAFE_INTEGER : count('--taxii-max', values['taxii-max'], 1),
    stepMs: count('--step-minutes', values['step-minutes'], 1) * 60_000,
  };
}
