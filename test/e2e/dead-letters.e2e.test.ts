/**
 * Failed deliveries (dead letters) in the web UI, in a real browser against a real server: their owner
 * sends one back to the queue from the subscriptions page and it reaches the webhook receiver; an
 * administrator sees every owner's on Administration › Failed deliveries, in Arabic (right to left, the
 * object's id kept left to right, no wider than a 360 px phone), narrows them to a channel, and discards one
 * in two steps; an analyst has no such page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_ROOT } from '../../server/bootstrap.ts';
import type { Actor } from '../../server/core/auth/actor.ts';
import { DeliveryRepository } from '../../server/modules/alerts/repositories/delivery.repository.ts';
import { SubscriptionRepository } from '../../server/modules/alerts/repositories/subscription.repository.ts';
import { networkChannels } from '../../server/modules/alerts/services/alert-channels.ts';
import { AlertDeliveryService } from '../../server/modules/alerts/services/alert-delivery.service.ts';
import { indicator, startReceiver } from '../alerts/alert-fixtures.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, overflowsSideways, screenshot, signInAt, switchLanguage } from './browser.ts';

const ARABIC = /[\u0600-\u06FF]/;
const first = indicator(61, "[domain-name:value = 'first-failure.example']", { labels: ['failing'] });
const second = indicator(62, "[domain-name:value = 'second-failure.example']", { labels: ['failing'] });

let server: TestServer;
let browser: Browser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
/** What the receiver answers next (then 200). */
const statuses: number[] = [];

async function alice(): Promise<Actor> {
  const user = (await server.platform.users.findUser('alice'))!;
  return { kind: 'user', userId: user.id, name: 'alice', roles: user.roles, organisationId: null };
}

/** A delivery worker over the server's store that gives up after one attempt, an hour ahead (every retry is due). */
function impatientWorker(): AlertDeliveryService {
  const { db, objects } = server.platform;
  const readers = { actorOf: async (id: string) => ((await alice()) as { userId: string }).userId === id ? alice() : undefined, languageOf: async () => null };
  const stores = { deliveries: new DeliveryRepository(db), subscriptions: new SubscriptionRepository(db) };
  return new AlertDeliveryService(stores, objects, readers, networkChannels({ url: undefined, from: 'thiqa@localhost' }), { baseUrl: server.url, maxAttempts: 1 }, () => Date.now() + 3_600_000);
}

const deadRows = (page: Page, region: string) => page.getByRole('region', { name: region }).locator('tbody tr');

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await server.platform.users.addUser({ name: 'root', password: 'root-password', roles: ['platform-admin'] });
  receiver = await startReceiver(statuses);
  await server.platform.alertSubscriptions.create(await alice(), { channel: 'webhook', name: 'SOC hook', url: receiver.url, labels: ['failing'] });
  expect((await server.platform.objects.ingest(await alice(), DEFAULT_API_ROOT, server.collectionId, [first, second])).rejected).toEqual([]);
  statuses.push(500, 500);
  await impatientWorker().deliverDue();
  expect(await server.platform.alertInbox.deadLetters(await alice())).toHaveLength(2);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.close();
});

describe('failed deliveries in the web UI', () => {
  it('lets their owner send one back to the queue, and it reaches the receiver', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInAt(page, server.url, 'alice', 'alice-password');
    await openUi(page, server.url, '/alerts/subscriptions');
    const rows = deadRows(page, 'Failed deliveries');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await page.getByRole('button', { name: `Retry the delivery of ${first.id as string}` }).click();
    await page.getByRole('status').filter({ hasText: 'Sent back to the queue' }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(second.id as string);

    const before = receiver.received.length;
    await impatientWorker().deliverDue();
    expect(receiver.received).toHaveLength(before + 1);
    expect(JSON.parse(receiver.received.at(-1)!.body).alerts.map((a: { id: string }) => a.id)).toEqual([first.id]);

    // An analyst has no administration at all, so no hub-wide list.
    await openUi(page, server.url, '/admin/dead-letters');
    await page.getByText('Your roles do not allow any administration.').waitFor();
    await context.close();
  }, 120_000);

  it('shows an administrator every owner’s in Arabic, narrows them to a channel, and discards one in two steps', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInAt(page, server.url, 'root', 'root-password');
    await switchLanguage(page, 'ar');
    await openUi(page, server.url, '/admin/dead-letters');
    expect((await languageOf(page)).dir).toBe('rtl');
    await page.locator('main h2', { hasText: 'التسليمات الفاشلة في المنصّة' }).waitFor();
    const rows = deadRows(page, 'التسليمات الفاشلة في المنصّة');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const cells = rows.first().locator('td');
    expect(await cells.nth(0).innerText()).toContain('alice');
    expect(await cells.nth(1).innerText()).toContain(second.id as string);
    expect(await cells.nth(1).locator('code').getAttribute('dir')).toBe('ltr');
    expect(await cells.nth(2).innerText()).toContain('SOC hook');
    expect(await cells.nth(2).innerText()).toMatch(ARABIC);
    await screenshot(page, 'ar-admin-dead-letters');

    const filters = page.getByRole('search');
    await filters.getByLabel('طريقة التسليم').selectOption('email');
    await filters.getByRole('button', { name: 'عرض' }).click();
    await page.getByText('لا توجد تسليمات فاشلة.').waitFor();
    await filters.getByLabel('المالك').fill('alice');
    await filters.getByLabel('طريقة التسليم').selectOption('webhook');
    await filters.getByRole('button', { name: 'عرض' }).click();
    await rows.first().waitFor();

    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: `حذف التسليم الفاشل لـ${second.id as string}` }).click();
    await page.getByRole('button', { name: 'نعم، احذفه' }).click();
    await page.getByRole('status').filter({ hasText: 'حُذف التسليم الفاشل.' }).waitFor();
    await page.getByText('لا توجد تسليمات فاشلة.').waitFor();
    expect(await server.platform.alertInbox.deadLetters(await alice())).toEqual([]);
    expect((await server.platform.audit.list({ kind: 'system' }, { limit: 1000 })).filter((e) => e.action.startsWith('alert.dead_letter_')).map((e) => e.action)).toEqual(['alert.dead_letter_retry', 'alert.dead_letter_discard']);
    await context.close();
  }, 120_000);
});
