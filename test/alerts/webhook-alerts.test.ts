// Webhook alerts on both databases: signed, retried after a failure, dead letters, digests, and only what
// the subscriber may read — never RED, not even to a reader who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { networkChannels, type AlertMessage } from '../../server/modules/alerts/services/alert-channels.ts';
import { nextDigestAt } from '../../server/modules/alerts/services/alert-dispatch.service.ts';
import { verifySignature } from '../../server/modules/alerts/services/webhook-signature.ts';
import { dialects } from '../support/databases.ts';
import { indicator, openAlertWorld, startReceiver, type AlertWorld } from './alert-fixtures.ts';

const channels = networkChannels({ url: undefined, from: 'thiqa@localhost' });
const messageOf = (body: string) => JSON.parse(body) as AlertMessage;

describe.each(dialects)('webhook alerts on %s', (dialect) => {
  let world: AlertWorld;
  beforeAll(async () => {
    world = await openAlertWorld(dialect);
  });
  afterAll(async () => {
    await world.test.close();
  });

  it('posts a signed summary, retries after a 500 with back-off, and reaches the receiver', async () => {
    const receiver = await startReceiver([500]);
    const { subscription, secret } = await world.platform.alertSubscriptions.create(world.carol, { channel: 'webhook', url: receiver.url, types: ['indicator'], labels: ['retry'] });
    await world.ingest(indicator(1, "[ipv4-addr:value = '203.0.113.1']", { labels: ['retry'] }));
    const worker = world.worker(channels);
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(1);
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(1); // not due again before its back-off
    world.now.value += 1_000;
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(2);
    const { body, headers } = receiver.received[1]!;
    expect(verifySignature(secret!, body, headers['x-thiqa-signature'] as string)).toBe(true);
    expect(verifySignature('another secret of enough length', body, headers['x-thiqa-signature'] as string)).toBe(false);
    const message = messageOf(body);
    expect(message).toMatchObject({ subscription: { id: subscription.id }, digest: false });
    expect(message.alerts).toEqual([
      { id: indicator(1, '').id, type: 'indicator', name: 'indicator 1', tlp: 'green', version: '2026-01-01T00:00:00.000Z', api_root: 'alerts', collection: world.collection, link: `https://hub.example/alerts/collections/${world.collection}/objects/${indicator(1, '').id as string}/` },
    ]);
    world.now.value += 60_000;
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(2); // delivered once
    expect(await world.platform.alertInbox.deadLetters(world.carol)).toEqual([]);
    await world.platform.alertSubscriptions.remove(world.carol, subscription.id);
    await receiver.close();
  });

  it('moves a delivery that keeps failing to the owner’s dead letters', async () => {
    const receiver = await startReceiver([500, 500, 503]);
    const { subscription } = await world.platform.alertSubscriptions.create(world.carol, { channel: 'webhook', url: receiver.url, labels: ['dead'] });
    await world.ingest(indicator(2, "[domain-name:value = 'dead.example']", { labels: ['dead'] }));
    const worker = world.worker(channels, { maxAttempts: 3 });
    for (let i = 0; i < 5; i++) {
      await worker.deliverDue();
      world.now.value += 10_000;
    }
    expect(receiver.received).toHaveLength(3);
    const dead = await world.platform.alertInbox.deadLetters(world.carol);
    expect(dead).toMatchObject([{ subscriptionId: subscription.id, channel: 'webhook', objectId: indicator(2, '').id, attempts: 3, lastError: 'the webhook answered HTTP 503' }]);
    expect(await world.platform.alertInbox.deadLetters(world.dave)).toEqual([]);
    await world.platform.alertSubscriptions.remove(world.carol, subscription.id);
    await receiver.close();
  });

  it('never notifies what the subscriber may not read, nor anything RED, even to a reader who may see it', async () => {
    const receiver = await startReceiver();
    await world.platform.alertSubscriptions.create(world.carol, { channel: 'webhook', url: receiver.url, labels: ['secret'] });
    await world.platform.alertSubscriptions.create(world.dave, { channel: 'webhook', url: receiver.url, labels: ['secret'] });
    const red = indicator(3, "[ipv4-addr:value = '203.0.113.3']", { labels: ['secret'], object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['carol'] });
    const green = indicator(4, "[ipv4-addr:value = '203.0.113.4']", { labels: ['secret'] });
    await world.ingest(red, green);
    const page = await world.platform.objects.getObject(world.carol, 'alerts', world.collection, red.id as string, {});
    expect(page.rows).toHaveLength(1); // carol may read the RED one
    await world.worker(channels).deliverDue();
    const ids = receiver.received.flatMap((r) => messageOf(r.body).alerts.map((a) => a.id));
    expect(ids).toEqual([green.id]); // carol's, once; dave reads nothing of the collection
    await receiver.close();
  });

  it('drops a delivery whose object the owner may no longer read when it is due', async () => {
    const receiver = await startReceiver();
    await world.platform.alertSubscriptions.create(world.carol, { channel: 'webhook', url: receiver.url, labels: ['revoked'] });
    await world.ingest(indicator(5, "[ipv4-addr:value = '203.0.113.5']", { labels: ['revoked'] }));
    const carolId = (world.carol as { userId: string }).userId;
    await world.platform.collections.grant({ kind: 'system' }, world.collection, `user:${carolId}`, { read: false, write: false });
    await world.worker(channels).deliverDue();
    expect(receiver.received).toEqual([]);
    await world.platform.collections.grant({ kind: 'system' }, world.collection, `user:${carolId}`, { read: true, write: false });
    await receiver.close();
  });

  it('batches a digest subscription’s alerts into one message at the next 00:00 UTC', async () => {
    const receiver = await startReceiver();
    const { subscription } = await world.platform.alertSubscriptions.create(world.carol, { channel: 'webhook', url: receiver.url, labels: ['digest'], digest: true });
    await world.ingest(...[6, 7, 8].map((n) => indicator(n, `[ipv4-addr:value = '203.0.113.${n}']`, { labels: ['digest'] })));
    // Due at the first 00:00 UTC after they were queued, whichever side of midnight the test runs on.
    const pending = await world.deliveries.pendingOf(subscription.id);
    expect(pending).toHaveLength(3);
    const due = nextDigestAt(pending[0]!.createdAt);
    expect(pending.map((d) => d.nextAt)).toEqual([due, due, due]);
    const worker = world.worker(channels);
    world.now.value = due - 1;
    await worker.deliverDue();
    expect(receiver.received).toEqual([]);
    world.now.value = due + 1;
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(1);
    const message = messageOf(receiver.received[0]!.body);
    expect(message).toMatchObject({ subscription: { id: subscription.id }, digest: true });
    expect(message.alerts.map((a) => a.id).sort()).toEqual([6, 7, 8].map((n) => indicator(n, '').id));
    await receiver.close();
  });
});
