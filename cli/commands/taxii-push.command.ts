/**
 * `thiqa taxii push URL --collection ID --from COLLECTION [--personal-data confirm|redact]`: every version of a local collection, read as the
 * operator, added to a remote TAXII 2.1 collection in envelopes within its API root's `max_content_length`.
 * Nothing TLP:RED and nothing TLP:AMBER+STRICT is ever sent (nor a property so marked): those stay here and
 * are counted as withheld. Objects whose free text seems to hold personal data are not sent without the
 * operator's decision (`--personal-data confirm|redact`, personal-data-decision.ts): the collection is scanned
 * first, and the findings listed, before anything is sent; `redact` sends redacted copies, the stored objects
 * stay as they are. Exit status 1 when the remote refused any object, or personal data stopped the push.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { ErrorProblem } from '../../server/core/errors.ts';
import type { StoredVersion } from '../../server/modules/exchange/services/object.service.ts';
import { guardForStore, type BatchGuard, type PersonalDataDecision } from '../../server/modules/exchange/services/personal-data-guard.ts';
import type { Platform } from '../../server/platform.ts';
import type { PushStatus } from '../../server/modules/federation/taxii-client/taxii-remote.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCount, formatCountOf } from '../output.ts';
import { decisionNote, refusal, withPersonalDataOption } from '../personal-data-decision.ts';
import { startProgress } from '../progress.ts';
import { clientOf, resolveApiRoot, talkingTo, withRemoteOptions, type RemoteOptions } from '../taxii-remote.ts';

interface PushOptions extends RemoteOptions {
  collection: string;
  from: string;
  personalData?: PersonalDataDecision;
}

const decoder = new TextDecoder();

const PAGE = 5_000;

/** The objects of the rows a push reads. */
const objectsOf = (rows: readonly StoredVersion[]) => rows.map((row) => JSON.parse(decoder.decode(row.body!)) as unknown);

/**
 * The findings of what a push of `collection` would send (everything leaves the organisation), read before
 * anything is sent; the read hands nothing on, so it is not recorded as an export.
 */
async function findingsOf(platform: Platform, collection: string, guard: BatchGuard): Promise<ErrorProblem[]> {
  const problems: ErrorProblem[] = [];
  let offset = 0;
  for await (const rows of platform.objects.exportAll(SYSTEM, collection, PAGE, 'push', false)) {
    problems.push(...guardForStore(objectsOf(rows), offset, guard).report.problems);
    offset += rows.length;
  }
  return problems;
}

export function taxiiPushCommand(): Command {
  const command = withRemoteOptions(
    new Command('push')
      .description('push every version of a local collection to a remote TAXII 2.1 collection (never TLP:RED, never TLP:AMBER+STRICT)')
      .argument('<url>', 'the API root URL (or the server with --api-root)')
      .requiredOption('--collection <id>', 'the remote collection id')
      .requiredOption('--from <id-or-alias>', 'the local collection to read'),
  );
  return withPersonalDataOption(command, 'send').action(async (url: string, options: PushOptions, command: Command) => {
    const context = contextOf(command);
    const client = await clientOf(options);
    await withInitialisedPlatform(context, async (platform) => {
      const local = await platform.collections.find(SYSTEM, options.from);
      const all = await platform.objects.count(SYSTEM, local.apiRoot, local.id, false);
      const started = performance.now();
      // Another server is beyond the organisation, whoever reads there.
      const guard: BatchGuard = { mode: options.personalData ?? 'ask', outward: true, defaultTlp: local.defaultTlp };
      if (guard.mode === 'ask') {
        const problems = await findingsOf(platform, local.id, guard);
        if (problems.length > 0) throw refusal(context.out, problems, 'sent');
      }
      const personalData = { objects: 0, redacted: 0 };
      // A Thiqa server on the other side guards its own writes: the operator's confirmation goes with them.
      const pushOptions = options.personalData === 'confirm' ? { personalData: 'confirm' as const } : {};
      const statuses: PushStatus[] = [];
      const progress = startProgress('push', undefined, !context.out.json);
      let read = 0;
      try {
        await talkingTo(url, async () => {
          const root = await resolveApiRoot(client, url, options.apiRoot);
          const remote = await client.collectionClient(root.url, options.collection, { maxContentLength: root.maxContentLength });
          for await (const rows of platform.objects.exportAll(SYSTEM, local.id, PAGE, 'push')) {
            const guarded = guardForStore(objectsOf(rows), read, guard);
            // Checked before; a finding now was stored since: the rest is not sent.
            if (guarded.report.problems.length > 0) throw refusal(context.out, guarded.report.problems, 'sent');
            personalData.objects += guarded.report.objects;
            personalData.redacted += guarded.report.redacted;
            read += rows.length;
            statuses.push(...(await remote.push(guarded.objects, undefined, pushOptions)));
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
        personalData: { decision: options.personalData ?? null, ...personalData },
        seconds: Math.round(seconds * 1000) / 1000,
      };
      decisionNote(context.out, options.personalData, personalData.objects, personalData.redacted, 'sent');
      context.out.result(summary, () => [
        `Pushed ${formatCountOf(read, 'object')} in ${formatCountOf(summary.requests, 'request')}: ${formatCount(summary.succeeded)} accepted, ${formatCount(summary.failed)} refused, ${formatCount(summary.pending)} still pending.`,
        ...failures.map((f) => `  refused ${f.id}${f.version ? ` (${f.version})` : ''}: ${f.message ?? 'no reason given'}`),
        `Withheld (TLP:RED or TLP:AMBER+STRICT, never sent): ${formatCount(summary.withheld)}. ${seconds.toFixed(1)} s.`,
      ]);
      if (summary.failed > 0) process.exitCode = 1;
    });
  });
}
