/**
 * `thiqa taxii pull URL --collection ID --into COLLECTION`: every version of a remote collection, page by
 * page (following `next`, else `added_after`), stored into a local collection through the same ingest as
 * `thiqa import`, as the operator. Rejected objects are reported with their reasons; exit status 1 then.
 * The summary gives the last page's `X-TAXII-Date-Added-Last`, to go on later with `--added-after`.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { BATCH_SIZE, BatchIngester } from '../batch-ingest.ts';
import { contextOf, usageError, withInitialisedPlatform } from '../command-context.ts';
import { formatCount, formatCountOf } from '../output.ts';
import { startProgress } from '../progress.ts';
import { clientOf, resolveApiRoot, talkingTo, withRemoteOptions, type RemoteOptions } from '../taxii-remote.ts';

interface PullOptions extends RemoteOptions {
  collection: string;
  into: string;
  addedAfter?: string;
  limit?: string;
}

export function taxiiPullCommand(): Command {
  return withRemoteOptions(
    new Command('pull')
      .description('pull every version of a remote TAXII 2.1 collection into a local collection')
      .argument('<url>', 'the API root URL (or the server with --api-root)')
      .requiredOption('--collection <id>', 'the remote collection id')
      .requiredOption('--into <id-or-alias>', 'the local collection to store into')
      .option('--added-after <timestamp>', 'only what the remote added after this (the last run\'s dateAddedLast)')
      .option('--limit <n>', 'objects asked for per page (the server may send fewer)', '1000'),
  ).action(async (url: string, options: PullOptions, command: Command) => {
    const context = contextOf(command);
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw usageError('usage.invalid_limit', `--limit must be a whole number above 0, not "${options.limit}"`);
    const client = await clientOf(options);
    await withInitialisedPlatform(context, async (platform) => {
      const local = await platform.collections.find(SYSTEM, options.into);
      const started = performance.now();
      const ingester = new BatchIngester(platform, local, BATCH_SIZE, SYSTEM);
      const progress = startProgress('pull', undefined, !context.out.json);
      let pages = 0;
      let dateAddedLast = options.addedAfter ?? null;
      try {
        await talkingTo(url, async () => {
          const root = await resolveApiRoot(client, url, options.apiRoot);
          const remote = await client.collectionClient(root.url, options.collection, { maxContentLength: root.maxContentLength });
          const query = { limit, ...(options.addedAfter !== undefined ? { addedAfter: options.addedAfter } : {}) };
          const walk = remote.pages(query)[Symbol.asyncIterator]();
          let coming = walk.next();
          for (;;) {
            const current = await coming;
            if (current.done) break;
            const page = current.value;
            // The remote prepares the next page while this one is validated and stored.
            coming = walk.next();
            coming.catch(() => undefined);
            pages += 1;
            for (const object of page.objects) await ingester.add(object);
            dateAddedLast = page.dateAddedLast ?? dateAddedLast;
            progress.update(ingester.tally.objects);
          }
        });
      } catch (error) {
        progress.stop();
        // What was pulled before the failure is stored, and the user told where to go on from.
        const kept = await ingester.finish();
        context.out.note(`Stored ${formatCount(kept.stored)} of ${formatCountOf(kept.objects, 'object')} pulled before the failure.${dateAddedLast ? ` To go on: --added-after ${dateAddedLast}` : ''}`);
        throw error;
      }
      progress.stop();
      const tally = await ingester.finish();
      const seconds = (performance.now() - started) / 1000;
      const rejected = tally.rejected.map(({ index, id, version, reasons }) => ({ index, id, version, reasons }));
      const summary = { collection: { id: local.id, apiRoot: local.apiRoot }, remote: { url, collection: options.collection }, pages, pulled: tally.objects, stored: tally.stored, duplicates: tally.duplicates, rejected, dateAddedLast, seconds: Math.round(seconds * 1000) / 1000 };
      context.out.result(summary, () => [
        `Pulled ${formatCountOf(tally.objects, 'object')} in ${formatCountOf(pages, 'page')}: ${formatCount(tally.stored)} stored, ${formatCount(tally.duplicates)} duplicates, ${formatCount(rejected.length)} rejected.`,
        ...rejected.map((r) => `  rejected #${r.index} ${r.id ?? '(no id)'}: ${r.reasons}`),
        `Into collection ${local.id} (API root "${local.apiRoot}"), ${seconds.toFixed(1)} s.${dateAddedLast ? ` To go on later: --added-after ${dateAddedLast}` : ''}`,
      ]);
      if (rejected.length > 0) process.exitCode = 1;
    });
  });
}
