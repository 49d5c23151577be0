// Major incidents reach subscribers on both databases: a webhook subscription for major incidents only is
// alerted when an incident is marked major (not before), for each later version, never for a RED one, and
// never to a subscriber who may not see the incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { AlertMessage } from '../../server/modules/alerts/services/alert-channels.ts';
import { verifySignature } from '../../server/modules/alerts/services/webhook-signature.ts';
import type { Platform } from '../../server/platform.ts';
import { dialects } from '../support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../support/platform.ts';
import { startReceiver } from './alert-fixtures.ts';

const alertsOf = (received: { body: string }[]) => received.flatMap((r) => (JSON.parse(r.body) as AlertMessage).alerts);

describe.each(dialects)('major incident alerts on %s', (dialect) => {
  let test: TestPlatform;
  let platform: Platform;
  let collection: string;
  let analyst: Actor, duty: Actor, watcher: Actor, outsider: Actor;

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    platform = test.platform;
    const bank = await platform.organisations.add(SYSTEM, { name: 'Bank', type: 'regional-international' });
    const cert = await platform.organisations.add(SYSTEM, { name: 'CERT', type: 'regional-international' });
    const far = await platform.organisations.add(SYSTEM, { name: 'Far', type: 'regional-international' });
    const { community } = await platform.communityApiRoots.add(SYSTEM, { name: 'Sector CIRTs' });
    for (const org of [bank, cert]) await platform.communities.join(SYSTEM, community.id, org.id);
    collection = (await platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Incidents' })).collection.id;
    await platform.collections.grant(SYSTEM, collection, `org:${far.id}`, { read: true, write: false });
    await platform.users.addUser({ name: 'analyst', password: 'analyst-password', organisation: bank.id });
    await platform.users.addUser({ name: 'duty', password: 'duty-password', organisation: cert.id, roles: ['incident-coordinator'] });
    await platform.users.addUser({ name: 'watcher', password: 'watcher-password', organisation: cert.id });
    await platform.users.addUser({ name: 'outsider', password: 'outsider-password', organisation: far.id });
    const actAs = (name: string) => platform.users.actAs(SYSTEM, name);
    analyst = await actAs('analyst');
    duty = await actAs('duty');
    watcher = await actAs('watcher');
    outsider = await actAs('outsider');
  });
  afterAll(() => test.close());

  it('alerts a major-incidents subscription when an incident is marked major, signed, and not before', async () => {
    const receiver = await startReceiver();
    const { subscription, secret } = await platform.alertSubscriptions.create(watcher, { channel: 'webhook', url: receiver.url, majorIncidents: true });
    expect(subscription.filters.majorIncidents).toBe(true);
    const { incident } = await platform.incidents.report(analyst, collection, { name: 'Outage of the payment switch', incident_types: ['denial-of-service'] });
    const id = incident.object.id as string;
    await platform.alertDelivery.deliverDue();
    expect(receiver.received).toEqual([]);

    const marked = await platform.incidents.markMajor(duty, collection, id, true);
    await platform.alertDelivery.deliverDue();
    expect(alertsOf(receiver.received)).toMatchObject([{ id, type: 'incident', name: 'Outage of the payment switch', tlp: 'green', version: marked.incident.object.modified }]);
    const { body, headers } = receiver.received[0]!;
    expect(verifySignature(secret!, body, headers['x-thiqa-signature'] as string)).toBe(true);

    // A major incident's later versions reach the subscribers too; one no longer major does not.
    const triaged = await platform.incidents.move(duty, collection, id, 'triaged');
    await platform.incidents.markMajor(duty, collection, id, false);
    await platform.alertDelivery.deliverDue();
    expect(alertsOf(receiver.received).map((a) => a.version)).toEqual([marked.incident.object.modified, triaged.incident.object.modified]);
    await platform.alertSubscriptions.remove(watcher, subscription.id);
    await receiver.close();
  });

  it('alerts at once for an incident reported major, never for a RED one, and never to whom may not see it', async () => {
    const receiver = await startReceiver();
    const outside = await startReceiver();
    const mine = await platform.alertSubscriptions.create(watcher, { channel: 'webhook', url: receiver.url, majorIncidents: true, types: ['incident'] });
    const theirs = await platform.alertSubscriptions.create(outsider, { channel: 'webhook', url: outside.url, majorIncidents: true });
    const amber = await platform.incidents.report(analyst, collection, { name: 'Ransomware at the bank', major: true, tlp: 'amber' });
    await platform.incidents.report(analyst, collection, { name: 'Board member phished', major: true, tlp: 'red' });
    await platform.alertDelivery.deliverDue();
    expect(alertsOf(receiver.received).map((a) => [a.id, a.tlp])).toEqual([[amber.incident.object.id, 'amber']]);
    expect(outside.received).toEqual([]);
    for (const s of [[watcher, mine], [outsider, theirs]] as const) await platform.alertSubscriptions.remove(s[0], s[1].subscription.id);
    await receiver.close();
    await outside.close();
  });
});
