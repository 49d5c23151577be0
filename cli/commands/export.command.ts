/**
 * `thiqa export COLLECTION [--output FILE] [--as USER]`: every version of every object of a collection (that
 * the user may see, with `--as`; never TLP:RED) as one STIX bundle, streamed page by page (a collection of millions of objects needs the memory of one page).
 */
import { Command } from 'commander';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { Platform } from '../../server/platform.ts';
import { writeBundleStream, type WriteBundleResult } from '../../shared/json/index.ts';
import { writeFileAtomically } from '../atomic-file.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCount, formatCountOf } from '../output.ts';

async function* bodiesOf(platform: Platform, collection: string, actor: Actor): AsyncGenerator<Uint8Array[]> {
  for await (const rows of platform.objects.exportAll(actor, collection)) {
    yield rows.map((row) => {
      if (row.body === undefined) throw new Error(`the store answered ${row.id} without its body`);
      return row.body;
    });
  }
}

/** Writes to `file` through a temporary name, so a failed export never leaves a truncated bundle behind. */
function exportToFile(platform: Platform, collection: string, file: string, actor: Actor): Promise<WriteBundleResult> {
  return writeFileAtomically(file, (stream) => writeBundleStream(bodiesOf(platform, collection, actor), stream));
}

export function exportCommand(): Command {
  return new Command('export')
    .description('write every object version of a collection as a STIX bundle (stdout unless --output)')
    .argument('<collection>', 'collection id or alias')
    .option('--output <file>', 'write the bundle to this file instead of stdout')
    .option('--as <user>', 'export only what this user may see (TLP and grants); nothing TLP:RED is ever exported')
    .action(async (collectionRef: string, options: { output?: string; as?: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const actor = options.as === undefined ? SYSTEM : await platform.users.actAs(SYSTEM, options.as);
        const collection = await platform.collections.find(actor, collectionRef);
        if (options.output === undefined) {
          const result = await writeBundleStream(bodiesOf(platform, collection.id, actor), process.stdout);
          // stdout holds the bundle: the summary goes to stderr, for people only.
          context.out.note(`Exported ${formatCountOf(result.count, 'object')} of collection ${collection.id} (${result.id}).`);
          return;
        }
        const result = await exportToFile(platform, collection.id, options.output, actor);
        context.out.result({ collection: collection.id, file: options.output, bundleId: result.id, objects: result.count, bytes: result.bytes }, () =>
          `Exported ${formatCountOf(result.count, 'object')} of collection ${collection.id} to ${options.output} (${result.id}, ${formatCount(result.bytes)} bytes).`,
        );
      });
    });
}
