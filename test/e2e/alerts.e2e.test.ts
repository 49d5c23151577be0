/**
 * Alerts in the web UI, in a real browser against a real server: a user subscribes in the app to a label
 * (a refusal of the server shown beside the field it names), an object with that label is stored, the
 * navigation's badge shows one unread notification, the inbox names the object (a link to its page) and the
 * subscription that matched, and marking it read clears the badge; a webhook subscription shows its secret
 * once, never again, and removing one asks first; and the pages in Arabic are right to left, in Arabic, the
 * server's refusal included, and no wider than a 360 px phone; a webhook's delivery given up after every retry
 * is listed with its object, subscription, attempts and last error.
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
/** Text as read, without the isolates (FSI … PDI) that keep each user value in its own direction. */
const plain = async (text: Promise<string>) => (await text).replace(/[\u2066-\u2069]/g, '');

let server: TestServer;
let browser: Browser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

async function alice(): Promise<Actor> {
  const user = (await server.platform.users.findUser('alice'))!;
  return { kind: 'user', userId: user.id, name: 'alice', roles: user.roles, organisationId: null };
}

/** Stores objects as alice (who may read and write the default collection), then runs the delivery worker once. */
async function storeAsAlice(...objects: Record<string, unknown>[]): Promise<void> {
  expect((await server.platform.objects.ingest(await alice(), DEFAULT_API_ROOT, server.collectionId, objects)).rejected).toEqual([]);
  await server.platform.alertDelivery.deliverDue();
}

/** A delivery worker over the server's store that gives up after one attempt, an hour ahead (every retry is due). */
function impatientWorker(): AlertDeliveryService {
  const { db, users, objects } = server.platform;
  const readers = {
    actorOf: async (id: string) => {
      const actor = await alice();
      return actor.kind === 'user' && actor.userId === id ? actor : undefined;
    },
    languageOf: async (id: string) => (await users.findById(id))?.language ?? null,
  };
  const stores = { deliveries: new DeliveryRepository(db), subscriptions: new SubscriptionRepository(db) };
  return new AlertDeliveryService(stores, objects, readers, networkChannels({ url: undefined, from: 'thiqa@localhost' }), { baseUrl: server.url, maxAttempts: 1 }, () => Date.now() + 3_600_000);
}

const badge = (page: Page) => page.locator('header nav .nav-badge');
const alertsNav = (page: Page) => page.locator('header nav a[href="/ui/alerts"]');

beforeAll(async () => {
  server = await startTestServer('sqlite');
  receiver = await startReceiver();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.close();
});

