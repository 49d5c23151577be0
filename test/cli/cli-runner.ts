/** Runs the real `thiqa` command (bin/thiqa.js) in a child process, as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TestStore } from '../support/databases.ts';

export const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'thiqa.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of the child: the test's own, without the variables that would choose another store or
 * change the configuration behind the test's back.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of Object.keys(env)) if ((name.startsWith('THIQA_') || name === 'DATABASE_URL') && name !== 'THIQA_DEBUG' && !(name in extra)) delete env[name];
  return env;
}

/** Starts `thiqa …args` (for long-running commands such as `serve`). */
export function startCli(args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs `thiqa …args` to its end; `input` is written to its stdin (closed either way). */
export function runCli(args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliResult> {
  const child = startCli(args, options.env);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  // The child may exit without reading its stdin; that is not the test's failure.
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Parses the `--json` output of a run, failing the test with the run's output when it is not JSON. */
export function jsonOf<T = Record<string, unknown>>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\n--- stderr ---\n${result.stderr}`);
  }
}

/** The global option choosing a test store. */
export function storeArgs(store: TestStore): string[] {
  return ['--database-url', store.url];
}
