/**
 * `thiqa audit verify [--expect-head SEQ:HASH]` and `thiqa audit export [--org ORG] [--output FILE]`: checking
 * the hash chain of the audit log, and writing its entries (or one organisation's) as JSON Lines. The CLI acts
 * as the operator (`system`), so it sees every entry.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { AuditEntry, ChainHead } from '../../server/core/audit/audit-chain.ts';
import { parseAnchor } from '../../server/core/audit/audit.service.ts';
import { isDomainError } from '../../server/core/errors.ts';
import type { Platform } from '../../server/platform.ts';
import { writeFileAtomically } from '../atomic-file.ts';
import { contextOf, usageError, withPlatform } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { formatCount } from '../output.ts';

const entriesText = (n: number, prefix = '') => `${formatCount(n)} ${prefix}${n === 1 ? 'entry' : 'entries'}`;

function anchorOf(text: string | undefined): ChainHead | undefined {
  if (text === undefined) return undefined;
  try {
    return parseAnchor(text);
  } catch (error) {
    if (isDomainError(error)) throw usageError('usage.invalid_anchor', error.message, error.params);
    throw error;
  }
}

/** An entry as exported: snake_case like the table; `details` as the object whose canonical JSON was hashed. */
function exported(entry: AuditEntry): Record<string, unknown> {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    details: JSON.parse(entry.details) as unknown,
    organisation_id: entry.organisationId,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

/** Writes every entry (of `organisationId` when given) as one JSON line, waiting for the stream to drain so memory stays flat. */
async function writeLines(platform: Platform, out: Writable, organisationId: string | undefined): Promise<number> {
  let count = 0;
  for await (const entry of platform.audit.export(SYSTEM, organisationId === undefined ? {} : { organisationId })) {
    if (!out.write(`${JSON.stringify(exported(entry))}\n`)) await once(out, 'drain');
    count += 1;
  }
  return count;
}

/** Writes through a temporary name, so a failed export never leaves a truncated file behind. */
function exportToFile(platform: Platform, file: string, organisationId: string | undefined): Promise<number> {
  return writeFileAtomically(file, (stream) => writeLines(platform, stream, organisationId));
}

export function auditCommand(): Command {
  const audit = new Command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check the hash chain of the audit log (exit code 1 when it is broken)')
    .option('--expect-head <seq:hash>', 'also check against a head recorded earlier (as printed by this command)')
    .action(async (options: { expectHead?: string }, command: Command) => {
      const context = contextOf(command);
      const expectHead = anchorOf(options.expectHead);
      await withPlatform(context, async (platform) => {
        const result = await platform.audit.verify(SYSTEM, expectHead ? { expectHead } : {});
        context.out.result(result, () => {
          const problem = result.problems[0];
          if (!problem) {
            return [
              `Audit log intact: ${entriesText(result.entries)}.`,
              `Head: ${result.head.seq}:${result.head.hash}`,
              'Record the head elsewhere; later, "thiqa audit verify --expect-head SEQ:HASH" shows whether the log was rewritten since.',
            ];
          }
          return [`Audit log BROKEN at entry ${problem.seq} (${problem.kind}): ${problem.message}.`, `Entries intact before it: ${formatCount(result.entries)}.`];
        });
        if (!result.ok) process.exitCode = EXIT.invalid;
      });
    });
  audit
    .command('export')
    .description('write the audit entries as JSON Lines, oldest first (stdout unless --output)')
    .option('--org <org>', "only the entries of this organisation's users (id or name)")
    .option('--output <file>', 'write to this file instead of stdout')
    .action(async (options: { org?: string; output?: string }, command: Command) => {
      const context = contextOf(command);
      await withPlatform(context, async (platform) => {
        // An unknown organisation fails before anything is written.
        const organisationId = options.org === undefined ? undefined : (await platform.organisations.find(SYSTEM, options.org)).id;
        if (options.output === undefined) {
          const count = await writeLines(platform, process.stdout, organisationId);
          // stdout holds the entries: the summary goes to stderr, for people only.
          context.out.note(`Exported ${entriesText(count, 'audit ')}.`);
          return;
        }
        const count = await exportToFile(platform, options.output, organisationId);
        context.out.result({ file: options.output, entries: count }, () => `Exported ${entriesText(count, 'audit ')} to ${options.output}.`);
      });
    });
  return audit;
}
