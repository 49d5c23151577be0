/**
 * `thiqa taxii push URL --collection ID --from COLLECTION`: every version of a local collection, read as the
 * operator, added to a remote TAXII 2.1 collection in envelopes within its API root's `max_content_length`.
 * Nothing TLP:RED and nothing TLP:AMBER+STRICT is ever sent (nor a property so marked): those stay here and
 * are counted as withheld. Exit status 1 when the remote refused any object.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { PushStatus } from '../../server/modules/federation/taxii-client/taxii-remote.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCount, formatCountOf } from '../output.ts';
import { startProgress } from '../progress.ts';
import { clientOf, resolveApiRoot, talkingTo, withRemoteOptions, type RemoteOptions } from '../taxii-remote.ts';

interface PushOptions extends RemoteOptions {
  collection: string;
  from: string;
}

const decoder = new TextDecoder();

export function taxiiPushCommand(): Command {
  return withRemoteOptions(
    new Command('push')
      .description('push every version of a local collection to a remote TAXII 2.1 collection (never TLP:RED, never TLP:AMBER+STRICT)')
      .argument('<url>', 'the API root URL (or the server with --api-root)')
      .requiredOption('--collection <id>', 'the remote collection id')
      .requiredOption('--from <id-or-alias>', 'the local collection to read'),
  ).action(async (url: string, options: PushOptions, command: Command) => {
    const context = contextOf(command);
    const client = await clientOf(options);
    await withInitialisedPlatform(context, async (platform) => {
      const local = await platform.collections.find(SYSTEM, options.from);
      const all = await platform.objects.count(SYSTEM, local.apiRoot, local.id, false);
      const started = performance.now();
      const statuses: PushStatus[] = [];
      const progress = startProgress('push', undefined, !context.out.json);
      let read = 0;
      try {
        await talkingTo(url, async () => {
          const root = await resolveApiRoot(client, url, options.apiRoot);
          const remote = await client.collectionClient(root.url, options.collection, { maxContentLength: root.maxContentLength });
          for await (const rows of platform.objects.exportAll(SYSTEM, local.id, 5_000, 'push')) {
            read += rows.length;
            statuses.push(...(await remote.push(rows.map((row) => JSON.parse(decoder.decode(row.body!)) as unknown))));
            progress.update(read);
          }
        });
      } finally {
        progress.stop();
      }
      const sum = (pick: (s: PushStatus) => number) => statuses.reduce((n, s) => n + pick(s), 0);
      const failures = statuses.flatMap((s) => s.failures);
      const seconds = (performance.now() - started) / 1000;
      const summary = {
        collection: { id: local.id, apiRoot: local.apiRoot },
        remote: { url, collection: options.collection },
        read,
        withheld: all - read,
        requests: statuses.filter((s) => !s.local).length,
        succeeded: sum((s) => s.successCount),
        failed: sum((s) => s.failureCount),
        pending: sum((s) => s.pendingCount),
        failures,
        statuses: statuses.filter((s) => !s.local).map((s) => ({ id: s.id, status: s.status })),
        seconds: Math.round(seconds * 1000) / 1000,
      };
      context.out.result(summary, () => [
        `Pushed ${formatCountOf(read, 'object')} in ${formatCountOf(summary.requests, 'request')}: ${formatCount(summary.succeeded)} accepted, ${formatCount(summary.failed)} refused, ${formatCount(summary.pending)} still pending.`,
        ...failures.map((f) => `  refused ${f.id}${f.version ? ` (${f.version})` : ''}: ${f.message ?? 'no reason given'}`),
        `Withheld (TLP:RED or TLP:AMBER+STRICT, never sent): ${formatCount(summary.withheld)}. ${seconds.toFixed(1)} s.`,
      ]);
      if (summary.failed > 0) process.exitCode = 1;
    });
  });
}
