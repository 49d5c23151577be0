/** `thiqa init`: creates or migrates the store and sets up the first run (API root, collection, admin). */
import { Command } from 'commander';
import { bootstrap, DEFAULT_API_ROOT, DEFAULT_COLLECTION_ALIAS } from '../../server/bootstrap.ts';
import { contextOf, withPlatform } from '../command-context.ts';
import { defaultCollectionId } from '../default-collection.ts';
import { redactUrl } from '../output.ts';

export function initCommand(): Command {
  return new Command('init')
    .description('create or upgrade the store and set it up on first run (prints the admin password once)')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withPlatform(context, async (platform) => {
        const result = await bootstrap(platform);
        const store = redactUrl(platform.config.databaseUrl);
        const collectionId = await defaultCollectionId(platform, result);
        context.out.result(
          { store, createdApiRoot: result.createdApiRoot, apiRoot: DEFAULT_API_ROOT, defaultCollectionId: collectionId ?? null, admin: result.admin ?? null },
          () => [
            `Store ready: ${store}`,
            ...(result.createdApiRoot
              ? [`Created API root "${DEFAULT_API_ROOT}" and collection "${DEFAULT_COLLECTION_ALIAS}" (${result.collectionId}).`]
              : [`Already set up${collectionId ? `; default collection: ${collectionId}` : ''}.`]),
            ...(result.admin
              ? [`Administrator: ${result.admin.name}`, `Password:      ${result.admin.password}`, 'The password is shown only this once: store it now.']
              : []),
          ],
        );
      });
    });
}
