/**
 * `thiqa alert subscribe --as USER --channel webhook|email|in-app [--url URL] [--secret S] [--email ADDRESS]
 * [--digest] [--community ID]… [--collection ID]… [--type T]… [--label L]… [--max-tlp LEVEL] [--watch VALUE]… [--major-incidents]
 * [--name N]`, `alert list`, `alert remove ID`: alert subscriptions. A webhook's secret is printed once.
 * `alert dead-letters [--owner USER] [--channel C]`, `alert retry ID`, `alert discard ID`: the hub's dead
 * letters, every page of them, and sending one back to the queue (a running `thiqa serve` takes it within
 * its poll) or discarding it, as the operator.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { presentNewSubscription, presentOwnedDeadLetter, presentSubscription } from '../../server/modules/alerts/presenters/alert.presenter.ts';
import { DEAD_LETTER_LIMIT, type OwnedDeadLetter } from '../../server/modules/alerts/services/dead-letter.service.ts';
import { ALERT_CHANNELS } from '../../server/modules/alerts/services/subscription.service.ts';
import type { Platform } from '../../server/platform.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatTable } from '../output.ts';

interface SubscribeOptions {
  as: string;
  channel: string;
  name?: string;
  url?: string;
  secret?: string;
  email?: string;
  digest?: boolean;
  community: string[];
  collection: string[];
  type: string[];
  label: string[];
  maxTlp?: string;
  watch: string[];
  majorIncidents?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** What a subscription filters on, in one line. */
function filtersLine(s: ReturnType<typeof presentSubscription>): string {
  const parts = [
    ...s.communities.map((c) => `community:${c}`),
    ...s.collections.map((c) => `collection:${c}`),
    ...s.types.map((t) => `type:${t}`),
    ...s.labels.map((l) => `label:${l}`),
    ...(s.watch.length > 0 ? [`watch:${s.watch.length}`] : []),
    ...(s.major_incidents ? ['major-incidents'] : []),
  ];
  return [`≤${s.max_tlp}`, ...parts].join(' ');
}

/** Every dead letter of the hub (or of one owner, one channel), page after page, the latest given up first. */
async function allDeadLetters(platform: Platform, filter: { owner?: string | undefined; channel?: string | undefined }): Promise<OwnedDeadLetter[]> {
  const all: OwnedDeadLetter[] = [];
  let cursor: string | undefined;
  do {
    const page = await platform.alertDeadLetters.list(SYSTEM, { ...filter, cursor, limit: DEAD_LETTER_LIMIT.max });
    all.push(...page.deadLetters);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return all;
}

/** `alert dead-letters`, `alert retry`, `alert discard`. */
function deadLetterCommands(alert: Command): void {
  alert
    .command('dead-letters')
    .description('list the dead letters of every subscription: deliveries given up after every retry failed')
    .option('--owner <user>', 'only those of this user')
    .option('--channel <channel>', `only those of this channel: ${ALERT_CHANNELS.join(', ')}`)
    .action(async (options: { owner?: string; channel?: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const deadLetters = (await allDeadLetters(platform, options)).map(presentOwnedDeadLetter);
        context.out.result({ dead_letters: deadLetters }, () =>
          deadLetters.length === 0
            ? 'No dead letters.'
            : formatTable(
                ['ID', 'OWNER', 'SUBSCRIPTION', 'CHANNEL', 'OBJECT', 'ATTEMPTS', 'DEAD AT', 'LAST ERROR'],
                deadLetters.map((d) => [d.id, d.owner_name ?? d.owner, d.subscription_name ?? `${d.subscription} (removed)`, d.channel, d.object, String(d.attempts), d.dead_at ?? '', d.last_error ?? '']),
              ),
        );
      });
    });
  alert
    .command('retry')
    .description('send a dead letter back to the queue: no attempts, due now (still only what its owner may read, never RED)')
    .argument('<id>', 'dead letter id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const retried = presentOwnedDeadLetter(await platform.alertDeadLetters.retry(SYSTEM, id));
        context.out.result(retried, () => `Dead letter ${retried.id} is queued again; thiqa serve delivers it.`);
      });
    });
  alert
    .command('discard')
    .description('discard a dead letter for good')
    .argument('<id>', 'dead letter id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const discarded = presentOwnedDeadLetter(await platform.alertDeadLetters.discard(SYSTEM, id));
        context.out.result(discarded, () => `Dead letter ${discarded.id} is discarded.`);
      });
    });
}

export function alertCommand(): Command {
  const alert = new Command('alert').description('alert subscriptions: webhook (signed), e-mail or in-app, at once or as a daily digest; never RED');
  alert
    .command('subscribe')
    .description('subscribe a user to alerts on what they may read')
    .requiredOption('--as <user>', 'the user the subscription belongs to (it reads as them)')
    .requiredOption('--channel <channel>', ALERT_CHANNELS.join(', '))
    .option('--name <name>', 'what the subscription is for')
    .option('--url <url>', 'webhook: where alerts are POSTed')
    .option('--secret <secret>', 'webhook: the signing secret (default: made and printed once)')
    .option('--email <address>', 'email: the address')
    .option('--digest', 'one message a day (00:00 UTC) instead of one per object')
    .option('--community <id>', 'objects of this community (repeatable)', collect, [])
    .option('--collection <id>', 'objects of this collection, id or alias (repeatable)', collect, [])
    .option('--type <type>', 'STIX type (repeatable)', collect, [])
    .option('--label <label>', 'label (repeatable)', collect, [])
    .option('--max-tlp <level>', 'TLP ceiling: clear, green, amber or amber+strict (default); RED is never notified')
    .option('--watch <value>', 'an observable value to watch for (repeatable)', collect, [])
    .option('--major-incidents', 'only incidents marked major')
    .action(async (options: SubscribeOptions, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const actor = await platform.users.actAs(SYSTEM, options.as);
        const created = await platform.alertSubscriptions.create(actor, {
          channel: options.channel,
          name: options.name,
          url: options.url,
          secret: options.secret,
          email: options.email,
          digest: options.digest,
          communities: options.community,
          collections: options.collection,
          types: options.type,
          labels: options.label,
          maxTlp: options.maxTlp,
          watch: options.watch,
          majorIncidents: options.majorIncidents,
        });
        const answer = presentNewSubscription(created);
        const s = answer.subscription;
        context.out.result(answer, () => [
          `Subscription ${s.id} (${s.channel}${s.digest ? ', daily digest' : ''}${s.target ? ` to ${s.target}` : ''}) for ${options.as}: ${filtersLine(s)}`,
          ...(answer.secret === undefined ? [] : [`  secret: ${answer.secret}`, 'The secret is shown only this once: each delivery carries X-Thiqa-Signature: sha256=HMAC-SHA256(secret, body).']),
        ]);
      });
    });
  alert
    .command('list')
    .description('list every alert subscription')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const subscriptions = (await platform.alertSubscriptions.list(SYSTEM)).map(presentSubscription);
        context.out.result({ subscriptions }, () =>
          formatTable(['ID', 'OWNER', 'CHANNEL', 'DIGEST', 'FILTERS', 'NAME'], subscriptions.map((s) => [s.id, s.owner, s.channel, s.digest ? 'daily' : 'no', filtersLine(s), s.name])),
        );
      });
    });
  alert
    .command('remove')
    .description('remove an alert subscription and what is still queued for it')
    .argument('<id>', 'subscription id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const removed = presentSubscription(await platform.alertSubscriptions.remove(SYSTEM, id));
        context.out.result(removed, () => `Subscription ${removed.id} is removed.`);
      });
    });
  deadLetterCommands(alert);
  return alert;
}
