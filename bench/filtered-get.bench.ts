/**
 * Latency of filtered GETs of 100 objects, at the start of the collection and at its end, and of a deep
 * page reached with a `next` cursor. Each query is sent 100 times to warm up, then `REPEATS` times one
 * after another; median and p95 are reported. Comparing the same query at 1M and at 10k objects shows
 * whether a page costs what the page holds or what the collection holds (goal: within 2×).
 */
import type { Landmarks } from './read-taxii.bench.ts';
import type { DatabaseKind, Measurement } from './measurement.ts';
import { checkDeadline, median, p95 } from './stats.ts';
import { getPage, type TaxiiTarget } from './taxii-client.ts';

/**
 * Enough for the JIT of a freshly started server (and of this client) to settle on the query path; with
 * fewer, the 10k baseline, measured first, comes out slow and every ratio looks better than it is.
 */
const WARMUP = 100;
const REPEATS = 100;

export interface FilteredQuery {
  /** Stable name: the same query at another size is found by it. */
  name: string;
  query: string;
}

/** The queries, built from positions found by the full read. */
export function filteredQueries(landmarks: Landmarks): FilteredQuery[] {
  // One second before the oldest object: the whole collection is "added after" it.
  const beforeFirst = new Date(Date.parse(landmarks.firstDateAdded) - 1_000).toISOString();
  const nearEnd = encodeURIComponent(landmarks.nearEndDateAdded);
  return [
    { name: 'GET match[type]=indicator, start', query: 'match[type]=indicator&limit=100' },
    { name: 'GET added_after, start', query: `added_after=${encodeURIComponent(beforeFirst)}&limit=100` },
    { name: 'GET added_after, end', query: `added_after=${nearEnd}&limit=100` },
    { name: 'GET added_after+match[type], end', query: `added_after=${nearEnd}&match[type]=indicator&limit=100` },
    { name: 'GET next cursor, deep page', query: `next=${encodeURIComponent(landmarks.nearEndNext)}&limit=100` },
  ];
}

/** Median latency (ms) of each query; p95, min and the page size seen are in `detail`. */
export async function measureFilteredGets(
  target: TaxiiTarget,
  landmarks: Landmarks,
  database: DatabaseKind,
  size: number,
  deadline: number,
): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const { name, query } of filteredQueries(landmarks)) {
    const times: number[] = [];
    let objects = 0;
    for (let i = 0; i < WARMUP + REPEATS; i++) {
      checkDeadline(deadline, name);
      const { reply, envelope } = await getPage(target, query);
      objects = envelope.objects?.length ?? 0;
      if (objects === 0) throw new Error(`${name} answered no objects (${query})`);
      if (i >= WARMUP) times.push(reply.ms);
    }
    results.push({
      name: `latency: ${name} (median)`,
      database,
      size,
      value: median(times),
      unit: 'ms',
      detail: { query, p95: p95(times), min: Math.min(...times), objectsPerPage: objects, repeats: REPEATS },
    });
    results.push({ name: `latency: ${name} (p95)`, database, size, value: p95(times), unit: 'ms' });
  }
  return results;
}

/**
 * The ratio of each query's median at `size` to its median at the baseline size: how much slower the
 * same page is on a larger collection.
 */
export function pageRatios(measured: readonly Measurement[], baseline: readonly Measurement[]): Measurement[] {
  const ratios: Measurement[] = [];
  for (const m of measured) {
    if (!m.name.startsWith('latency: ') || !m.name.endsWith('(median)')) continue;
    const base = baseline.find((b) => b.name === m.name && b.database === m.database);
    if (!base || base.value <= 0) continue;
    ratios.push({
      name: `ratio vs ${base.size.toLocaleString('en-US')}: ${m.name.slice('latency: '.length, -' (median)'.length)}`,
      database: m.database,
      size: m.size,
      value: m.value / base.value,
      unit: '×',
      goal: 'pageRatio',
      detail: { medianMs: m.value, baselineMedianMs: base.value, baselineSize: base.size },
    });
  }
  return ratios;
}