describe('alerts in the web UI', () => {
  it('subscribes to a label, shows the notification with a badge until it is read, and a webhook’s secret once', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInAt(page, server.url, 'alice', 'alice-password');
    expect(await badge(page).count()).toBe(0);

    await openUi(page, server.url, '/alerts/subscriptions');
    const form = page.locator('form.subscription-form');
    await form.getByLabel('Name', { exact: true }).fill('Phishing watch');
    await form.getByLabel('Labels', { exact: true }).fill('phishing');
    await form.locator('button[type=submit]').click();
    const rows = page.locator('.subscription-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Phishing watch');
    expect(await plain(rows.first().innerText())).toContain('Labels: phishing');
    expect(await rows.first().innerText()).toContain('In the app');
    expect(await page.locator('.webhook-secret').count()).toBe(0);

    // A webhook to an address the server refuses: the reason is beside the URL field, which is marked invalid.
    await form.getByLabel('Webhook', { exact: true }).check();
    const url = form.getByLabel('Webhook URL');
    await url.fill('ftp://files.example/hook');
    await form.locator('button[type=submit]').click();
    const urlError = form.locator('.field', { has: page.getByLabel('Webhook URL') }).locator('.field-error');
    await urlError.waitFor();
    expect(await urlError.innerText()).toBe('A webhook needs an http or https URL, not “ftp://files.example/hook”.');
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect((await url.getAttribute('aria-describedby'))?.split(' ')).toContain(await urlError.getAttribute('id'));

    // Made: its secret once, 32 random bytes in hex; dismissed, and not shown again after a reload either.
    await url.fill(receiver.url);
    await form.getByLabel('Name', { exact: true }).fill('SOC webhook');
    await form.locator('button[type=submit]').click();
    const secretBox = page.locator('.webhook-secret');
    await secretBox.waitFor();
    const secret = await secretBox.locator('code').innerText();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await form.locator('.field-error').count()).toBe(0);
    await screenshot(page, 'en-alert-subscriptions');
    await secretBox.locator('button').click();
    expect(await page.locator('.webhook-secret').count()).toBe(0);
    await openUi(page, server.url, '/alerts/subscriptions');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('main').innerText()).not.toContain(secret);

    // An object with the label is stored: the badge shows one unread notification on the next navigation.
    await storeAsAlice(indicator(1, "[domain-name:value = 'login-bank.example']", { name: 'Phishing kit domain', labels: ['phishing'] }), indicator(2, "[domain-name:value = 'quiet.example']", { name: 'Unlabelled', labels: ['other'] }));
    expect(receiver.received).toHaveLength(2);
    await alertsNav(page).click();
    await page.locator('main h1', { hasText: 'Notifications' }).waitFor();
    await expect.poll(() => badge(page).innerText().catch(() => '')).toBe('1');
    expect(await alertsNav(page).locator('.visually-hidden').innerText()).toBe('1 unread notification');
    const notifications = page.locator('.notification-table tbody tr');
    await notifications.first().waitFor();
    expect(await notifications.count()).toBe(1);
    const notification = notifications.first();
    expect(await notification.innerText()).toContain('Phishing watch');
    expect(await notification.innerText()).toContain('Unread');
    const link = notification.getByRole('link', { name: 'Phishing kit domain' });
    expect(await link.getAttribute('href')).toBe(`/ui/collections/${server.collectionId}/objects/${encodeURIComponent(indicator(1, '').id as string)}`);
    await screenshot(page, 'en-alert-notifications');

    await link.click();
    await page.locator('main h1', { hasText: 'Phishing kit domain' }).waitFor();
    expect(await badge(page).innerText()).toBe('1');
    await page.goBack();
    await notification.getByRole('button', { name: 'Mark as read' }).click();
    await expect.poll(() => badge(page).count()).toBe(0);
    await expect.poll(() => notification.innerText()).toContain('Read ');
    expect(await notification.innerText()).not.toContain('Unread');
    expect(await page.getByRole('button', { name: 'Mark all as read' }).isDisabled()).toBe(true);

    // Removing asks first; then the webhook subscription is gone and the in-app one stays.
    await openUi(page, server.url, '/alerts/subscriptions');
    const webhookRow = rows.filter({ hasText: 'SOC webhook' });
    await webhookRow.getByRole('button', { name: 'Remove' }).click();
    await webhookRow.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Phishing watch');
    await context.close();
  }, 120_000);

  it('shows the alert pages right to left in Arabic, the badge and the server’s refusal included', async () => {
    await storeAsAlice(indicator(3, "[domain-name:value = 'second-bank.example']", { name: 'مجال تصيّد ثانٍ', labels: ['phishing'] }));
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInAt(page, server.url, 'alice', 'alice-password');
    await switchLanguage(page, 'ar');
    expect(await languageOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expect.poll(() => badge(page).innerText().catch(() => '')).toBe('1');
    expect(await alertsNav(page).innerText()).toContain('التنبيهات');
    expect(await alertsNav(page).locator('.visually-hidden').innerText()).toBe('1 إشعار غير مقروء');

    await alertsNav(page).click();
    await page.locator('main h1', { hasText: 'الإشعارات' }).waitFor();
    const notification = page.locator('.notification-table tbody tr').first();
    await notification.waitFor();
    expect(await notification.getByRole('link').innerText()).toBe('مجال تصيّد ثانٍ');
    expect(await notification.innerText()).toContain('غير مقروء');
    expect(await plain(notification.innerText())).toContain('الوسوم: phishing');
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('.notification-table')).direction`)).toBe('rtl');
    await screenshot(page, 'ar-alert-notifications');
    await page.getByRole('button', { name: 'وضع علامة مقروء على الكل' }).click();
    await expect.poll(() => badge(page).count()).toBe(0);

    await page.locator('.alert-tabs a', { hasText: 'الاشتراكات' }).click();
    await page.locator('main h1', { hasText: 'الاشتراكات في التنبيهات' }).waitFor();
    const form = page.locator('form.subscription-form');
    await form.getByLabel('البريد الإلكتروني', { exact: true }).check();
    const email = form.getByLabel('عنوان البريد الإلكتروني');
    await email.fill('soc@example');
    await form.locator('button[type=submit]').click();
    const emailError = form.locator('.field', { has: page.getByLabel('عنوان البريد الإلكتروني') }).locator('.field-error');
    await emailError.waitFor();
    expect(await emailError.innerText()).toMatch(ARABIC);
    expect(await emailError.innerText()).toContain('soc@example');
    expect(await email.getAttribute('dir')).toBe('ltr');
    expect(await form.locator('button[type=submit]').innerText()).toBe('اشترك');
    await screenshot(page, 'ar-alert-subscriptions');

    // On a 360 px phone neither page is wider than the window: the tables scroll inside their own box.
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of ['/alerts', '/alerts/subscriptions']) {
      await openUi(page, server.url, path);
      expect(await overflowsSideways(page), path).toBe(false);
    }
    await context.close();
  }, 120_000);

  it('lists a webhook’s deliveries given up after every retry failed: the object, the subscription, the attempts and the last error', async () => {
    const gone = await startReceiver();
    await gone.close();
    await server.platform.alertSubscriptions.create(await alice(), { channel: 'webhook', name: 'Gone receiver', url: gone.url, labels: ['outage'] });
    const outage = indicator(5, "[domain-name:value = 'outage.example']", { name: 'Outage indicator', labels: ['outage'] });
    await storeAsAlice(outage);
    await impatientWorker().deliverDue();
    const [dead] = await server.platform.alertInbox.deadLetters(await alice());
    expect(dead).toMatchObject({ objectId: outage.id, channel: 'webhook' });

    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInAt(page, server.url, 'alice', 'alice-password');
    await switchLanguage(page, 'en'); // alice chose Arabic in the test before, which the server remembers for her
    await openUi(page, server.url, '/alerts/subscriptions');
    const rows = page.getByRole('region', { name: 'Failed deliveries' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const cells = rows.first().locator('td');
    expect(await cells.nth(0).innerText()).toContain(outage.id as string);
    expect(await cells.nth(1).innerText()).toContain('Gone receiver');
    expect(await cells.nth(1).innerText()).toContain('Webhook');
    expect(await cells.nth(2).innerText()).toBe(String(dead!.attempts));
    expect(await cells.nth(3).innerText()).toBe(dead!.lastError);
    expect(dead!.lastError).not.toBe('');
    await context.close();
  }, 120_000);
});
