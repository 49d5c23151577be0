/**
 * The web UI end to end, in a real browser (Debian's Chromium, headless) against a real server on 127.0.0.1:
 * sign in, switch to Arabic (right to left, Arabic glyphs drawn, not boxes), import a reference STIX bundle
 * through the page, find an object by free text, open it and see its relationships; a user of another
 * organisation does not see the community's TLP:AMBER objects. The main pages are checked in all six
 * languages, at 360 px too, and screenshots in Arabic and English are written to .tmp/screenshots/.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { fontsOf, languageOf, launchBrowser, newContext, openUi, overflowsSideways, screenshot, signInAt, switchLanguage, waitForLanguage, widerThanWindow } from './browser.ts';

const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const POISON_IVY = path.join(referenceDataDir(), 'stix', 'poisonivy.json');
const ARABIC = /[\u0600-\u06FF]/;
/** A catalog key shown instead of its text: what a missing translation looks like on the page. */
const RAW_KEY = /\b(common|errors|shell|nav|sign_in|dashboard|collections|browse|object|import|admin|tlp|role|principal|organisation_type|organisation_subtype|stix_property|federation)\.[a-z_]{3,}\b/;

let server: TestServer;
let browser: Browser;
let collectionId: string;
let poisonIvyId: string;

const objectPage = () => `/collections/${collectionId}/objects/${encodeURIComponent(poisonIvyId)}`;

const signIn = (page: Page, user: string, password: string) => signInAt(page, server.url, user, password);

const switchTo = switchLanguage;

