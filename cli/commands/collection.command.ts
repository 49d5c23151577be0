/** `thiqa collection create|list|grant`: TAXII collections and who may read or write them. */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { notFound } from '../../server/core/errors.ts';
import type { Platform } from '../../server/platform.ts';
import { contextOf, usageError, withInitialisedPlatform } from '../command-context.ts';
import { formatTable } from '../output.ts';
import { tlpName } from '../../shared/stix/sharing.ts';

interface CreateOptions {
  title: string;
  apiRoot?: string;
  community?: string;
  alias?: string;
  description?: string;
  defaultTlp?: string;
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

/** A principal as an operator names it, as grants record it: `user:<id>`, `org:<id>`, `community:<id>`, `authenticated`, `anonymous`. */
async function resolvePrincipal(platform: Platform, ref: string): Promise<{ principal: string; label: string }> {
  if (ref === 'authenticated') return { principal: ref, label: 'Every signed-in user' };
  if (ref === 'anonymous') return { principal: ref, label: 'Anyone (public)' };
  if (ref.startsWith('org:')) {
    const org = await platform.organisations.find(SYSTEM, ref.slice(4));
    return { principal: `org:${org.id}`, label: `Organisation ${org.name}` };
  }
  if (ref.startsWith('community:')) {
    const community = await platform.communities.find(SYSTEM, ref.slice(10));
    return { principal: `community:${community.id}`, label: `Community ${community.name}` };
  }
  const user = await platform.users.findUser(ref);
  if (!user) throw notFound('user.not_found', `no user named "${ref}" (name an organisation as org:NAME, a community as community:NAME)`, { name: ref });
  return { principal: `user:${user.id}`, label: user.name };
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
    .option('--default-tlp <level>', 'TLP level of objects that arrive unmarked: clear, green, amber (community collections only), amber+strict, red', 'green')
    .action(async (options: CreateOptions, command: Command) => {
      const context = contextOf(command);
      if (options.community !== undefined && options.apiRoot !== undefined) {
        throw usageError('usage.community_and_api_root', 'give --community or --api-root, not both: a community’s collections are in its API root');
      }
      await withInitialisedPlatform(context, async (platform) => {
        if (options.community !== undefined) {
          const { title, alias, description, defaultTlp } = options;
          const { community, collection: created } = await platform.communityApiRoots.createCollection(SYSTEM, options.community, { title, alias, description, defaultTlp });
          context.out.result({ collection: created, community }, () => `Created collection "${created.title}" for community ${community.name} in API root "${created.apiRoot}": ${created.id}`);
          return;
        }
        const created = await platform.collections.create(SYSTEM, {
          apiRoot: await apiRootFor(platform, options.apiRoot),
          title: options.title,
          alias: options.alias,
          description: options.description,
          defaultTlp: options.defaultTlp,
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
            ['ID', 'API ROOT', 'ALIAS', 'DEFAULT TLP', 'TITLE'],
            collections.map((c) => [c.id, c.apiRoot, c.alias ?? '-', tlpName(c.defaultTlp).toUpperCase(), c.title]),
          ),
        );
      });
    });
  collection
    .command('grant')
    .description('set what a principal may do with a collection (replaces what it had)')
    .argument('<collection>', 'collection id or alias')
    .argument('<principal>', 'a user name; org:ORG or community:COMMUNITY (id or name); authenticated (every signed-in user); anonymous (public, read only)')
    .option('--read', 'may read objects', false)
    .option('--write', 'may add objects', false)
    .option('--revoke', 'take all access away', false)
    .action(async (collectionRef: string, principalRef: string, options: GrantOptions, command: Command) => {
      const context = contextOf(command);
      if (options.revoke === (options.read || options.write)) {
        throw usageError('usage.grant_access', 'give --read and/or --write, or --revoke alone');
      }
      await withInitialisedPlatform(context, async (platform) => {
        const target = await platform.collections.find(SYSTEM, collectionRef);
        const { principal, label } = await resolvePrincipal(platform, principalRef);
        const access = { read: options.read, write: options.write };
        await platform.collections.grant(SYSTEM, target.id, principal, access);
        context.out.result({ collection: target.id, principal, ...access }, () =>
          options.revoke
            ? `${label} no longer has access to collection ${target.id}.`
            : `${label} may now ${[options.read && 'read', options.write && 'write'].filter(Boolean).join(' and ')} collection ${target.id}.`,
        );
      });
    });
  return collection;
}
