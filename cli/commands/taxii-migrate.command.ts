/**
 * `thiqa taxii migrate URL --collection ID --into COLLECTION`: for teams moving to Thiqa from another TAXII
 * server. Every version of the remote collection goes into an EMPTY local collection with its id, version
 * and the `date_added` the source gave it (from the source's manifest), as the operator (an administrator).
 * Values the store cannot keep as they are move on by 1 µs and are counted (`nudged`). Exit status 1 when
 * any object was rejected.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { MigrationService } from '../../server/modules/federation/services/migration.service.ts';
import { contextOf, usageError, withInitialisedPlatform } from '../command-context.ts';
import { formatCount, formatCountOf } from '../output.ts';
import { startProgress } from '../progress.ts';
import { clientOf, resolveApiRoot, talkingTo, withRemoteOptions, type RemoteOptions } from '../taxii-remote.ts';

interface MigrateOptions extends RemoteOptions {
  collection: string;
  into: string;
  limit: string;
}

export function taxiiMigrateCommand(): Command {
  return withRemoteOptions(
    new Command('migrate')
      .description('copy a remote TAXII 2.1 collection into an empty local one, keeping ids, versions and date_added (administrators)')
      .argument('<url>', 'the API root URL (or the server with --api-root)')
      .requiredOption('--collection <id>', 'the remote collection id')
      .requiredOption('--into <id-or-alias>', 'the local collection: it must be empty')
      .option('--limit <n>', 'objects asked for per page (the server may send fewer)', '1000'),
  ).action(async (url: string, options: MigrateOptions, command: Command) => {
    const context = contextOf(command);
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw usageError('usage.invalid_limit', `--limit must be a whole number above 0, not "${options.limit}"`);
    const client = await clientOf(options);
    await withInitialisedPlatform(context, async (platform) => {
      const migration = new MigrationService(platform.objects, platform.collections);
      const progress = startProgress('migrate', undefined, !context.out.json);
      const started = performance.now();
      const report = await talkingTo(url, async () => {
        const root = await resolveApiRoot(client, url, options.apiRoot);
        const remote = await client.collectionClient(root.url, options.collection, { maxContentLength: root.maxContentLength });
        return migration.migrate(SYSTEM, options.into, remote, { limit, onBatch: (so) => progress.update(so.pulled) });
      }).finally(() => progress.stop());
      const seconds = (performance.now() - started) / 1000;
      context.out.result({ ...report, remote: { url, collection: options.collection }, seconds: Math.round(seconds * 1000) / 1000 }, () => [
        `Migrated ${formatCountOf(report.pulled, 'version')}: ${formatCount(report.stored)} stored with their date_added (${formatCount(report.nudged)} nudged by microseconds), ${formatCount(report.duplicates)} duplicates, ${formatCount(report.rejected.length)} rejected.`,
        ...report.rejected.map((r) => `  rejected #${r.index} ${r.id ?? '(no id)'}: ${r.reasons}`),
        `Into collection ${report.collection.id} (API root "${report.collection.apiRoot}"), ${seconds.toFixed(1)} s.${report.lastDateAdded ? ` date_added from ${report.firstDateAdded} to ${report.lastDateAdded}.` : ''}`,
      ]);
      if (report.rejected.length > 0) process.exitCode = 1;
    });
  });
}
