// Dead letters over real HTTP on both databases: the hub-wide list for administrators (paged, by owner and
// channel, never a secret), retry and discard by the owner or an administrator but not another user, a
// retried delivery reaching a real webhook receiver, one the owner may no longer read dropped, and the audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { startTestServer, type TestServer } from '../../../../test/support/taxii-server.ts';
import { rest } from '../../../../test/rest/rest-client.ts';
import { indicator, startReceiver } from '../../../../test/alerts/alert-fixtures.ts';
import { DeliveryRepository } from '../repositories/delivery.repository.ts';
import { SubscriptionRepository } from '../repositories/subscription.repository.ts';
import { networkChannels } from '../services/alert-channels.ts';
import { AlertDeliveryService } from '../services/alert-delivery.service.ts';
import { verifySignature } from '../services/webhook-signature.ts';

interface Listed {
  id: string;
  owner_name: string;
  subscription: string;
  subscription_name: string | null;
  channel: string;
  object: string;
  attempts: number;
  last_error: string;
}

describe.each(dialects)('dead letters over REST on %s', (dialect) => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  /** What the receiver answers next (then 200). */
  const statuses: number[] = [];
  /** A worker that gives up after one failed attempt, over the server's store. */
  let worker: AlertDeliveryService;
  let subscription: { id: string; secret: string };
  let n = 100;

  /** Stores an indicator labelled for alice's subscription and lets the worker fail it once: a dead letter. */
  const deadLetterOfAlice = async (): Promise<string> => {
    const alice = await server.platform.users.actAs(SYSTEM, 'alice');
    const object = indicator(++n, `[ipv4-addr:value = '192.0.2.${n % 250}']`, { labels: ['dead-letters'] });
    expect((await server.platform.objects.ingest(alice, 'thiqa', server.collectionId, [object])).rejected).toEqual([]);
    statuses.push(500);
    await worker.deliverDue();
    const listed = await rest(server, `/alerts/dead-letters/all?owner=alice`);
    const letter = (listed.body.dead_letters as Listed[]).find((d) => d.object === object.id);
    expect(letter).toBeDefined();
    return letter!.id;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    receiver = await startReceiver(statuses);
    const { platform } = server;
    const readers = {
      actorOf: async (id: string) => {
        const user = await platform.users.findById(id);
        return user ? { kind: 'user' as const, userId: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId } : undefined;
      },
      languageOf: async () => null,
    };
    const stores = { deliveries: new DeliveryRepository(platform.db), subscriptions: new SubscriptionRepository(platform.db) };
    worker = new AlertDeliveryService(stores, platform.objects, readers, networkChannels({ url: undefined, from: 'thiqa@localhost' }), { baseUrl: 'https://hub.example', maxAttempts: 1 });
    const made = await rest(server, '/alerts/subscriptions', { method: 'POST', auth: server.auth.alice, body: { channel: 'webhook', name: 'SOC hook', url: receiver.url, labels: ['dead-letters'] } });
    expect(made.status).toBe(201);
    subscription = { id: made.body.subscription.id, secret: made.body.secret };
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });

  it('lists every owner’s dead letters to an administrator only, with owner, subscription and error, never a secret', async () => {
    const id = await deadLetterOfAlice();
    const listed = await rest(server, '/alerts/dead-letters/all');
    expect(listed.status).toBe(200);
    expect((listed.body.dead_letters as Listed[]).find((d) => d.id === id)).toMatchObject({ owner_name: 'alice', subscription: subscription.id, subscription_name: 'SOC hook', channel: 'webhook', attempts: 1, last_error: 'the webhook answered HTTP 500' });
    expect(JSON.stringify(listed.body)).not.toContain(subscription.secret);
    expect(JSON.stringify(listed.body)).not.toContain(receiver.url);
    expect((await rest(server, '/alerts/dead-letters/all?channel=email')).body.dead_letters).toEqual([]);
    expect((await rest(server, '/alerts/dead-letters/all?owner=bob')).body.dead_letters).toEqual([]);

    for (const auth of [server.auth.alice, server.auth.bob]) {
      const refused = await rest(server, '/alerts/dead-letters/all', { auth });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('alert.dead_letters_forbidden');
    }
    expect((await rest(server, '/alerts/dead-letters/all?owner=nobody')).body.error.code).toBe('alert.unknown_owner');
    expect((await rest(server, '/alerts/dead-letters/all?channel=pigeon')).body.error.code).toBe('alert.invalid_channel');
    expect((await rest(server, '/alerts/dead-letters/all?cursor=nonsense')).body.error.code).toBe('alert.invalid_cursor');
    expect((await rest(server, '/alerts/dead-letters/all?limit=0')).status).toBe(400);
  });

  it('pages the list, the latest given up first, without repeats or gaps', async () => {
    await deadLetterOfAlice();
    await deadLetterOfAlice();
    const all = (await rest(server, '/alerts/dead-letters/all?limit=200')).body.dead_letters as Listed[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { dead_letters: Listed[]; next: string | null } } = await rest(server, `/alerts/dead-letters/all?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.body.dead_letters.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.dead_letters.map((d) => d.id));
      cursor = page.body.next;
    } while (cursor !== null);
    expect(seen).toEqual(all.map((d) => d.id));
  });

  it('lets only the owner or an administrator retry or discard, with codes that say why', async () => {
    const id = await deadLetterOfAlice();
    for (const [method, path] of [['POST', `/alerts/dead-letters/${id}/retry`], ['DELETE', `/alerts/dead-letters/${id}`]] as const) {
      const refused = await rest(server, path, { method, auth: server.auth.bob });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('alert.dead_letter_forbidden');
    }
    const unknown = await rest(server, '/alerts/dead-letters/no-such-letter/retry', { method: 'POST', auth: server.auth.alice });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('alert.dead_letter_not_found');

    const discarded = await rest(server, `/alerts/dead-letters/${id}`, { method: 'DELETE', auth: server.auth.alice });
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ id, owner_name: 'alice', subscription_name: 'SOC hook' });
    expect((await rest(server, '/alerts/dead-letters', { auth: server.auth.alice })).body.dead_letters.map((d: Listed) => d.id)).not.toContain(id);
    expect((await rest(server, `/alerts/dead-letters/${id}/retry`, { method: 'POST', auth: server.auth.alice })).body.error.code).toBe('alert.dead_letter_not_found');

    const other = await deadLetterOfAlice();
    expect((await rest(server, `/alerts/dead-letters/${other}`, { method: 'DELETE' })).status).toBe(200); // the administrator
    const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
    const discards = entries.filter((e) => e.action === 'alert.dead_letter_discard').map((e) => [e.target, e.actor.startsWith('user:')]);
    expect(discards).toEqual([[id, true], [other, true]]);
  });

  it('sends a retried dead letter to the real receiver, signed, and it leaves the dead letters', async () => {
    const id = await deadLetterOfAlice();
    const before = receiver.received.length;
    const retried = await rest(server, `/alerts/dead-letters/${id}/retry`, { method: 'POST', auth: server.auth.alice });
    expect(retried.status).toBe(200);
    expect((await rest(server, `/alerts/dead-letters/${id}/retry`, { method: 'POST', auth: server.auth.alice })).body.error.code).toBe('alert.dead_letter_not_found');
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(before + 1);
    const { body, headers } = receiver.received.at(-1)!;
    expect(verifySignature(subscription.secret, body, headers['x-thiqa-signature'] as string)).toBe(true);
    expect(JSON.parse(body).alerts.map((a: { id: string }) => a.id)).toEqual([retried.body.object]);
    expect((await rest(server, '/alerts/dead-letters/all?owner=alice')).body.dead_letters.map((d: Listed) => d.id)).not.toContain(id);
    expect((await server.platform.audit.list(SYSTEM, { limit: 1000 })).some((e) => e.action === 'alert.dead_letter_retry' && e.target === id)).toBe(true);

    const byAdmin = await deadLetterOfAlice();
    expect((await rest(server, `/alerts/dead-letters/${byAdmin}/retry`, { method: 'POST' })).status).toBe(200);
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(before + 3); // the failed attempt, then the retry delivered
  });

  it('drops a retried dead letter whose object the owner may no longer read when it is due', async () => {
    const id = await deadLetterOfAlice();
    const alice = (await server.platform.users.findUser('alice'))!;
    expect((await rest(server, `/alerts/dead-letters/${id}/retry`, { method: 'POST' })).status).toBe(200);
    await server.platform.collections.grant(SYSTEM, server.collectionId, `user:${alice.id}`, { read: false, write: false });
    const before = receiver.received.length;
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(before);
    expect((await rest(server, '/alerts/dead-letters/all?owner=alice')).body.dead_letters.map((d: Listed) => d.id)).not.toContain(id);
    await server.platform.collections.grant(SYSTEM, server.collectionId, `user:${alice.id}`, { read: true, write: true });
  });

  it('refuses to retry a dead letter whose subscription was removed, and still discards it', async () => {
    const id = await deadLetterOfAlice();
    expect((await rest(server, `/alerts/subscriptions/${subscription.id}`, { method: 'DELETE', auth: server.auth.alice })).status).toBe(200);
    const refused = await rest(server, `/alerts/dead-letters/${id}/retry`, { method: 'POST', auth: server.auth.alice });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('alert.subscription_removed');
    expect((await rest(server, '/alerts/dead-letters/all')).body.dead_letters.find((d: Listed) => d.id === id)).toMatchObject({ subscription_name: null });
    expect((await rest(server, `/alerts/dead-letters/${id}`, { method: 'DELETE', auth: server.auth.alice })).status).toBe(200);
  });
});
