// Several `thiqa serve` processes on one store each run a delivery worker: a delivery goes out once, whichever
// worker takes it, and one a worker took but never settled (it stopped) goes out when its claim runs out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkChannels, type AlertMessage } from '../../server/modules/alerts/services/alert-channels.ts';
import { CLAIM_MS } from '../../server/modules/alerts/services/alert-delivery.service.ts';
import { dialects } from '../support/databases.ts';
import { indicator, openAlertWorld, startReceiver, type AlertWorld } from './alert-fixtures.ts';

const channels = networkChannels({ url: undefined, from: 'thiqa@localhost' });
const idsOf = (received: { body: string }[]) => received.flatMap((r) => (JSON.parse(r.body) as AlertMessage).alerts.map((a) => a.id)).sort();

describe.each(dialects)('alert workers of several processes on %s', (dialect) => {
  let world: AlertWorld;
  beforeAll(async () => {
    world = await openAlertWorld(dialect);
  });
  afterAll(async () => {
    await world.test.close();
  });

  it('sends each delivery once when two workers look at the queue at the same time', async () => {
    const receiver = await startReceiver();
    const { subscription } = await world.platform.alertSubscriptions.create(world.carol, { channel: 'webhook', url: receiver.url, labels: ['twice'] });
    const objects = [11, 12, 13, 14, 15, 16].map((n) => indicator(n, `[ipv4-addr:value = '198.51.100.${n}']`, { labels: ['twice'] }));
    await world.ingest(...objects);
    const [one, two] = [world.worker(channels), world.worker(channels, { process: 2 })];
    await Promise.all([one.deliverDue(), two.deliverDue(), one.deliverDue(), two.deliverDue()]);
    expect(idsOf(receiver.received)).toEqual(objects.map((o) => o.id).sort());
    expect(await world.deliveries.pendingOf(subscription.id)).toEqual([]);
    await world.platform.alertSubscriptions.remove(world.carol, subscription.id);
    await receiver.close();
  });

  it('leaves what another worker took to it, and takes it over when that claim runs out', async () => {
    const receiver = await startReceiver();
    const { subscription } = await world.platform.alertSubscriptions.create(world.carol, { channel: 'webhook', url: receiver.url, labels: ['stopped'] });
    const object = indicator(17, "[ipv4-addr:value = '198.51.100.17']", { labels: ['stopped'] });
    await world.ingest(object);
    const now = world.now.value;
    // A worker of a process that stops right after taking it.
    expect(await world.deliveries.claimDue(now, 200, now + CLAIM_MS)).toMatchObject([{ objectId: object.id }]);
    const worker = world.worker(channels, { process: 2 });
    await worker.deliverDue();
    expect(receiver.received).toEqual([]);
    expect(await world.deliveries.nextDue()).toBe(now + CLAIM_MS);
    world.now.value = now + CLAIM_MS;
    await worker.deliverDue();
    expect(idsOf(receiver.received)).toEqual([object.id]);
    await world.platform.alertSubscriptions.remove(world.carol, subscription.id);
    await receiver.close();
  });

  it('retries a failed delivery on its back-off, not after the claim', async () => {
    const receiver = await startReceiver([500]);
    const { subscription } = await world.platform.alertSubscriptions.create(world.carol, { channel: 'webhook', url: receiver.url, labels: ['backoff'] });
    await world.ingest(indicator(18, "[ipv4-addr:value = '198.51.100.18']", { labels: ['backoff'] }));
    const worker = world.worker(channels);
    await worker.deliverDue();
    expect(receiver.received).toHaveLength(1);
    world.now.value += 1_000;
    await world.worker(channels, { process: 2 }).deliverDue();
    expect(receiver.received).toHaveLength(2);
    await world.platform.alertSubscriptions.remove(world.carol, subscription.id);
    await receiver.close();
  });
});
