/**
 * `thiqa community add|join|leave|list`: sharing communities of organisations, each with its TAXII API root.
 * Collections shared with a community are made by `thiqa collection create --community`.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatTable } from '../output.ts';

interface AddOptions {
  description?: string;
}

/** `join` and `leave` differ only in the service method and the words. */
function membershipCommand(verb: 'join' | 'leave'): Command {
  return new Command(verb)
    .description(verb === 'join' ? 'make an organisation a member of a community' : 'end an organisation’s membership of a community')
    .argument('<community>', 'community id or name')
    .argument('<org>', 'organisation id or name')
    .action(async (community: string, org: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const result = await platform.communities[verb](SYSTEM, community, org);
        const { name } = await platform.organisations.find(SYSTEM, result.organisationId);
        context.out.result({ community: result.community, organisationId: result.organisationId, changed: result.changed }, () => {
          if (verb === 'join') return result.changed ? `${name} joined ${result.community.name}.` : `${name} was already a member of ${result.community.name}.`;
          return result.changed ? `${name} left ${result.community.name}.` : `${name} was no member of ${result.community.name}.`;
        });
      });
    });
}

export function communityCommand(): Command {
  const community = new Command('community').description('manage sharing communities (organisations sharing collections)');
  community
    .command('add')
    .description('add a community and its TAXII API root (named by the community’s slug)')
    .argument('<name>', 'community name, unique regardless of case')
    .option('--description <text>', 'description, also shown on the API root')
    .action(async (name: string, options: AddOptions, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const added = await platform.communityApiRoots.add(SYSTEM, { name, description: options.description });
        context.out.result(added, () => `Added community ${added.community.name} (${added.community.id}), API root /${added.apiRoot.name}/.`);
      });
    });
  community.addCommand(membershipCommand('join'));
  community.addCommand(membershipCommand('leave'));
  community
    .command('list')
    .description('list communities with their number of member organisations')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const communities = await platform.communities.list(SYSTEM);
        context.out.result({ communities }, () =>
          formatTable(
            ['NAME', 'API ROOT', 'MEMBERS', 'ID'],
            communities.map((c) => [c.name, c.slug, String(c.members), c.id]),
          ),
        );
      });
    });
  return community;
}
