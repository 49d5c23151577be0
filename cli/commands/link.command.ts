/** `thiqa link add|list|remove`: a peer's collection tied to a local collection, with a direction and a mode. */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatTable } from '../output.ts';

interface AddOptions {
  remoteCollection: string;
  localCollection: string;
  direction: string;
  continuous?: boolean;
  deletions?: boolean;
  community?: string;
}

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());

export function linkCommand(): Command {
  const link = new Command('link').description('links between a peer’s collection and a local one');
  link
    .command('add')
    .description('link a collection of a peer to a local collection')
    .argument('<peer>', 'peer name or id')
    .requiredOption('--remote-collection <id>', 'the collection’s id on the peer')
    .requiredOption('--local-collection <id>', 'local collection id or alias')
    .requiredOption('--direction <direction>', 'pull, push or both')
    .option('--continuous', 'sync continuously (poll, and push at once what is stored here) rather than on a schedule')
    .option('--deletions', 'propagate deletions: passed on to the peer (push), and taken from it (pull: what it delivered and no longer has is deleted here)')
    .option('--community <community>', 'the community the link belongs to (default: that of the local collection’s API root)')
    .action(async (peer: string, options: AddOptions, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const added = await platform.links.add(SYSTEM, {
          peer,
          remoteCollection: options.remoteCollection,
          localCollection: options.localCollection,
          direction: options.direction,
          continuous: options.continuous === true,
          propagateDeletions: options.deletions === true,
          community: options.community,
        });
        context.out.result({ link: added }, () => `Added link ${added.id}: ${added.direction}, ${added.mode}, local collection ${added.localCollection}.`);
      });
    });
  link
    .command('list')
    .description('list the links with their status (last success, last error)')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const links = await platform.links.list(SYSTEM);
        context.out.result({ links }, () =>
          formatTable(
            ['ID', 'DIRECTION', 'MODE', 'LOCAL', 'REMOTE', 'LAST SUCCESS', 'LAST ERROR'],
            links.map((l) => [l.id, l.direction, l.mode, l.localCollection, l.remoteCollection, when(l.status.lastSuccessAt), l.status.lastError?.code ?? '-']),
          ),
        );
      });
    });
  link
    .command('remove')
    .description('remove a link: its sync stops (what it brought stays)')
    .argument('<id>', 'link id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const removed = await platform.links.remove(SYSTEM, id);
        context.out.result({ link: removed }, () => `Removed link ${removed.id} (${removed.direction}, local collection ${removed.localCollection}).`);
      });
    });
  return link;
}