const open = (page: Page, uiPath: string) => openUi(page, server.url, uiPath);

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const { platform } = server;
  await platform.organisations.add(SYSTEM, { name: 'Tunisia CERT', type: 'member-state', subtype: 'national-cirt', country: 'TN' });
  await platform.organisations.add(SYSTEM, { name: 'Kenya CIRT', type: 'member-state', subtype: 'national-cirt', country: 'KE' });
  await platform.users.addUser({ name: 'amina', password: 'amina-password', organisation: 'Tunisia CERT' });
  await platform.users.addUser({ name: 'otieno', password: 'otieno-password', organisation: 'Kenya CIRT' });
  await platform.users.addUser({ name: 'root', password: 'root-password', roles: ['platform-admin'] });
  await platform.communityApiRoots.add(SYSTEM, { name: 'Arab regional CIRTs', description: 'الفرق العربية للاستجابة للحوادث' });
  await platform.communities.join(SYSTEM, 'Arab regional CIRTs', 'Tunisia CERT');
  const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, 'Arab regional CIRTs', { title: 'Regional threat reports', defaultTlp: 'amber' });
  collectionId = collection.id;
  // Every signed-in user may read the collection, so what keeps Kenya CIRT from its AMBER objects is TLP alone.
  await platform.collections.grant(SYSTEM, collectionId, 'authenticated', { read: true, write: false });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the web UI in a real browser', () => {
  it('takes the browser’s language before sign-in, and signs in', async () => {
    const context = await newContext(browser, 'fr-FR');
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('main h1').waitFor();
    expect(page.url()).toBe(`${server.url}/ui/`);
    expect((await languageOf(page)).lang).toBe('fr');
    await page.locator('input[name=username]').fill('amina');
    await page.locator('input[name=password]').fill('wrong-password');
    await page.locator('form button[type=submit]').click();
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('auth.bad_credentials');
    await context.close();
  });

  it('switches to Arabic: right to left, Arabic text drawn with an Arabic font', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await page.goto(`${server.url}/ui/`);
    await page.locator('main h1').waitFor();
    await screenshot(page, 'en-sign-in');
    await signIn(page, 'amina', 'amina-password');
    await switchTo(page, 'ar');
    expect(await languageOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const heading = await page.locator('main h1').innerText();
    expect(heading).toMatch(ARABIC);
    const fonts = await fontsOf(page, 'main h1');
    expect(fonts.length).toBeGreaterThan(0);
    // Every glyph of the heading came from a font that has Arabic (no last-resort boxes).
    for (const font of fonts) expect(font.familyName, JSON.stringify(fonts)).toMatch(/Arabic|Naskh|Kufi/);
    await context.close();
  });

  it('imports a bundle through the page, with the result of each object (in Arabic, as amina chose)', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page, 'amina', 'amina-password');
    // The language is remembered for the user: a new browser profile opens in Arabic.
    await waitForLanguage(page, 'ar');
    await open(page, `/import?collection=${collectionId}`);
    await page.locator('input[type=file]').setInputFiles(POISON_IVY);
    await page.locator('form.stacked-form button[type=submit]').click();
    // The community reads the collection, and one indicator's description holds an e-mail address: shared as it is.
    const review = page.locator('section.personal-data-review');
    await review.waitFor({ timeout: 60_000 });
    await review.locator('.actions button').nth(1).click();
    const counts = page.locator('section[aria-labelledby=import-result] .result-counts');
    await counts.waitFor({ timeout: 60_000 });
    expect(await counts.innerText()).toMatch(ARABIC);
    expect(await counts.locator('.outcome-stored').innerText()).toContain('155');
    expect(await page.locator('.table-scroll tbody tr').count()).toBeGreaterThan(100);
    await screenshot(page, 'ar-import-result');
    await context.close();
  });

  it('finds an object by free text, opens it and shows its relationships both ways', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page, 'amina', 'amina-password');
    await open(page, `/collections/${collectionId}`);
    await page.locator('form[role=search] input[type=search]').fill('poison ivy');
    await page.locator('form[role=search] button[type=submit]').click();
    await page.waitForURL(/q=poison/);
    const link = page.locator('tbody a', { hasText: /^Poison Ivy$/ });
    await link.waitFor();
    await screenshot(page, 'ar-collection');
    await link.click();
    await page.locator('section[aria-labelledby=relationships] tbody tr').first().waitFor();
    poisonIvyId = decodeURIComponent(page.url().split('/objects/')[1]!);
    expect(poisonIvyId).toMatch(/^malware--/);
    expect(await page.locator('main h1').innerText()).toBe('Poison Ivy');
    expect(await page.locator('main .tlp-amber').first().innerText()).toContain('TLP:AMBER');
    // In the reference bundle, one relationship points to Poison Ivy (an indicator "indicates" it); none starts from it.
    expect(await page.locator('[data-direction=incoming] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-direction=outgoing] tbody tr').count()).toBe(0);
    await screenshot(page, 'ar-object');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'ar-object-360px');
    await context.close();
  });

  it('shows what changed between two versions of an object', async () => {
    // A newer version of Poison Ivy, as another import would bring it: a new description and a label.
    const bundle = JSON.parse(fs.readFileSync(POISON_IVY, 'utf8')) as { objects: Record<string, unknown>[] };
    const original = bundle.objects.find((o) => o.id === poisonIvyId)!;
    const revised = { ...original, modified: '2026-11-30T08:00:00.000Z', description: 'Poison Ivy, revised after the 2026 campaign.', labels: ['rat'] };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-e2e-')), 'poison-ivy-v2.json');
    fs.writeFileSync(file, JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: [revised] }));

    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page, 'amina', 'amina-password');
    await switchTo(page, 'en');
    await open(page, `/import?collection=${collectionId}`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('form.stacked-form button[type=submit]').click();
    await page.locator('.result-counts .outcome-stored').waitFor();
    expect(await page.locator('.result-counts .outcome-stored').innerText()).toBe('1 stored');

    await open(page, objectPage());
    expect(await page.locator('ol.versions li').count()).toBe(2);
    const changes = page.locator('table.diff-table tbody tr');
    await changes.first().waitFor();
    const rows = await changes.evaluateAll((trs) => trs.map((tr) => tr.className));
    expect(rows.sort()).toEqual(['change-added', 'change-changed', 'change-changed']);
    const texts = await changes.allInnerTexts();
    expect(texts.find((text) => text.startsWith('Description'))).toContain('Changed');
    expect(texts.find((text) => text.startsWith('Modified'))).toContain('Changed');
    expect(texts.find((text) => text.startsWith('Labels'))).toContain('Added');
    await screenshot(page, 'en-object-versions');
    await context.close();
  });

  it('exports the collection as a STIX bundle of what the user may see', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page, 'amina', 'amina-password');
    await open(page, `/collections/${collectionId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.toolbar a[download]').click()]);
    const bundle = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { type: string; objects: { id: string }[] };
    expect(bundle.type).toBe('bundle');
    // Every version: the 155 objects of the reference bundle and the second version of Poison Ivy.
    expect(bundle.objects.length).toBe(156);
    expect(bundle.objects.filter((o) => o.id === poisonIvyId).length).toBe(2);
    await context.close();
  });

  it('lets an administrator add an organisation, its country chosen from names in the page’s language', async () => {
    const context = await newContext(browser, 'es-ES');
    const page = await context.newPage();
    await signIn(page, 'root', 'root-password');
    await waitForLanguage(page, 'es');
    await open(page, '/admin/organisations');
    const form = page.locator('form.stacked-form');
    await form.locator('input').first().fill('CERT.br');
    await form.locator('select').first().selectOption('member-state');
    const country = form.locator('select').nth(2);
    await country.locator('option[value=BR]').waitFor({ state: 'attached' });
    expect(await country.locator('option[value=BR]').innerText()).toBe('Brasil');
    await country.selectOption('BR');
    await form.locator('button[type=submit]').click();
    const row = page.locator('tbody tr', { hasText: 'CERT.br' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Brasil');
    expect(await row.innerText()).toContain('Estado Miembro');
    await context.close();
  });

  it('can be used from the keyboard: a skip link first, every control labelled, focus visible', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page, 'root', 'root-password');
    for (const uiPath of ['/', `/collections/${collectionId}`, objectPage(), '/import', '/admin/users', '/admin/collections']) {
      await open(page, uiPath);
      const unlabelled = await page.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
        .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
        .map((e) => e.outerHTML.slice(0, 80))`);
      expect(unlabelled, uiPath).toEqual([]);
    }
    await open(page, '/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('skip-link');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main');
    await context.close();
  });

  it('keeps the community’s TLP:AMBER objects from a user of another organisation', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page, 'otieno', 'otieno-password');
    await open(page, `/collections/${collectionId}?q=poison%20ivy`);
    await page.locator('p.summary-line').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(0);
    await open(page, `/collections/${collectionId}/objects/${encodeURIComponent(poisonIvyId)}`);
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('object.not_found');
    await open(page, '/');
    await page.locator('p.summary-line').waitFor();
    expect(await page.locator('main .tlp-amber').count()).toBe(0);
    await context.close();
  });

  it('shows the main pages in all six languages, with no key left untranslated and nothing wider than 360 px', async () => {
    // amina sees the community's AMBER objects; only an administrator sees the administration pages.
    const visits: [string, string, string[]][] = [
      ['amina', 'amina-password', ['/', '/collections', `/collections/${collectionId}`, objectPage(), '/import', '/lookup', '/incidents']],
      ['root', 'root-password', ['/admin/organisations', '/admin/users', '/admin/communities', '/admin/collections', '/admin/federation', '/admin/dead-letters']],
    ];
    for (const [user, password, paths] of visits) {
      const context = await newContext(browser, 'en-GB', 360);
      const page = await context.newPage();
      await signIn(page, user, password);
      for (const language of LANGUAGES) {
        await switchTo(page, language);
        for (const uiPath of paths) {
          await open(page, uiPath);
          const text = await page.locator('body').innerText();
          expect(RAW_KEY.exec(text)?.[0], `${language} ${uiPath}`).toBeUndefined();
          expect(await page.locator('[role=alert]').count(), `${language} ${uiPath}: ${text.slice(0, 200)}`).toBe(0);
          expect((await languageOf(page)).dir, `${language} ${uiPath}`).toBe(language === 'ar' ? 'rtl' : 'ltr');
          expect(await overflowsSideways(page), `${language} ${uiPath} at 360 px: ${(await widerThanWindow(page)).join(' | ')}`).toBe(false);
        }
      }
      await context.close();
    }
    // Seventy-two pages, each waited for: more than the default allows on a busy machine.
  }, 120_000);

  it('writes screenshots of the main pages in Arabic and in English', async () => {
    const shots: [string, string, [string, string][]][] = [
      ['amina', 'amina-password', [['dashboard', '/'], ['collections', '/collections'], ['collection', `/collections/${collectionId}?q=poison`], ['object', objectPage()], ['import', `/import?collection=${collectionId}`]]],
      ['root', 'root-password', [['admin-organisations', '/admin/organisations'], ['admin-users', '/admin/users'], ['admin-communities', '/admin/communities'], ['admin-collections', '/admin/collections'], ['admin-federation', '/admin/federation']]],
    ];
    for (const [user, password, pages] of shots) {
      const context = await newContext(browser, 'en-GB');
      const page = await context.newPage();
      await signIn(page, user, password);
      for (const language of ['en', 'ar']) {
        await switchTo(page, language);
        for (const [name, uiPath] of pages) {
          await open(page, uiPath);
          if (name === 'collection') await page.locator('tbody tr').first().waitFor();
          if (name === 'object') await page.locator('[data-direction=incoming] tbody tr').first().waitFor();
          await screenshot(page, `${language}-${name}`);
        }
      }
      await context.close();
    }
  });
});
