/**
 * The Gateway end to end in a real browser against a real server: a member of a Tunisian ministry, in Arabic,
 * proposes a national strategy (the server's problems shown beside their fields first, then the record sent and
 * seen pending); a moderator accepts it from the queue in French; a search typed in other forms of the same
 * Arabic words (with the preposition, without hamza) finds it, in the UI and anonymously over the API, with its
 * facets and the address bookmarkable; a correction is proposed and its changes shown in the queue; a second
 * proposal with the same source address is flagged as a likely duplicate in the moderator's view, where the flag
 * is dismissed and changes are asked for with a comment, which the proposer reads. The six Gateway pages are
 * checked in the six languages at 360 px, and a pair of the same title is merged; screenshots in Arabic go to
 * .tmp/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, overflowsSideways, screenshot, signInAt, switchLanguage, widerThanWindow } from './browser.ts';

const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const ARABIC = /[\u0600-\u06FF]/;
/** A catalog key shown instead of its text: what a missing translation looks like on the page. */
const RAW_KEY = /\b(gateway|assessment)\.[a-z_]{3,}\b/;
const TITLE = 'الاستراتيجية الوطنية للأمن السيبراني';
const SUMMARY = 'تحدد الاستراتيجية أولويات الدولة في حماية الفضاء السيبراني وتنسيق الاستجابة للحوادث.';
const SOURCE = 'https://www.ansi.tn/ar/strategie-nationale-cybersecurite';

let server: TestServer;
let browser: Browser;
let recordId: string;
let duplicateId: string;

const open = (page: Page, uiPath: string) => openUi(page, server.url, uiPath);

/** A page of a fresh browser profile, signed in as `user`, in `language` (remembered for the user). */
async function signedIn(user: string, language: string, width = 1280): Promise<Page> {
  const context = await newContext(browser, 'en-GB', width);
  const page = await context.newPage();
  await signInAt(page, server.url, user, `${user}-password`);
  if ((await languageOf(page)).lang !== language) await switchLanguage(page, language);
  return page;
}

