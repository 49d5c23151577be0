/**
 * Warning lists in the web UI, in a real browser against a real server: with two real MISP lists imported,
 * the collection's table marks the objects whose values are on one, and the object's page names each list in
 * its own direction with the value that is on it — in English and in Arabic (right to left, the sentence
 * translated, the English list name kept in a `dir="auto"` element); an object on no list has neither.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_ROOT } from '../../server/bootstrap.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { computeScoId } from '../../shared/stix/sco-id.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, screenshot, signInAt, switchLanguage } from './browser.ts';

const ARABIC = /[\u0600-\u06FF]/;
const listFile = (folder: string) => ({ file: `${folder}/list.json`, content: fs.readFileSync(path.join(referenceDataDir(), 'misp', 'warninglists', folder, 'list.json')) });

const sco = (type: string, value: string): Record<string, unknown> => {
  const object: Record<string, unknown> = { type, spec_version: '2.1', value };
  object.id = computeScoId(object);
  return object;
};

let server: TestServer;
let browser: Browser;
const privateIp = sco('ipv4-addr', '10.1.2.3');
const publicIp = sco('ipv4-addr', '198.51.100.7');

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await server.platform.warningLists.import(SYSTEM, [listFile('rfc1918'), listFile('url-shortener')]);
  const added = await server.platform.objects.add(SYSTEM, DEFAULT_API_ROOT, server.collectionId, { objects: [privateIp, publicIp, sco('domain-name', 'go.2ly.link')] });
  expect(added.successes).toHaveLength(3);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('warning lists in the web UI', () => {
  it('marks listed objects in the table and names the list on the object’s page, in English and Arabic', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signInAt(page, server.url, 'alice', 'alice-password');
    await openUi(page, server.url, `/collections/${server.collectionId}`);
    const row = (value: string) => page.locator('tbody tr', { hasText: value });
    await row('10.1.2.3').waitFor();
    expect(await row('10.1.2.3').locator('.warning-marker').innerText()).toBe('On a warning list');
    expect(await row('go.2ly.link').locator('.warning-marker').count()).toBe(1);
    expect(await row('198.51.100.7').locator('.warning-marker').count()).toBe(0);

    await openUi(page, server.url, `/collections/${server.collectionId}/objects/${encodeURIComponent(privateIp.id as string)}`);
    const notice = page.locator('aside.warning-lists');
    await notice.waitFor();
    expect(await notice.locator('li').innerText()).toContain('On a warning list: List of RFC 1918 CIDR blocks');
    expect(await notice.locator('li bdi[dir=auto]').innerText()).toBe('List of RFC 1918 CIDR blocks');
    expect(await notice.locator('li code').innerText()).toBe('10.1.2.3');
    await screenshot(page, 'en-warning-list');

    await switchLanguage(page, 'ar');
    expect(await languageOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await notice.locator('h2').innerText()).toMatch(ARABIC);
    expect(await notice.locator('li').innerText()).toMatch(ARABIC);
    expect(await notice.locator('li bdi[dir=auto]').innerText()).toBe('List of RFC 1918 CIDR blocks');
    await screenshot(page, 'ar-warning-list');

    await openUi(page, server.url, `/collections/${server.collectionId}/objects/${encodeURIComponent(publicIp.id as string)}`);
    expect(await page.locator('aside.warning-lists').count()).toBe(0);
    await context.close();
  });
});
