/**
 * `thiqa sync [--once]`: runs the links. With `--once`, every link once, then a report (exit 4 when a link
 * failed); without, continuously until SIGINT / SIGTERM, finishing the page in hand and saving its cursor.
 * `thiqa sync quarantine` lists what peers sent that could not be stored.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { runSync } from '../../server/modules/federation/services/sync-runner.ts';
import type { LinkReport } from '../../server/modules/federation/services/sync.service.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { formatTable } from '../output.ts';

function line(report: LinkReport): string {
  if (!report.ok) return `link ${report.link} (${report.peer}): failed: ${report.error?.message ?? ''} [${report.error?.code ?? ''}]`;
  const parts = [];
  if (report.pull) parts.push(`pulled ${report.pull.stored} new, ${report.pull.duplicates} already here, ${report.pull.quarantined} quarantined, ${report.pull.deleted} deleted (gone on the peer)`);
  if (report.push) parts.push(`pushed ${report.push.sent} of ${report.push.read}, ${report.push.refused} refused by the peer, ${report.push.deletions} deletions`);
  return `link ${report.link} (${report.peer}): ${parts.join('; ')}`;
}

export function syncCommand(): Command {
  const sync = new Command('sync')
    .description('sync the links with peer hubs: once, or continuously until stopped')
    .option('--once', 'run every link once and exit')
    .action(async (options: { once?: boolean }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const controller = new AbortController();
        const stop = (signal: NodeJS.Signals) => {
          context.out.note(`Received ${signal}: finishing the pages in hand.`);
          controller.abort();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        try {
          if (options.once) {
            const report = await platform.sync.runOnce(SYSTEM, controller.signal);
            context.out.result(report, () => (report.links.length ? report.links.map(line) : ['No links: add one with "thiqa link add".']));
            if (report.links.some((l) => !l.ok)) process.exitCode = EXIT.unavailable;
            return;
          }
          const { intervalSeconds, pollMs } = platform.config.federation;
          context.out.note('Syncing; press Ctrl-C to stop.');
          await runSync(platform.sync, SYSTEM, controller.signal, {
            intervalSeconds,
            pollMs,
            // One JSON line per run with --json, so a supervisor (or a test) can follow.
            onReport: (report) => process.stdout.write(context.out.json ? `${JSON.stringify(report)}\n` : `${line(report)}\n`),
            onError: (error) => process.stderr.write(`thiqa sync: ${(error as Error).message}\n`),
          });
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        }
      });
    });
  sync
    .command('quarantine')
    .description('list what peers sent that could not be stored, with the reasons')
    .option('--link <id>', 'only this link')
    .option('--limit <n>', 'at most this many, newest first', '100')
    .action(async (options: { link?: string; limit: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const quarantined = await platform.sync.quarantine(SYSTEM, options.link, Math.max(1, Math.min(10_000, Number(options.limit) || 100)));
        context.out.result({ quarantined }, () =>
          formatTable(['RECEIVED', 'LINK', 'OBJECT', 'REASONS'], quarantined.map((q) => [new Date(q.receivedAt).toISOString(), q.linkId, q.objectId ?? '-', q.reasons.join(', ')])),
        );
      });
    });
  return sync;
}
