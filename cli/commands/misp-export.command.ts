/**
 * `thiqa misp export COLLECTION --out DIR [--as USER] [--json]`: a collection as a MISP feed in DIR
 * (`<uuid>.json` per event, `hashes.csv`, `manifest.json`), for a MISP instance to subscribe to. What came from
 * MISP goes back as the events it was; other objects are grouped by report, the rest in one event. Never
 * TLP:RED; with `--as`, only what that user may see. Objects whose free text seems to hold personal data are
 * counted in a warning on stderr; `--redact-personal-data` writes each finding as `[redacted]`.
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
    .option('--redact-personal-data', 'write each finding of personal data in free text (e-mail addresses of people, phones, IBANs, cards, identity numbers) as [redacted]')
    .action(async (collectionRef: string, options: { out: string; as?: string; redactPersonalData?: boolean }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const actor = options.as === undefined ? SYSTEM : await platform.users.actAs(SYSTEM, options.as);
        const report = await platform.mispExport.export(actor, collectionRef, options.out, { redactPersonalData: options.redactPersonalData === true });
        const { personalData } = report;
        const kinds = Object.entries(personalData.kinds).sort(([a], [b]) => a.localeCompare(b)).map(([kind, n]) => `${kind} ${formatCount(n)}`).join(', ');
        if (personalData.redacted > 0) context.out.warn(`Redacted personal data in ${formatCountOf(personalData.objects, 'object')}: ${formatCount(personalData.redacted)} findings written as [redacted] (${kinds}).`);
        else if (personalData.objects > 0) context.out.warn(`Warning: personal data seems to be in ${formatCountOf(personalData.objects, 'object')} (${kinds}); check before sharing the feed, or export with --redact-personal-data.`);
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
