/**
 * `thiqa peer add|list|remove`: other hubs this one syncs with. Credentials are read from standard input only
 * (`--password-stdin`, `--token-stdin`), never from the command line, and are never printed.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { TaxiiCredentials } from '../../server/modules/federation/taxii-client/taxii-remote.ts';
import { contextOf, usageError, withInitialisedPlatform } from '../command-context.ts';
import { formatCountOf, formatTable } from '../output.ts';
import { readFirstLine } from '../password-input.ts';

interface AddOptions {
  user?: string;
  passwordStdin?: boolean;
  tokenStdin?: boolean;
  org?: string;
  replace?: boolean;
}

async function credentialsOf(options: AddOptions): Promise<TaxiiCredentials> {
  if (options.passwordStdin && options.tokenStdin) throw usageError('usage.conflicting_options', 'give --password-stdin or --token-stdin, not both');
  if (options.tokenStdin) {
    if (options.user) throw usageError('usage.conflicting_options', '--user goes with --password-stdin, not with --token-stdin');
    const token = await readFirstLine(process.stdin);
    if (token === '') throw usageError('usage.token_missing', 'no token on standard input: pipe it (echo "…" | thiqa peer add … --token-stdin)');
    return { kind: 'bearer', token };
  }
  if (options.user === undefined) {
    if (options.passwordStdin) throw usageError('usage.user_missing', '--password-stdin needs --user');
    return { kind: 'none' };
  }
  if (!options.passwordStdin) throw usageError('usage.password_missing', '--user needs --password-stdin (the password is read from standard input, never from the command line)');
  const password = await readFirstLine(process.stdin);
  if (password === '') throw usageError('usage.password_missing', 'no password on standard input: pipe it (echo "…" | thiqa peer add … --password-stdin)');
  return { kind: 'basic', user: options.user, password };
}

export function peerCommand(): Command {
  const peer = new Command('peer').description('other hubs this hub syncs collections with');
  peer
    .command('add')
    .description('add a peer hub: its TAXII API root URL, credentials there, and the organisation it stands for here')
    .argument('<name>', 'a name for the peer, unique regardless of case')
    .argument('<url>', 'the peer’s TAXII API root URL (https://hub.example/regional/)')
    .requiredOption('--org <org>', 'the local organisation (id or name) the peer hub stands for: forwarding is decided for it')
    .option('--user <user>', 'user name on the peer (HTTP Basic), the password read from standard input')
    .option('--password-stdin', 'read the password for --user from the first line of standard input')
    .option('--token-stdin', 'read a Bearer token from the first line of standard input')
    .option('--replace', 'change the URL, credentials and organisation of a peer of that name')
    .action(async (name: string, url: string, options: AddOptions, command: Command) => {
      const context = contextOf(command);
      const credentials = await credentialsOf(options);
      await withInitialisedPlatform(context, async (platform) => {
        const added = await platform.peers.add(SYSTEM, { name, url, credentials, organisation: options.org!, replace: options.replace === true });
        context.out.result({ peer: added }, () => `Added peer ${added.name} (${added.id}) at ${added.apiRootUrl}, authenticating by ${added.auth}.`);
      });
    });
  peer
    .command('list')
    .description('list the peer hubs (without their credentials)')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const peers = await platform.peers.list(SYSTEM);
        context.out.result({ peers }, () => formatTable(['NAME', 'URL', 'AUTH', 'ID'], peers.map((p) => [p.name, p.apiRootUrl, p.auth, p.id])));
      });
    });
  peer
    .command('remove')
    .description('remove a peer hub, its credentials and its links (what it delivered stays)')
    .argument('<name>', 'peer name or id')
    .action(async (name: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const removed = await platform.peers.remove(SYSTEM, name);
        context.out.result(removed, () => `Removed peer ${removed.peer.name} (${removed.peer.id}) and its ${formatCountOf(removed.links.length, 'link')}.`);
      });
    });
  return peer;
}
