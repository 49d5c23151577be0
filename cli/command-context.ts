/**
 * What every command gets: the global options (`--data`, `--database-url`, `--json`), the output, the
 * configuration and the platform opened on the chosen store — closed again however the command ends.
 */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../server/core/config.ts';
import { DomainError, type ErrorParams } from '../server/core/errors.ts';
import { SYSTEM } from '../server/core/auth/actor.ts';
import { openPlatform, type Platform } from '../server/platform.ts';
import { Output } from './output.ts';

/** Options every command takes (declared once on the program). */
export interface GlobalOptions {
  data?: string;
  databaseUrl?: string;
  json?: boolean;
}

export interface CommandContext {
  out: Output;
  /** The configuration for this run; the flags win over the environment. */
  config(overrides?: { host?: string | undefined; port?: string | undefined }): Config;
}

/** The context of the command being run (`command` is the last argument commander passes to an action). */
export function contextOf(command: Command): CommandContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  return {
    out: new Output(options.json === true),
    config: (overrides = {}) => loadConfig({ dataDir: options.data, databaseUrl: options.databaseUrl, ...overrides }),
  };
}

/**
 * A mistake in how the command was called: exit status 2. (A DomainError like the others, so it is reported
 * the same way; the `usage.` prefix of its code is what the exit-code mapping looks at.)
 */
export function usageError(code: `usage.${string}`, message: string, params?: ErrorParams): DomainError {
  return new DomainError('invalid', code, message, params);
}

/** Runs `work` with the platform open on the configured store (migrated), closing it afterwards. */
export async function withPlatform<T>(context: CommandContext, work: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await openPlatform(context.config());
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}

/**
 * Like `withPlatform`, for commands that need a store set up by `thiqa init` (or a first `thiqa serve`).
 * Adding a user to a bare store would otherwise stop the first run from creating the administrator.
 * @throws DomainError not_found `store.not_initialised`.
 */
export function withInitialisedPlatform<T>(context: CommandContext, work: (platform: Platform) => Promise<T>): Promise<T> {
  return withPlatform(context, async (platform) => {
    if ((await platform.apiRoots.list(SYSTEM)).length === 0) {
      throw new DomainError('not_found', 'store.not_initialised', 'this store is not set up yet: run "thiqa init" first (with the same --data or --database-url)');
    }
    return work(platform);
  });
}
