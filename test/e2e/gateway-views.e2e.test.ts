/**
 * The Gateway's gaps map and agreements network in a real browser against a real server: with a national CIRT
 * of Tunisia and a Tunisian–French agreement published, the gaps page in Arabic draws the world map with its
 * three-state legend, colours Tunisia as having a national CIRT and lists a country with none on record; the
 * fact chosen is kept in the address; the network page draws the parties as a graph and shows the agreement under each of its parties, named in
 * the reader's language, and filters by kind and status; the matching page gives Tunisia's need of a national
 * CIRT (from a published assessment) the offer made to Tunisia, linked to its record. The three pages are checked in the six languages at 360 px;
 * screenshots in Arabic go to .tmp/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, overflowsSideways, screenshot, signInAt, switchLanguage, widerThanWindow } from './browser.ts';

const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const RAW_KEY = /\b(gateway|assessment)\.[a-z_]{3,}\b/;

let server: TestServer;
let browser: Browser;
let agreementId: string;
let offerId: string;
const EDITION = 'GCA 2027 (views)';

async function signedIn(language: string, width = 1280): Promise<Page> {
  const context = await newContext(browser, 'en-GB', width);
  const page = await context.newPage();
  await signInAt(page, server.url, 'viewer', 'viewer-password');
  if ((await languageOf(page)).lang !== language) await switchLanguage(page, language);
  return page;
}

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const { users, gatewayRecords, gatewayModeration, cycles, answers } = server.platform;
  await users.addUser({ name: 'viewer', password: 'viewer-password' });
  const publish = async (type: string, record: Record<string, unknown>) => {
    const proposed = await gatewayRecords.propose(SYSTEM, { type, record } as Parameters<typeof gatewayRecords.propose>[1]);
    await gatewayModeration.moderate(SYSTEM, proposed.record.id, 1, { action: 'accept' });
    return proposed.record.id;
  };
  await publish('cirt', { title: { ar: 'الفريق الوطني للاستجابة لطوارئ الحاسوب', en: 'tunCERT' }, source_url: 'https://www.ansi.tn/tuncert', country: 'TN', kind: 'national' });
  agreementId = await publish('agreement', { title: { en: 'Memorandum of understanding on cybersecurity', fr: 'Protocole d’accord sur la cybersécurité' }, source_url: 'https://example.org/tn-fr-mou', form: 'bilateral', countries: ['TN', 'FR'], status: 'signed' });
  // An assessment of Tunisia, published, that finds no national CIRT; an offer to help set one up in Tunisia.
  await cycles.open(SYSTEM, { name: EDITION, framework: 'gca-commitment' });
  await cycles.invite(SYSTEM, EDITION, { country: 'TN' });
  await answers.save(SYSTEM, EDITION, 'TN', 'technical-cirt-exists', { level: 'nonexistent', revision: 0 });
  await cycles.finalise(SYSTEM, EDITION);
  await cycles.publish(SYSTEM, EDITION);
  offerId = await publish('assistance', { title: { fr: 'Appui à la mise en place du CERT national' }, source_url: 'https://example.org/offer/tn', provider: 'Example Development Agency', kinds: ['cirt-establishment'], indicators: ['technical-national-cirt'], countries: ['TN'] });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Gateway’s gaps map and agreements network', () => {
  it('draws the gaps map in Arabic and lists the countries with no national CIRT on record', async () => {
    const page = await signedIn('ar');
    await openUi(page, server.url, '/gateway');
    await page.locator('.gateway-tabs a[href$="/gateway/gaps"]').click();
    await page.waitForURL('**/ui/gateway/gaps');
    // The map is drawn: ECharts' SVG with the countries' shapes.
    const map = page.locator('.chart-map svg path');
    await expect.poll(() => map.count(), { timeout: 20_000 }).toBeGreaterThan(100);
    expect(await page.locator('.map-legend li').count()).toBe(3);
    expect(await page.locator('.map-legend').innerText()).toMatch(/[\u0600-\u06FF]/);
    // Tunisia has a national CIRT; Algeria has nothing on record, named in Arabic.
    const lacking = page.locator('.gap-countries');
    await expect.poll(() => lacking.locator('li[data-country=DZ]').innerText()).toBe('الجزائر');
    expect(await lacking.locator('li[data-country=TN]').count()).toBe(0);
    expect(await page.locator('.coverage-table tr[data-region="002"] th').innerText()).toMatch(/[\u0600-\u06FF]/);
    const csv = await page.locator('a[href*="/gateway/gaps?format=csv"]').getAttribute('href');
    expect(csv).toContain('lang=ar');
    const answer = await fetch(`${server.url}${csv}`);
    expect(answer.headers.get('content-type')).toContain('text/csv');
    await screenshot(page, 'ar-gateway-gaps');
    // Another fact: nobody has a strategy, so Tunisia is now lacking too; the choice is in the address.
    await page.locator('.gaps-fact select').selectOption('strategy');
    await page.waitForURL('**/ui/gateway/gaps?fact=strategy');
    await lacking.locator('li[data-country=TN]').waitFor();
    await page.context().close();
  });

  it('shows the agreements by party, named in the reader’s language, with kind and status filters', async () => {
    const page = await signedIn('ar');
    await openUi(page, server.url, '/gateway/network');
    const tunisia = page.locator('.network-party[data-party="country:TN"]');
    await expect.poll(() => tunisia.locator('h2').innerText()).toBe('تونس');
    expect(await tunisia.locator(`.network-agreement[data-agreement="${agreementId}"] a`).getAttribute('href')).toContain(`/gateway/records/${encodeURIComponent(agreementId)}`);
    expect(await tunisia.locator('.network-parties').innerText()).toContain('فرنسا');
    expect(await page.locator('.network-party[data-party="country:FR"] h2').innerText()).toBe('فرنسا');
    // The graph draws both parties, named in Arabic, joined by the agreement's line.
    const graph = page.locator('.network-graph .chart-network svg');
    await graph.locator('text', { hasText: 'تونس' }).first().waitFor();
    expect(await graph.locator('text', { hasText: 'فرنسا' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.network-graph figcaption').innerText()).toContain('خط متصل');
    await screenshot(page, 'ar-gateway-network');
    await page.locator('.network-filters select[name=form]').selectOption('multilateral');
    await page.waitForURL('**/ui/gateway/network?form=multilateral');
    await expect.poll(() => page.locator('.network-party').count()).toBe(0);
    expect(await page.locator('.network-graph').count()).toBe(0);
    await page.locator('.network-filters select[name=form]').selectOption('bilateral');
    await page.locator('.network-filters select[name=status]').selectOption('signed');
    await page.waitForURL('**/ui/gateway/network?form=bilateral&status=signed');
    await expect.poll(() => page.locator('.network-party').count()).toBe(2);
    await page.context().close();
  });

  it('matches Tunisia’s needs with the assistance offered to it, in Arabic', async () => {
    const page = await signedIn('ar');
    await openUi(page, server.url, '/gateway/matching');
    await page.locator('.matching-country select option[value=TN]').waitFor({ state: 'attached' });
    await page.locator('.matching-country select').selectOption('TN');
    await page.waitForURL('**/ui/gateway/matching?country=TN');
    const need = page.locator('.matching-need[data-question="technical-cirt-exists"]');
    const offer = need.locator(`.matching-offers li[data-record="${offerId}"]`);
    await offer.waitFor();
    expect(await offer.getAttribute('data-reach')).toBe('country');
    expect(await offer.locator('a').getAttribute('href')).toContain(`/gateway/records/${encodeURIComponent(offerId)}`);
    expect(await page.locator('main h1').innerText()).toContain('تونس');
    await screenshot(page, 'ar-gateway-matching');
    await page.context().close();
  });

  it('shows the three pages in the six languages at 360 px, with no text missing and nothing wider than the screen', async () => {
    const page = await signedIn('en', 360);
    for (const language of LANGUAGES) {
      await switchLanguage(page, language);
      for (const [path, shown] of [['/gateway/gaps', '.gap-countries li'], ['/gateway/network', '.network-party'], ['/gateway/matching?country=TN', '.matching-offers li']] as const) {
        await openUi(page, server.url, path);
        await page.locator(shown).first().waitFor();
        const label = `${language} ${path}`;
        expect(await page.locator('body').innerText(), label).not.toMatch(RAW_KEY);
        expect(await overflowsSideways(page), `${label}: ${(await widerThanWindow(page)).join(' | ')}`).toBe(false);
      }
    }
    await switchLanguage(page, 'ar');
    await openUi(page, server.url, '/gateway/gaps');
    await page.locator('.chart-map svg path').first().waitFor();
    await screenshot(page, 'ar-gateway-gaps-360');
    await page.context().close();
  }, 300_000);
});
