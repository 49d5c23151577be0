/**
 * `thiqa misp export COLLECTION --out DIR [--as USER] [--json]`: a collection as a MISP feed in DIR
 * (`<uuid>.json` per event, `hashes.csv`, `manifest.json`), for a MISP instance to subscribe to. What came from
 * MISP goes back as the events it was; other objects are grouped by report, the rest in one event. Never
 * TLP:RED; with `--as`, only what that user may see.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCount, formatCountOf } from '../output.ts';

export function mispExportCommand(): Command {
  return new Command('export')
    .description('write a collection as a MISP feed (manifest.json, <uuid>.json per event, hashes.csv)')
    .argument('<collection>', 'collection id or alias')
    .requiredOption('--out <dir>', 'the folder to write the feed to (created if need be)')
    .option('--as <user>', 'export only what this user may see (TLP and grants); nothing TLP:RED is ever exported')
    .action(async (collectionRef: string, options: { out: string; as?: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const actor = options.as === undefined ? SYSTEM : await platform.users.actAs(SYSTEM, options.as);
        const report = await platform.mispExport.export(actor, collectionRef, options.out);
        context.out.result(report, () => {
          const skipped = Object.entries(report.skipped).map(([type, n]) => `${type} ${formatCount(n)}`).join(', ');
          return [
            `Exported collection ${report.collection.id} to ${report.dir}: ${formatCountOf(report.events, 'event')}, ${formatCountOf(report.attributes, 'attribute')} (from ${formatCountOf(report.objects, 'object')}).`,
            ...(skipped ? [`No MISP attribute type, not written: ${skipped}.`] : []),
          ];
        });
      });
    });
}
