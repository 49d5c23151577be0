/** `thiqa collection create|list|grant`: TAXII collections and who may read or write them. */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { notFound } from '../../server/core/errors.ts';
import type { Platform } from '../../server/platform.ts';
import { contextOf, usageError, withInitialisedPlatform } from '../command-context.ts';
import { formatTable } from '../output.ts';

interface CreateOptions {
  title: string;
  apiRoot?: string;
  community?: string;
  alias?: string;
  description?: string;
}

interface GrantOptions {
  read: boolean;
  write: boolean;
  revoke: boolean;
}

/** The API root named, else the default one (the one `init` made, unless an operator changed it). */
async function apiRootFor(platform: Platform, name: string | undefined): Promise<string> {
  if (name !== undefined) return (await platform.apiRoots.get(SYSTEM, name)).name;
  const roots = await platform.apiRoots.list(SYSTEM);
  const chosen = roots.find((root) => root.isDefault) ?? roots[0];
  if (!chosen) throw notFound('api_root.not_found', 'there is no API root: run "thiqa init" first');
  return chosen.name;
}

export function collectionCommand(): Command {
  const collection = new Command('collection').description('manage TAXII collections');
  collection
    .command('create')
    .description('create a collection')
    .requiredOption('--title <title>', 'title shown to TAXII clients')
    .option('--api-root <name>', 'API root to create it in (default: the default API root)')
    .option('--community <community>', 'community (id or name) to share it with: created in its API root, readable and writable by its members')
    .option('--alias <alias>', 'short name usable instead of the id (lower-case letters, digits, "-", "_")')
    .option('--description <text>', 'description shown to TAXII clients')
    .action(async (options: CreateOptions, command: Command) => {
      const context = contextOf(command);
      if (options.community !== undefined && options.apiRoot !== undefined) {
        throw usageError('usage.community_and_api_root', 'give --community or --api-root, not both: a community’s collections are in its API root');
      }
      await withInitialisedPlatform(context, async (platform) => {
        if (options.community !== undefined) {
          const { title, alias, description } = options;
          const { community, collection: created } = await platform.communityApiRoots.createCollection(SYSTEM, options.community, { title, alias, description });
          context.out.result({ collection: created, community }, () => `Created collection "${created.title}" for community ${community.name} in API root "${created.apiRoot}": ${created.id}`);
          return;
        }
        const created = await platform.collections.create(SYSTEM, {
          apiRoot: await apiRootFor(platform, options.apiRoot),
          title: options.title,
          alias: options.alias,
          description: options.description,
        });
        context.out.result({ collection: created }, () => `Created collection "${created.title}" in API root "${created.apiRoot}": ${created.id}`);
      });
    });
  collection
    .command('list')
    .description('list collections of every API root')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const collections = await platform.collections.listAll(SYSTEM);
        context.out.result({ collections }, () =>
          formatTable(
            ['ID', 'API ROOT', 'ALIAS', 'TITLE'],
            collections.map((c) => [c.id, c.apiRoot, c.alias ?? '-', c.title]),
          ),
        );
      });
    });
  collection
    .command('grant')
    .description("set a user's access to a collection (replaces what the user had)")
    .argument('<collection>', 'collection id or alias')
    .argument('<user>', 'user name')
    .option('--read', 'may read objects', false)
    .option('--write', 'may add objects', false)
    .option('--revoke', 'take all access away', false)
    .action(async (collectionRef: string, userName: string, options: GrantOptions, command: Command) => {
      const context = contextOf(command);
      if (options.revoke === (options.read || options.write)) {
        throw usageError('usage.grant_access', 'give --read and/or --write, or --revoke alone');
      }
      await withInitialisedPlatform(context, async (platform) => {
        const target = await platform.collections.find(SYSTEM, collectionRef);
        const user = await platform.users.findUser(userName);
        if (!user) throw notFound('user.not_found', `no user named "${userName}"`, { name: userName });
        const access = { read: options.read, write: options.write };
        await platform.collections.grant(SYSTEM, target.id, `user:${user.id}`, access);
        context.out.result({ collection: target.id, user: user.name, principal: `user:${user.id}`, ...access }, () =>
          options.revoke
            ? `${user.name} no longer has access to collection ${target.id}.`
            : `${user.name} may now ${[options.read && 'read', options.write && 'write'].filter(Boolean).join(' and ')} collection ${target.id}.`,
        );
      });
    });
  return collection;
}
