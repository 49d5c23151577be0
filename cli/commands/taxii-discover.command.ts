/**
 * `thiqa taxii discover URL`: a server's discovery resource (its API roots, each with its title and
 * `max_content_length`). `thiqa taxii collections URL`: the collections of an API root the credentials see.
 * Neither opens the local store.
 */
import { Command } from 'commander';
import { contextOf } from '../command-context.ts';
import { formatTable } from '../output.ts';
import { clientOf, resolveApiRoot, talkingTo, withRemoteOptions, type RemoteOptions } from '../taxii-remote.ts';

export function taxiiDiscoverCommand(): Command {
  return withRemoteOptions(
    new Command('discover').description("show a TAXII 2.1 server's API roots").argument('<url>', 'the server, or its discovery URL (…/taxii2/)'),
  ).action(async (url: string, options: RemoteOptions, command: Command) => {
    const context = contextOf(command);
    const client = await clientOf(options);
    const answer = await talkingTo(url, async () => {
      const discovery = await client.discover(url);
      const apiRoots = [];
      for (const root of discovery.apiRoots) apiRoots.push(await client.apiRoot(root));
      return { ...discovery, apiRoots };
    });
    context.out.result(answer, () => [
      `${answer.title}${answer.default ? ` (default API root ${answer.default})` : ''}`,
      ...formatTable(['API root', 'max_content_length', 'title'], answer.apiRoots.map((r) => [r.url, String(r.maxContentLength), r.title])),
    ]);
  });
}

export function taxiiCollectionsCommand(): Command {
  return withRemoteOptions(
    new Command('collections').description('list the collections of a TAXII 2.1 API root').argument('<url>', 'the API root URL (or the server with --api-root)'),
  ).action(async (url: string, options: RemoteOptions, command: Command) => {
    const context = contextOf(command);
    const client = await clientOf(options);
    const collections = await talkingTo(url, async () => client.collections((await resolveApiRoot(client, url, options.apiRoot)).url));
    context.out.result({ collections }, () =>
      collections.length === 0
        ? ['No collection these credentials may see.']
        : formatTable(['id', 'read', 'write', 'title'], collections.map((c) => [c.id, c.canRead ? 'yes' : 'no', c.canWrite ? 'yes' : 'no', c.title])),
    );
  });
}
