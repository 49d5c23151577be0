/**
 * The personal-data step of the import in a real browser against a real server: a real bundle (Poison Ivy,
 * one of whose indicators names an e-mail address in its description) imported into a community collection
 * is refused before anything is stored; the page lists the finding by object, field and kind, in English and
 * in Arabic (right to left), and the user has it redacted: the file is sent again, stored whole, and the
 * stored description holds `[redacted]` where the address was.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, screenshot, signInAt, switchLanguage } from './browser.ts';

const POISON_IVY = path.join(referenceDataDir(), 'stix', 'poisonivy.json');
const ARABIC = /[\u0600-\u06FF]/;
const INDICATOR = 'indicator--9695dc2f-d92a-4f2b-8b16-b0e21d7c631d';

let server: TestServer;
let browser: Browser;
let collectionId: string;
let apiRoot: string;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const { platform } = server;
  await platform.organisations.add(SYSTEM, { name: 'Tunisia CERT', type: 'member-state', subtype: 'national-cirt', country: 'TN' });
  await platform.users.addUser({ name: 'amina', password: 'amina-password', organisation: 'Tunisia CERT' });
  await platform.communityApiRoots.add(SYSTEM, { name: 'Arab regional CIRTs' });
  await platform.communities.join(SYSTEM, 'Arab regional CIRTs', 'Tunisia CERT');
  const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, 'Arab regional CIRTs', { title: 'Regional threat reports' });
  collectionId = collection.id;
  apiRoot = collection.apiRoot;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('personal data on import in the web UI', () => {
  it('lists the finding before storing anything, in English and Arabic, and imports the file redacted', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signInAt(page, server.url, 'amina', 'amina-password');
    await openUi(page, server.url, `/import?collection=${collectionId}`);
    await page.locator('input[type=file]').setInputFiles(POISON_IVY);
    await page.locator('form.stacked-form button[type=submit]').click();
    const review = page.locator('section.personal-data-review');
    await review.waitFor({ timeout: 60_000 });
    expect(await review.locator('h2').innerText()).toBe('Personal data found: nothing has been stored yet');
    const rows = review.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').allInnerTexts()).toEqual(['45', INDICATOR, '$.description', 'E-mail address of a person']);
    expect(await server.platform.objects.count(SYSTEM, apiRoot, collectionId)).toBe(0);
    await screenshot(page, 'en-personal-data');

    await switchLanguage(page, 'ar');
    expect(await languageOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await review.locator('h2').innerText()).toMatch(ARABIC);
    expect(await rows.first().locator('td').nth(3).innerText()).toBe('عنوان بريد إلكتروني لشخص');
    await screenshot(page, 'ar-personal-data');

    await review.locator('.actions button').first().click();
    const counts = page.locator('section[aria-labelledby=import-result] .result-counts');
    await counts.waitFor({ timeout: 60_000 });
    expect(await counts.locator('.outcome-stored').innerText()).toContain('155');
    expect(await counts.innerText()).toMatch(/\[redacted\]/);
    expect(await page.locator('section.personal-data-review').count()).toBe(0);
    const page1 = await server.platform.objects.getObject(SYSTEM, apiRoot, collectionId, INDICATOR, {});
    const stored = JSON.parse(new TextDecoder().decode(page1.rows[0]!.body)) as { description: string };
    expect(stored.description).toContain('[redacted]');
    expect(stored.description).not.toMatch(/[\w.]+@[\w.]+\.\w+/);
    await context.close();
  });
});
