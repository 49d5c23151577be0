/**
 * `thiqa export COLLECTION [--output FILE] [--as USER] [--redact-personal-data]`: every version of every
 * object of a collection (that the user may see, with `--as`; never TLP:RED) as one STIX bundle, streamed
 * page by page (a collection of millions of objects needs the memory of one page). Objects whose free text
 * seems to hold personal data are counted and a warning says how many on stderr at the end; with
 * `--redact-personal-data` each finding is written as `[redacted]` instead (shared/privacy).
 */
import { Command } from 'commander';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { Platform } from '../../server/platform.ts';
import { writeBundleStream, type WriteBundleResult } from '../../shared/json/index.ts';
import { writeFileAtomically } from '../atomic-file.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCount, formatCountOf, type Output } from '../output.ts';
import { PersonalDataTally } from '../../shared/privacy/export-tally.ts';

async function* bodiesOf(platform: Platform, collection: string, actor: Actor, tally: PersonalDataTally): AsyncGenerator<Uint8Array[]> {
  for await (const rows of platform.objects.exportAll(actor, collection)) {
    yield rows.map((row) => {
      if (row.body === undefined) throw new Error(`the store answered ${row.id} without its body`);
      return tally.takeBody(row.body);
    });
  }
}

/** Writes to `file` through a temporary name, so a failed export never leaves a truncated bundle behind. */
function exportToFile(platform: Platform, collection: string, file: string, actor: Actor, tally: PersonalDataTally): Promise<WriteBundleResult> {
  return writeFileAtomically(file, (stream) => writeBundleStream(bodiesOf(platform, collection, actor, tally), stream));
}

/** The stderr line on personal data in what was written (none when nothing was found). */
function warnOfPersonalData(out: Output, tally: PersonalDataTally): void {
  if (tally.objects === 0) return;
  if (tally.redacted > 0) out.warn(`Redacted personal data in ${formatCountOf(tally.objects, 'object')}: ${formatCount(tally.redacted)} findings written as [redacted] (${tally.summary()}).`);
  else out.warn(`Warning: personal data seems to be in ${formatCountOf(tally.objects, 'object')} (${tally.summary()}); check before sharing the file, or export with --redact-personal-data.`);
}

export function exportCommand(): Command {
  return new Command('export')
    .description('write every object version of a collection as a STIX bundle (stdout unless --output)')
    .argument('<collection>', 'collection id or alias')
    .option('--output <file>', 'write the bundle to this file instead of stdout')
    .option('--as <user>', 'export only what this user may see (TLP and grants); nothing TLP:RED is ever exported')
    .option('--redact-personal-data', 'write each finding of personal data in free text (e-mail addresses of people, phones, IBANs, cards, identity numbers) as [redacted]')
    .action(async (collectionRef: string, options: { output?: string; as?: string; redactPersonalData?: boolean }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const actor = options.as === undefined ? SYSTEM : await platform.users.actAs(SYSTEM, options.as);
        const collection = await platform.collections.find(actor, collectionRef);
        const tally = new PersonalDataTally({ redact: options.redactPersonalData === true });
        if (options.output === undefined) {
          const result = await writeBundleStream(bodiesOf(platform, collection.id, actor, tally), process.stdout);
          // stdout holds the bundle: the summary goes to stderr, for people only.
          context.out.note(`Exported ${formatCountOf(result.count, 'object')} of collection ${collection.id} (${result.id}).`);
          warnOfPersonalData(context.out, tally);
          return;
        }
        const result = await exportToFile(platform, collection.id, options.output, actor, tally);
        warnOfPersonalData(context.out, tally);
        const personalData = { objects: tally.objects, redacted: tally.redacted };
        context.out.result({ collection: collection.id, file: options.output, bundleId: result.id, objects: result.count, bytes: result.bytes, personalData }, () =>
          `Exported ${formatCountOf(result.count, 'object')} of collection ${collection.id} to ${options.output} (${result.id}, ${formatCount(result.bytes)} bytes).`,
        );
      });
    });
}
