/**
 * What the `thiqa taxii …` commands share: the remote's options (credentials from stdin, never from the
 * command line; `--api-root` when the URL is the server's discovery URL), the client, and remote failures
 * turned into domain errors (exit codes of exit-codes.ts).
 */
import { Option, type Command } from 'commander';
import { TaxiiClient, discoveryUrl } from '../server/modules/federation/taxii-client/taxii-client.ts';
import { remoteFailure } from '../server/modules/federation/taxii-client/taxii-errors.ts';
import { rootUrl } from '../server/modules/federation/taxii-client/taxii-resources.ts';
import { TaxiiRemoteError, type RemoteApiRoot, type TaxiiCredentials } from '../server/modules/federation/taxii-client/taxii-remote.ts';
import { usageError } from './command-context.ts';
import { readFirstLine } from './password-input.ts';

export interface RemoteOptions {
  apiRoot?: string;
  user?: string;
  passwordStdin?: boolean;
  tokenStdin?: boolean;
  timeout?: string;
}

/** Adds the options every `taxii` command takes. */
export function withRemoteOptions(command: Command): Command {
  return command
    .option('--api-root <name-or-url>', 'URL is the server (or its discovery URL): use this API root of it (its name or URL)')
    .option('--user <name>', 'HTTP Basic user; the password is the first line of stdin (--password-stdin)')
    .option('--password-stdin', 'read the Basic password from the first line of stdin')
    .option('--token-stdin', 'read a Bearer token from the first line of stdin')
    .addOption(new Option('--timeout <seconds>', 'seconds each request may take').default('60'));
}

/**
 * The credentials the options ask for, read from stdin.
 * @throws DomainError `usage.credentials` for a user without --password-stdin (or the reverse), or both kinds.
 */
export async function readCredentials(options: RemoteOptions): Promise<TaxiiCredentials> {
  if (options.tokenStdin && (options.user !== undefined || options.passwordStdin)) {
    throw usageError('usage.credentials', 'give either --user with --password-stdin, or --token-stdin, not both');
  }
  if ((options.user !== undefined) !== (options.passwordStdin === true)) {
    throw usageError('usage.credentials', '--user and --password-stdin go together: the password is read from the first line of stdin');
  }
  if (options.tokenStdin) {
    const token = (await readFirstLine(process.stdin)).trim();
    if (token === '') throw usageError('usage.credentials', 'no token on standard input (--token-stdin)');
    return { kind: 'bearer', token };
  }
  if (options.user !== undefined) {
    const password = await readFirstLine(process.stdin);
    if (password === '') throw usageError('usage.credentials', 'no password on standard input (--password-stdin)');
    return { kind: 'basic', user: options.user, password };
  }
  return { kind: 'none' };
}

export async function clientOf(options: RemoteOptions): Promise<TaxiiClient> {
  const seconds = Number(options.timeout ?? '60');
  if (!Number.isFinite(seconds) || seconds <= 0) throw usageError('usage.invalid_timeout', `--timeout must be a number of seconds above 0, not "${options.timeout}"`);
  return new TaxiiClient({ credentials: await readCredentials(options), timeoutMs: Math.round(seconds * 1000) });
}

/** The API root: `url` itself, or with `--api-root`, the one of the server's discovery resource it names. */
export async function resolveApiRoot(client: TaxiiClient, url: string, apiRoot: string | undefined): Promise<RemoteApiRoot> {
  if (apiRoot === undefined) return client.apiRoot(url);
  const discovery = await client.discover(url);
  const wanted = /^https?:\/\//.test(apiRoot) ? rootUrl(apiRoot, apiRoot) : undefined;
  const name = apiRoot.replace(/^\/+|\/+$/g, '');
  const found = discovery.apiRoots.find((root) => (wanted ? root === wanted : root.replace(/\/$/, '').split('/').pop() === name));
  if (!found) {
    throw usageError('usage.unknown_api_root', `the server at ${discoveryUrl(url)} lists no API root "${apiRoot}"; it lists: ${discovery.apiRoots.join(', ') || 'none'}`);
  }
  return client.apiRoot(found);
}

/** Runs `work`, turning a failure of the remote into a domain error naming `url`. */
export async function talkingTo<T>(url: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TaxiiRemoteError) throw remoteFailure(error, url);
    throw error;
  }
}
