/**
 * Tests that need a program from Debian (named-checkzone, rbldnsd): where it is missing they are skipped with
 * the reason in their name, unless `CI` is set, where a missing tool fails the test loudly.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const PATHS = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin']);

/** The path of a program, or undefined. */
export function findTool(name: string): string | undefined {
  return PATHS.map((dir) => `${dir}/${name}`).find((file) => fs.existsSync(file));
}

/**
 * `it`'s name and whether to skip it for a test needing `tool`: on CI a missing tool is not skipped, so the
 * test runs and fails on `requireTool`.
 */
export function toolTest(tool: string, name: string): { name: string; skip: boolean } {
  const found = findTool(tool) !== undefined;
  if (found || process.env.CI) return { name, skip: false };
  return { name: `${name} (skipped: ${tool} is not installed; apt-get install it to run this test)`, skip: true };
}

/** The tool's path; throws when missing (on CI, where `toolTest` does not skip). */
export function requireTool(tool: string): string {
  const file = findTool(tool);
  if (file === undefined) throw new Error(`${tool} is needed by this test and is not installed (CI is set, so it is not skipped)`);
  return file;
}

/** Runs a program to its end. */
export function runTool(file: string, args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}
