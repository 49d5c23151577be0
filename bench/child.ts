/**
 * Runs the `thiqa` CLI as a child process, the way a maintainer would, with a wall clock, a hard time limit
 * and peak-RSS sampling (see rss.ts). The child is the Node that runs this benchmark (`process.execPath`,
 * Node 24 from node_modules/.bin under `npm run bench`), spawned directly rather than through a shell so
 * that the pid we sample is the CLI itself.
 */
import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleRss } from './rss.ts';

/** The repository root (bench/..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'bin', 'thiqa.js');

/** Output kept per stream; a chatty child cannot grow the benchmark's memory without bound. */
const MAX_OUTPUT = 4 * 1024 * 1024;

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  peakRssBytes: number;
}

export interface CliOptions {
  /** Extra environment for the child (e.g. DATABASE_URL for a PostgreSQL store). */
  env?: Record<string, string>;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  /** Killed (SIGKILL) after this long; the run then fails. */
  timeoutMs: number;
}

/** The environment of a child: ours plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** Children still running: an interrupted benchmark stops them rather than leaving a server behind. */
const live = new Set<ChildProcess>();
/** Set once the benchmark is stopping: no new child may start while the clean-up runs. */
let stopping = false;

/** The Node flags on the first line of bin/thiqa.js, so children run as `thiqa` and `npm start` do. */
const NODE_FLAGS = (fs.readFileSync(CLI, 'utf8').split('\n')[0] ?? '').split(' ').filter((part) => part.startsWith('--'));

/** Spawns `node <flags> bin/thiqa.js …args` with stdio piped. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  if (stopping) throw new Error('the benchmark is stopping');
  const child = spawn(process.execPath, [...NODE_FLAGS, CLI, ...args], { cwd: ROOT, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** True once the benchmark is stopping: nothing new (child, store, schema) may be made. */
export function isStopping(): boolean {
  return stopping;
}

/** Kills every child this benchmark started that is still running (by its own pid), and starts no more. */
export function killChildren(): void {
  stopping = true;
  for (const child of live) child.kill('SIGKILL');
}

/** Collects a stream into a string, keeping at most MAX_OUTPUT characters (the tail is dropped). */
export function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    if (text.length < MAX_OUTPUT) text += chunk;
  });
  return () => text;
}

/** Runs one CLI command to completion; never rejects for a non-zero exit (the caller decides). */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawnCli(args, options.env);
    if (child.pid === undefined) {
      child.once('error', reject);
      return;
    }
    const rss = sampleRss(child.pid);
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.stdin?.on('error', () => undefined); // a child that exits before reading stdin is not our error
    child.stdin?.end(options.input ?? '');
    child.once('error', (error) => {
      clearTimeout(timer);
      rss.stop();
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      resolve({ stdout: stdout(), stderr: stderr(), code, signal, wallMs, peakRssBytes: rss.stop() });
    });
  });
}

/** Like runCli, but throws with the child's stderr when it fails or times out. */
export async function runCliOk(args: readonly string[], options: CliOptions): Promise<CliRun> {
  const run = await runCli(args, options);
  if (run.code !== 0) {
    const why = run.signal ? `killed by ${run.signal} (time limit ${Math.round(options.timeoutMs / 1000)} s?)` : `exit code ${run.code}`;
    throw new Error(`thiqa ${args[0]} failed: ${why}\n${run.stderr.slice(-2000)}${run.stdout.slice(-1000)}`);
  }
  return run;
}

/** Parses the last JSON document a `--json` command printed on stdout. */
export function jsonOutput<T>(run: CliRun): T {
  const text = run.stdout.trim();
  try {
    return JSON.parse(text) as T;
  } catch {
    // Some commands may print progress lines before the final JSON; take the last line that parses.
    const lines = text.split('\n').reverse();
    for (const line of lines) {
      try {
        return JSON.parse(line) as T;
      } catch {
        continue;
      }
    }
    throw new Error(`expected JSON on stdout, got: ${text.slice(0, 500)}`);
  }
}
