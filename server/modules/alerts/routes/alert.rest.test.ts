// Alerts over real HTTP on both databases: each user's own subscriptions, the webhook signature, in-app
// notifications read and marked read (one, or all at once), dead letters, and what another user cannot reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { startTestServer, type TestServer } from '../../../../test/support/taxii-server.ts';
import { rest } from '../../../../test/rest/rest-client.ts';
import { indicator, startReceiver } from '../../../../test/alerts/alert-fixtures.ts';
import { verifySignature } from '../services/webhook-signature.ts';

describe.each(dialects)('alerts over REST on %s', (dialect) => {
  let server: TestServer;
  const ingestAsAlice = async (...objects: Record<string, unknown>[]) => {
    const alice = (await server.platform.users.findUser('alice'))!;
    const actor = { kind: 'user' as const, userId: alice.id, name: 'alice', roles: alice.roles, organisationId: null };
    expect((await server.platform.objects.ingest(actor, 'thiqa', server.collectionId, objects)).rejected).toEqual([]);
  };
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => server?.close());

  it('makes a webhook subscription, answers its secret once, and the delivery is signed with it', async () => {
    const receiver = await startReceiver();
    const made = await rest(server, '/alerts/subscriptions', { method: 'POST', auth: server.auth.alice, body: { channel: 'webhook', url: receiver.url, types: ['indicator'], labels: ['rest'], collections: [server.collectionId] } });
    expect(made.status).toBe(201);
    expect(made.body.subscription).toMatchObject({ channel: 'webhook', target: receiver.url, types: ['indicator'], max_tlp: 'amber+strict', collections: [server.collectionId] });
    expect(made.body.secret).toMatch(/^[0-9a-f]{64}$/);
    const id = made.body.subscription.id as string;
    const listed = await rest(server, '/alerts/subscriptions', { auth: server.auth.alice });
    expect(listed.body.subscriptions.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
    expect((await rest(server, `/alerts/subscriptions/${id}`, { auth: server.auth.bob })).status).toBe(404);
    expect((await rest(server, '/alerts/subscriptions', { auth: server.auth.bob })).body.subscriptions).toEqual([]);

    await ingestAsAlice(indicator(21, "[ipv4-addr:value = '192.0.2.21']", { labels: ['rest'] }));
    await server.platform.alertDelivery.deliverDue();
    expect(receiver.received).toHaveLength(1);
    const { body, headers } = receiver.received[0]!;
    expect(verifySignature(made.body.secret, body, headers['x-thiqa-signature'] as string)).toBe(true);
    expect(JSON.parse(body).alerts[0]).toMatchObject({ id: indicator(21, '').id, link: expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/thiqa/collections/${server.collectionId}/objects/${indicator(21, '').id as string}/$`)) });

    expect((await rest(server, `/alerts/subscriptions/${id}`, { method: 'DELETE', auth: server.auth.bob })).status).toBe(404);
    expect((await rest(server, `/alerts/subscriptions/${id}`, { method: 'DELETE', auth: server.auth.alice })).status).toBe(200);
    expect((await rest(server, '/alerts/subscriptions', { auth: server.auth.alice })).body.subscriptions).toEqual([]);
    await receiver.close();
  });

  it('lists in-app notifications to their owner, marks them read, and lists dead letters', async () => {
    const made = await rest(server, '/alerts/subscriptions', { method: 'POST', auth: server.auth.alice, body: { channel: 'in-app', watch: ['inapp.example'] } });
    expect(made.status).toBe(201);
    expect(made.body.secret).toBeUndefined();
    await ingestAsAlice(indicator(22, "[domain-name:value = 'inapp.example']"));
    await server.platform.alertDelivery.deliverDue();
    const listed = await rest(server, '/alerts/notifications', { auth: server.auth.alice });
    expect(listed.body.notifications).toMatchObject([{ subscription: made.body.subscription.id, alert: { id: indicator(22, '').id, tlp: 'green' }, read_at: null }]);
    const notification = listed.body.notifications[0].id as string;
    expect((await rest(server, `/alerts/notifications/${notification}/read`, { method: 'POST', auth: server.auth.bob })).status).toBe(404);
    expect((await rest(server, `/alerts/notifications/${notification}/read`, { method: 'POST', auth: server.auth.alice })).body).toEqual({ id: notification, read: true });
    expect((await rest(server, '/alerts/notifications?unread=true', { auth: server.auth.alice })).body.notifications).toEqual([]);
    expect((await rest(server, '/alerts/notifications', { auth: server.auth.bob })).body.notifications).toEqual([]);
    expect((await rest(server, '/alerts/dead-letters', { auth: server.auth.alice })).body.dead_letters).toEqual([]);
  });

  it('marks every unread notification of the caller read at once, and no one else’s', async () => {
    expect((await rest(server, '/alerts/subscriptions', { method: 'POST', auth: server.auth.alice, body: { channel: 'in-app', watch: ['all-read.example'] } })).status).toBe(201);
    await ingestAsAlice(indicator(23, "[domain-name:value = 'all-read.example']"), indicator(24, "[domain-name:value = 'all-read.example']"));
    await server.platform.alertDelivery.deliverDue();
    const unread = async () => (await rest(server, '/alerts/notifications?unread=true', { auth: server.auth.alice })).body.notifications.length as number;
    expect(await unread()).toBe(2);
    expect((await rest(server, '/alerts/notifications/read', { method: 'POST', auth: server.auth.bob })).body).toEqual({ read: 0 });
    expect(await unread()).toBe(2);
    expect((await rest(server, '/alerts/notifications/read', { method: 'POST', auth: server.auth.alice })).body).toEqual({ read: 2 });
    expect(await unread()).toBe(0);
    expect((await rest(server, '/alerts/notifications/read', { method: 'POST', auth: server.auth.alice })).body).toEqual({ read: 0 });
    expect((await rest(server, '/alerts/notifications', { auth: server.auth.alice })).body.notifications.every((n: { read_at: string | null }) => n.read_at !== null)).toBe(true);
  });

  it('refuses a RED ceiling with its error code', async () => {
    const refused = await rest(server, '/alerts/subscriptions', { method: 'POST', auth: server.auth.alice, body: { channel: 'in-app', max_tlp: 'red' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('alert.invalid_tlp');
  });
});