const field = (page: Page, name: string) => page.locator(`form.record-form [data-field="${name}"]`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
async function rest(method: string, path: string, user?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (user) headers.authorization = `Basic ${Buffer.from(`${user}:${user}-password`).toString('base64')}`;
  const response = await fetch(`${server.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

/** Whether a page shows no catalog key and fits a narrow screen; why not, when it does not. */
async function checkPage(page: Page, label: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text, label).not.toMatch(RAW_KEY);
  expect(await overflowsSideways(page), `${label}: ${(await widerThanWindow(page)).join(' | ')}`).toBe(false);
}

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const { users, organisations } = server.platform;
  await organisations.add(SYSTEM, { name: 'Ministère des Technologies de la communication', type: 'member-state', subtype: 'ministry', country: 'TN' });
  await organisations.add(SYSTEM, { name: 'Regional Cybersecurity Centre', type: 'regional-international' });
  await users.addUser({ name: 'proposer', password: 'proposer-password', organisation: 'Ministère des Technologies de la communication' });
  // A moderator who also belongs to an organisation, so every Gateway page shows all it can to one user.
  await users.addUser({ name: 'moderator', password: 'moderator-password', roles: ['gateway-moderator'], organisation: 'Regional Cybersecurity Centre' });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Gateway in a real browser', () => {
  it('has a ministry member propose a national strategy in Arabic, with the server’s problems beside their fields, and see it pending', async () => {
    const page = await signedIn('proposer', 'ar');
    await open(page, '/gateway');
    await page.locator('.gateway-tabs a[href$="/gateway/propose"]').click();
    await page.locator('.type-choice a[href$="type=strategy"]').click();
    await page.waitForURL('**/ui/gateway/propose?type=strategy');
    const form = page.locator('form.record-form');
    await form.waitFor();
    // The record's language is the reader's to start with; each text box takes it.
    expect(await form.locator('input[name=languages][value=ar]').isChecked()).toBe(true);
    const title = field(page, 'title').locator('input[lang=ar]');
    expect(await title.getAttribute('dir')).toBe('rtl');
    await title.fill(TITLE);
    await field(page, 'summary').locator('textarea[lang=ar]').fill(SUMMARY);
    // An address the server refuses, and no country: each problem shows beside its field, in Arabic.
    await field(page, 'source_url').locator('input').fill('ftp://www.ansi.tn/strategie');
    await field(page, 'year').locator('input').fill('2020');
    await field(page, 'status').locator('select').selectOption('adopted');
    await form.locator('input[name=pillars][value=organisational]').check();
    await form.locator('button[type=submit]').click();
    const urlProblem = field(page, 'source_url').locator('.field-problems li');
    await urlProblem.waitFor();
    expect(await urlProblem.innerText()).toMatch(ARABIC);
    expect(await urlProblem.innerText()).toContain('gateway-malformed-url');
    expect(await field(page, 'source_url').locator('input').getAttribute('aria-invalid')).toBe('true');
    await field(page, 'country').locator('.field-problems li').waitFor();
    await screenshot(page, 'ar-gateway-propose-problems');

    await field(page, 'source_url').locator('input').fill(SOURCE);
    await field(page, 'country').locator('select option[value=TN]').waitFor({ state: 'attached' });
    await field(page, 'country').locator('select').selectOption('TN');
    await form.locator('button[type=submit]').click();
    await page.waitForURL('**/ui/gateway/records/**');
    recordId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    await page.locator('main h1 bdi[lang=ar]', { hasText: TITLE }).waitFor();
    expect(await page.locator('main h1 bdi').getAttribute('dir')).toBe('rtl');
    // Pending, seen by its proposer only.
    await page.locator('.record-facts .status-pending').waitFor();
    // Countries are named by the server's ICU, once their names have come.
    await expect.poll(() => page.locator('.record-fields [data-field=country] dd').innerText()).toBe('تونس');
    expect(await page.locator('.record-fields [data-field=source_url] a').getAttribute('href')).toBe(SOURCE);
    expect((await rest('GET', `/gateway/records/${recordId}`)).status).toBe(404);
    await screenshot(page, 'ar-gateway-pending');
    await page.context().close();
  });

  it('has a moderator accept it from the queue, in French', async () => {
    const page = await signedIn('moderator', 'fr');
    await open(page, '/gateway/moderation');
    const item = page.locator(`article.queue-item[data-record="${recordId}"]`);
    await item.waitFor();
    expect(await item.locator('.queue-title bdi[lang=ar]').innerText()).toBe(TITLE);
    await expect.poll(() => item.locator('.record-fields [data-field=country] dd').innerText()).toBe('Tunisie');
    // Asking for changes needs a comment; accepting does not.
    await item.locator('input[type=radio][value=request_changes]').check();
    expect(await item.locator('.decision-form button[type=submit]').isDisabled()).toBe(true);
    await item.locator('input[type=radio][value=accept]').check();
    await item.locator('.decision-form button[type=submit]').click();
    await item.locator('.decided-accepted').waitFor();
    expect((await rest('GET', `/gateway/records/${recordId}`)).body.status).toBe('published');
    await page.context().close();
  });

  it('finds it by other forms of the same words, in the UI and anonymously over the API', async () => {
    for (const q of ['للأمن السيبراني', 'الامن', 'استراتيجيه']) {
      const answer = await rest('GET', `/gateway/records?q=${encodeURIComponent(q)}`);
      expect(answer.status, q).toBe(200);
      expect(answer.body.records.map((r: { id: string }) => r.id), q).toEqual([recordId]);
    }

    const page = await signedIn('proposer', 'ar');
    await open(page, '/gateway');
    await page.locator('form[role=search] input[type=search]').fill('للأمن السيبراني');
    await page.locator('form[role=search] button[type=submit]').click();
    await page.waitForURL(/q=/);
    const result = page.locator(`li.result[data-record="${recordId}"]`);
    await result.waitFor();
    expect(await result.locator('.result-title bdi').getAttribute('lang')).toBe('ar');
    // Facets with their counts, as links narrowing the search.
    const country = page.locator('.facet a.facet-value', { hasText: 'تونس' });
    expect(await country.locator('.facet-count').innerText()).toBe('1');
    await country.click();
    await page.waitForURL(/country=TN/);
    await page.locator('.chosen-filters li').first().waitFor();
    await result.waitFor();
    expect(await page.locator('.export-links a[href*="format=csv"]').getAttribute('href')).toContain('country=TN');
    await screenshot(page, 'ar-gateway-search');

    // The address is the search: opened afresh, with the word written without hamza, it finds the record again.
    await open(page, `/gateway?q=${encodeURIComponent('الامن')}&country=TN`);
    await result.waitFor();
    expect(await page.locator('form[role=search] input[type=search]').inputValue()).toBe('الامن');
    await open(page, `/gateway?q=${encodeURIComponent('الامن')}&country=MA`);
    expect(await page.locator('li.result').count()).toBe(0);
    await page.context().close();
  });

  it('has the proposer correct the record in Arabic, and the moderator see the changes against the published version', async () => {
    const page = await signedIn('proposer', 'ar');
    await open(page, `/gateway/records/${encodeURIComponent(recordId)}`);
    await page.locator(`a[href$="/gateway/records/${recordId}/correct"]`).click();
    await page.locator('form.record-form').waitFor();
    expect(await field(page, 'title').locator('input[lang=ar]').inputValue()).toBe(TITLE);
    await field(page, 'year').locator('input').fill('2021');
    await page.locator('form.record-form textarea[name=note]').fill('سنة الاعتماد هي 2021 وفق الجريدة الرسمية.');
    await page.locator('form.record-form button[type=submit]').click();
    await page.waitForURL(/sent=2/);
    await page.context().close();

    const moderator = await signedIn('moderator', 'ar');
    await open(moderator, '/gateway/moderation');
    const item = moderator.locator(`article.queue-item[data-record="${recordId}"]`);
    await item.locator('.record-diff tr.change-changed').waitFor();
    expect(await item.locator('.record-diff tbody tr').count()).toBe(1);
    expect(await item.locator('.record-diff tr.change-changed').innerText()).toContain('2021');
    await screenshot(moderator, 'ar-gateway-correction');
    await item.locator('input[type=radio][value=accept]').check();
    await item.locator('.decision-form button[type=submit]').click();
    await item.locator('.decided-accepted').waitFor();
    expect((await rest('GET', `/gateway/records/${recordId}`)).body.record.year).toBe(2021);
    await moderator.context().close();
  });

  it('flags a second proposal with the same source address as a likely duplicate in the moderator’s view, where it is dismissed and changes are asked for', async () => {
    const second = await rest('POST', '/gateway/records', 'proposer', {
      type: 'strategy',
      record: { title: { fr: 'Stratégie nationale de cybersécurité de la Tunisie' }, source_url: `${SOURCE}/`, country: 'TN', year: 2020 },
    });
    expect(second.status).toBe(201);
    duplicateId = second.body.id;
    expect(second.body.duplicates.map((d: { other: { id: string } }) => d.other.id)).toEqual([recordId]);

    const page = await signedIn('moderator', 'ar');
    await open(page, '/gateway/moderation');
    const item = page.locator(`article.queue-item[data-record="${duplicateId}"]`);
    await item.locator('.status-duplicate').click();
    await page.waitForURL(`**/ui/gateway/records/${duplicateId}#duplicates`);
    const flag = page.locator('#duplicates .duplicate-flag');
    await flag.waitFor();
    expect(await flag.locator('a bdi').innerText()).toBe(TITLE);
    await expect.poll(() => flag.innerText()).toContain('عنوان المصدر نفسه');
    await screenshot(page, 'ar-gateway-duplicate');
    await flag.locator('.duplicate-actions button.button-secondary').click();
    await expect.poll(() => page.locator('#duplicates').count()).toBe(0);
    expect((await rest('GET', '/gateway/duplicates?state=dismissed', 'moderator')).body.total).toBe(1);

    // Asking for changes waits for the comment the server requires; the proposer then reads it.
    await open(page, '/gateway/moderation');
    await item.locator('input[type=radio][value=request_changes]').check();
    const send = item.locator('.decision-form button[type=submit]');
    expect(await send.isDisabled()).toBe(true);
    await item.locator('.decision-form textarea').fill('Merci d’ajouter le titre en arabe.');
    await send.click();
    await item.locator('.decided-changes_requested').waitFor();
    await page.context().close();

    const proposer = await signedIn('proposer', 'ar');
    await open(proposer, `/gateway/records/${encodeURIComponent(duplicateId)}`);
    await proposer.locator('.record-facts .status-changes_requested').waitFor();
    await proposer.locator('.revisions .reviewer-note', { hasText: 'Merci d’ajouter le titre en arabe.' }).waitFor();
    expect(await proposer.locator(`a[href$="/gateway/records/${duplicateId}/correct"]`).count()).toBe(1);
    await proposer.context().close();
  });

  it('shows the six Gateway pages in the six languages, at 360 px, with no text missing and nothing wider than the screen; merges a pair', async () => {
    // A flag to show on the duplicates page: a third proposal with the same title.
    await rest('POST', '/gateway/records', 'proposer', { type: 'strategy', record: { title: { ar: TITLE }, source_url: 'https://example.tn/other', country: 'TN' } });
    const page = await signedIn('moderator', 'en', 360);
    const record = `/gateway/records/${encodeURIComponent(recordId)}`;
    const paths = ['/gateway', record, '/gateway/propose?type=cirt', `${record}/correct`, '/gateway/moderation', '/gateway/duplicates'];
    for (const language of LANGUAGES) {
      await switchLanguage(page, language);
      for (const path of paths) {
        await open(page, path);
        if (language === 'ar') expect(await page.locator('main').innerText(), path).toMatch(ARABIC);
        await checkPage(page, `${language} ${path}`);
      }
    }
    await switchLanguage(page, 'ar');
    await open(page, '/gateway/propose?type=strategy');
    await screenshot(page, 'ar-gateway-propose-360');
    await open(page, record);
    await screenshot(page, 'ar-gateway-record-360');

    // The pair of the same title is merged from the duplicates page, after confirming in the page.
    await open(page, '/gateway/duplicates');
    const pair = page.locator('.duplicate-pair');
    expect(await pair.count()).toBe(1);
    await pair.locator('.duplicate-actions .toolbar button').first().click();
    await pair.locator('.confirm button').first().click();
    await expect.poll(() => pair.count()).toBe(0);
    const merged = await rest('GET', '/gateway/duplicates?state=merged', 'moderator');
    expect(merged.body.duplicates.map((d: { record: { id: string }; other: { id: string } }) => [d.record.id, d.other.id].includes(recordId))).toEqual([true]);
    await page.context().close();
  }, 300_000);
});
