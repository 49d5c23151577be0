// Dead letters through the real `thiqa` command on both databases: listed (every owner's, one owner's,
// --json), sent back to the queue and delivered to a real webhook receiver, discarded, and an unknown one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.ts';
import { loadConfig } from '../../server/core/config.ts';
import { DeliveryRepository } from '../../server/modules/alerts/repositories/delivery.repository.ts';
import { SubscriptionRepository } from '../../server/modules/alerts/repositories/subscription.repository.ts';
import { networkChannels } from '../../server/modules/alerts/services/alert-channels.ts';
import { AlertDeliveryService } from '../../server/modules/alerts/services/alert-delivery.service.ts';
import { openPlatform, type Platform } from '../../server/platform.ts';
import { indicator, startReceiver } from '../alerts/alert-fixtures.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--0d7c55f4-8a4e-4f0e-9c61-5b0c1d2e3f40', objects });

interface Listed {
  dead_letters: { id: string; owner_name: string; subscription_name: string; channel: string; object: string; attempts: number; last_error: string }[];
}

describe.each(dialects)('dead-letter commands on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const statuses: number[] = [];
  /** A worker over the same store that gives up after one failed attempt (`thiqa serve` tries eight times). */
  let worker: AlertDeliveryService;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;

  /** Imports a labelled indicator through the CLI and lets the worker fail it once: a dead letter. */
  const deadLetter = async (n: number) => {
    const imported = await cli(['import', '-', '--collection', 'default', '--json'], bundle([indicator(n, `[domain-name:value = 'dead${n}.example']`, { labels: ['cli-dead'] })]));
    expect(imported.code, imported.stderr).toBe(0);
    statuses.push(500);
    await worker.deliverDue();
  };

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
    expect((await cli(['user', 'add', 'vera'], 'a long enough password\n')).code).toBe(0);
    receiver = await startReceiver(statuses);
    platform = await openPlatform(loadConfig({ databaseUrl: store.url, dataDir: '.tmp' }, {}));
    const readers = {
      actorOf: async (id: string) => {
        const user = await platform.users.findById(id);
        return user && { kind: 'user' as const, userId: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId };
      },
      languageOf: async () => null,
    };
    const stores = { deliveries: new DeliveryRepository(platform.db), subscriptions: new SubscriptionRepository(platform.db) };
    worker = new AlertDeliveryService(stores, platform.objects, readers, networkChannels({ url: undefined, from: 'thiqa@localhost' }), { baseUrl: 'https://hub.example', maxAttempts: 1 });
    const made = await cli(['alert', 'subscribe', '--as', 'admin', '--channel', 'webhook', '--name', 'SOC hook', '--url', receiver.url, '--label', 'cli-dead']);
    expect(made.code, made.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    await receiver?.close();
    await store?.drop();
  });

  it('lists dead letters, sends one back to a real receiver, and discards another', async () => {
    await deadLetter(41);
    const listed = jsonOf<Listed>(await cli(['alert', 'dead-letters', '--json']));
    expect(listed.dead_letters).toMatchObject([{ owner_name: 'admin', subscription_name: 'SOC hook', channel: 'webhook', object: indicator(41, '').id, attempts: 1, last_error: 'the webhook answered HTTP 500' }]);
    const id = listed.dead_letters[0]!.id;
    const text = await cli(['alert', 'dead-letters']);
    expect(text.stdout).toMatch(/^ID +OWNER +SUBSCRIPTION +CHANNEL +OBJECT +ATTEMPTS +DEAD AT +LAST ERROR/);
    expect(text.stdout).toContain(id);
    expect((await cli(['alert', 'dead-letters', '--owner', 'vera'])).stdout).toBe('No dead letters.\n');

    const retried = await cli(['alert', 'retry', id]);
    expect(retried.stdout).toBe(`Dead letter ${id} is queued again; thiqa serve delivers it.\n`);
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(2); // the failed attempt, then the retry delivered
    expect(JSON.parse(receiver.received[1]!.body).alerts.map((a: { id: string }) => a.id)).toEqual([indicator(41, '').id]);
    expect(jsonOf<Listed>(await cli(['alert', 'dead-letters', '--json'])).dead_letters).toEqual([]);

    await deadLetter(42);
    const other = jsonOf<Listed>(await cli(['alert', 'dead-letters', '--owner', 'admin', '--json'])).dead_letters[0]!.id;
    expect((await cli(['alert', 'discard', other])).stdout).toBe(`Dead letter ${other} is discarded.\n`);
    expect(jsonOf<Listed>(await cli(['alert', 'dead-letters', '--json'])).dead_letters).toEqual([]);
  }, 300_000);

  it('says so for an unknown dead letter, owner or channel', async () => {
    const unknown = await cli(['alert', 'retry', 'no-such-letter']);
    expect(unknown.code).toBe(EXIT.notFound);
    expect(unknown.stderr).toBe('thiqa: there is no dead letter "no-such-letter" (it may have been retried or discarded)\n');
    const owner = await cli(['alert', 'dead-letters', '--owner', 'nobody']);
    expect(owner.code).toBe(EXIT.invalid);
    expect(owner.stderr).toBe('thiqa: there is no user "nobody" to list the dead letters of\n');
    expect((await cli(['alert', 'dead-letters', '--channel', 'pigeon'])).code).toBe(EXIT.invalid);
  }, 120_000);
});
