/**
 * Output of a benchmark run: a plain-text table for the maintainer and a JSON file under bench/results/
 * (git-ignored) that keeps every detail for comparing runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { judge, type Measurement } from './measurement.ts';
import { round } from './stats.ts';

const HEADERS = ['measurement', 'db', 'size', 'value', 'unit', 'goal', 'met?'];

/** The results as an aligned text table, one row per measurement. */
export function formatTable(measurements: readonly Measurement[]): string {
  const rows = measurements.map((m) => {
    const { text, met } = judge(m);
    return [m.name, m.database, m.size.toLocaleString('en-US'), String(round(m.value)), m.unit, text, met === undefined ? '' : met ? 'yes' : 'NO'];
  });
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Numbers read best right-aligned; words left-aligned.
  const right = new Set([2, 3]);
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface RunInfo {
  startedAt: string;
  finishedAt: string;
  /** 1-minute load average at the start and the end: other work on the machine skews every figure. */
  loadAverage: { start: number; end: number };
  options: Record<string, unknown>;
  notes: string[];
}

/** Writes the run to bench/results/<timestamp>.json and answers the file's path. */
export function writeResults(dir: string, info: RunInfo, measurements: readonly Measurement[]): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${info.startedAt.replace(/[:.]/g, '-')}.json`);
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryMB: Math.round(os.totalmem() / 1024 / 1024),
  };
  const results = measurements.map((m) => ({ ...m, value: round(m.value), ...judgeFields(m) }));
  fs.writeFileSync(file, `${JSON.stringify({ ...info, machine, results }, null, 2)}\n`);
  return file;
}

function judgeFields(m: Measurement): { goalText?: string; met?: boolean } {
  const { text, met } = judge(m);
  return met === undefined ? {} : { goalText: text, met };
}
