// E-mail alerts through a real SMTP server started by the test, and in-app notifications on a watch-list,
// on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkChannels } from '../../server/modules/alerts/services/alert-channels.ts';
import { dialects } from '../support/databases.ts';
import { errorCode } from '../support/domain-error.ts';
import { indicator, objectId, openAlertWorld, type AlertWorld } from './alert-fixtures.ts';
import { startSmtpServer, textOf, type SmtpServer } from './smtp-server.ts';

describe.each(dialects)('e-mail and in-app alerts on %s', (dialect) => {
  let world: AlertWorld;
  let smtp: SmtpServer;
  beforeAll(async () => {
    world = await openAlertWorld(dialect);
    smtp = await startSmtpServer();
  }, 90_000);
  afterAll(async () => {
    await smtp.close();
    await world.test.close();
  });

  it('sends an e-mail through the SMTP server, with the TLP and the link', async () => {
    await world.platform.alertSubscriptions.create(world.carol, { channel: 'email', email: 'soc@cert.example', name: 'SOC', labels: ['mail'] });
    await world.ingest(indicator(11, "[url:value = 'http://bad.example/x']", { labels: ['mail'], name: 'Phishing page' }));
    await world.worker(networkChannels({ url: smtp.url, from: 'alerts@hub.example' })).deliverDue();
    const messages = await smtp.messages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^To: soc@cert\.example$/m);
    expect(messages[0]).toMatch(/^From: alerts@hub\.example$/m);
    expect(messages[0]).toMatch(/^Subject: Thiqa alert: SOC: Phishing page$/m);
    expect(textOf(messages[0]!)).toContain(`[TLP:GREEN] indicator Phishing page`);
    expect(textOf(messages[0]!)).toContain(`https://hub.example/alerts/collections/${world.collection}/objects/${objectId('indicator', 11)}/`);
    expect(await world.platform.alertInbox.deadLetters(world.carol)).toEqual([]);

    await world.platform.users.setOwnLanguage(world.carol, 'fr');
    await world.ingest(indicator(14, "[url:value = 'http://bad.example/y']", { labels: ['mail'], name: 'Page 2' }));
    await world.worker(networkChannels({ url: smtp.url, from: 'alerts@hub.example' })).deliverDue();
    const [, french] = await smtp.messages();
    expect(french).toMatch(/^Subject: Alerte Thiqa : SOC : Page 2$/m); // in the owner's language
    await world.platform.users.setOwnLanguage(world.carol, null);
  });

  it('notifies in the app what a watch-list value appears in, as an SCO or in an indicator’s pattern', async () => {
    await world.platform.alertSubscriptions.create(world.carol, { channel: 'in-app', watch: ['198.51.100.7'] });
    const sco = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--5c2f6f21-ff3a-5d33-9d9e-5d0c1c1b2a10', value: '198.51.100.7' };
    await world.ingest(indicator(12, "[ipv4-addr:value = '198.51.100.7'] OR [domain-name:value = 'x.example']"), indicator(13, "[ipv4-addr:value = '198.51.100.70']"), sco);
    await world.worker(networkChannels({ url: undefined, from: 'x@y' })).deliverDue();
    const notifications = await world.platform.alertInbox.notifications(world.carol);
    expect(notifications.map((n) => n.alert.id).sort()).toEqual([sco.id, objectId('indicator', 12)].sort());
    expect(await world.platform.alertInbox.notifications(world.dave)).toEqual([]);
    await world.platform.alertInbox.markRead(world.carol, notifications[0]!.id);
    expect((await world.platform.alertInbox.notifications(world.carol, true)).map((n) => n.id)).toEqual([notifications[1]!.id]);
    await expect(errorCode(world.platform.alertInbox.markRead(world.dave, notifications[1]!.id))).resolves.toBe('alert.notification_not_found');
  });

  it('refuses a RED ceiling and names what is wrong with a subscription', async () => {
    const subscribe = (input: Parameters<AlertWorld['platform']['alertSubscriptions']['create']>[1]) => errorCode(world.platform.alertSubscriptions.create(world.carol, input));
    await expect(subscribe({ channel: 'in-app', maxTlp: 'red' })).resolves.toBe('alert.invalid_tlp');
    await expect(subscribe({ channel: 'pigeon' })).resolves.toBe('alert.invalid_channel');
    await expect(subscribe({ channel: 'webhook', url: 'ftp://x.example/' })).resolves.toBe('alert.invalid_url');
    await expect(subscribe({ channel: 'email', email: 'not an address' })).resolves.toBe('alert.invalid_email');
    await expect(errorCode(world.platform.alertSubscriptions.create(world.dave, { channel: 'in-app', collections: [world.collection] }))).resolves.toBe('collection.not_found');
  });
});
