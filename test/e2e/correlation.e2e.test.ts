/**
 * Correlation, lookup and sightings in the web UI, in a real browser against a real server. Three
 * organisations report the same domain: Carol's indicator's page shows "also reported by 1 organisation" and
 * lists Dave's object with the shared value, never Erin's RED and AMBER+STRICT reports; Carol reports a
 * sighting (then an anonymous one) and the aggregate shows them; the Lookup page answers pasted values with
 * their detected type, matches (links), organisations, warning lists and the indicator's sightings. In
 * English, then in Arabic (right to left).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_ROOT } from '../../server/bootstrap.ts';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import { computeScoId } from '../../shared/stix/sco-id.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, screenshot, signInAt, switchLanguage } from './browser.ts';

const ARABIC = /[\u0600-\u06FF]/;
const id = (n: number) => `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const indicator = (n: number, name: string, pattern: string, more: Record<string, unknown> = {}) => ({
  type: 'indicator', spec_version: '2.1', id: id(n), name, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', ...more,
});
const domain = (() => {
  const object: Record<string, unknown> = { type: 'domain-name', spec_version: '2.1', value: 'evil.example' };
  return { ...object, id: computeScoId(object)! };
})();

let server: TestServer;
let browser: Browser;
const objectPage = (n: number) => `/collections/${server.collectionId}/objects/${encodeURIComponent(id(n))}`;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const rfc1918 = fs.readFileSync(path.join(referenceDataDir(), 'misp', 'warninglists', 'rfc1918', 'list.json'));
  await server.platform.warningLists.import(SYSTEM, [{ file: 'rfc1918/list.json', content: rfc1918 }]);
  const actors: Record<string, Actor> = {};
  for (const [name, org] of [['carol', 'CERT Alpha'], ['dave', 'CERT Beta'], ['erin', 'CERT Gamma']] as const) {
    const organisation = await server.platform.organisations.add(SYSTEM, { name: org, type: 'regional-international' });
    const user = await server.platform.users.addUser({ name, password: `${name}-password`, organisation: organisation.id });
    await server.platform.collections.grant(SYSTEM, server.collectionId, `user:${user.id}`, { read: true, write: true });
    actors[name] = { kind: 'user', userId: user.id, name, roles: user.roles, organisationId: user.organisationId };
  }
  const stored = [
    await server.platform.objects.ingest(actors.carol!, DEFAULT_API_ROOT, server.collectionId, [indicator(1, 'Phishing domain', "[domain-name:value = 'evil.example'] OR [ipv4-addr:value = '203.0.113.9']")]),
    await server.platform.objects.ingest(actors.dave!, DEFAULT_API_ROOT, server.collectionId, [domain]),
    await server.platform.objects.ingest(actors.erin!, DEFAULT_API_ROOT, server.collectionId, [
      indicator(2, 'Erin only', "[domain-name:value = 'evil.example']", { object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['erin'] }),
      indicator(3, 'Gamma only', "[domain-name:value = 'evil.example']", { object_marking_refs: [TLP2_MARKINGS['amber+strict']] }),
    ]),
  ];
  expect(stored.flatMap((s) => s.rejected)).toEqual([]);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function postSighting(page: Page, count: string, anonymous: boolean): Promise<void> {
  const form = page.locator('section.sightings form');
  await form.getByLabel(/Times seen|عدد مرات الرصد/).fill(count);
  await form.getByLabel(/First seen|أول رصد/).fill('2026-03-01T08:30');
  await form.getByLabel(/Last seen|آخر رصد/).fill('2026-03-02T17:45');
  if (anonymous) await form.locator('input[type=checkbox]').check();
  await form.locator('button[type=submit]').click();
  await form.locator('[role=status]').waitFor();
}

describe('correlation, lookup and sightings in the web UI', () => {
  it('shows an object’s correlations, reports sightings and looks values up, in English and Arabic', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signInAt(page, server.url, 'carol', 'carol-password');
    await openUi(page, server.url, objectPage(1));

    const correlations = page.locator('section.correlations');
    await correlations.locator('.summary-line').waitFor();
    expect(await correlations.locator('.summary-line').innerText()).toBe('Also reported by 1 organisation');
    const rows = correlations.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').first().innerText()).toBe('evil.example');
    expect(await rows.first().locator('.value-list li').innerText()).toContain('evil.example');
    expect(await correlations.innerText()).not.toMatch(/Erin only|Gamma only/);

    const sightings = page.locator('section.sightings');
    await sightings.locator('dl[data-sightings="0"]').waitFor();
    await postSighting(page, '5', false);
    await sightings.locator('dl[data-sightings="1"]').waitFor();
    // The page's relationships list the sighting just reported.
    await page.locator('[data-direction=incoming] tbody tr').first().waitFor();
    await postSighting(page, '2', true);
    const aggregate = sightings.locator('dl[data-sightings="2"]');
    await aggregate.waitFor();
    expect(await aggregate.innerText()).toMatch(/2 sightings[\s\S]*7[\s\S]*1 organisation[\s\S]*Reported anonymously\s*1/);
    await screenshot(page, 'en-correlations-sightings');

    // The linked object's page links back.
    await rows.first().locator('a').click();
    await page.locator('section.correlations tbody tr').first().waitFor();
    expect(await page.locator('section.correlations tbody tr').first().innerText()).toContain('Phishing domain');

    await page.locator('nav a[href$="/lookup"]').click();
    await page.locator('main h1', { hasText: 'Look up values' }).waitFor();
    await page.locator('main textarea').fill('Evil.Example.\n203.0.113.9\n10.1.2.3\nnot a value\n');
    expect(await page.locator('main [aria-live=polite]').innerText()).toBe('4 values');
    await page.locator('main form button[type=submit]').click();
    const result = (value: string) => page.locator(`tbody tr[data-value="${value}"]`);
    await result('Evil.Example.').waitFor();
    expect(await result('Evil.Example.').locator('td').nth(1).innerText()).toBe('domain-name');
    // Each match is linked by its name (an SCO's is its value), never by a version the reader may not see.
    expect(await result('Evil.Example.').locator('td').nth(2).locator('a').allInnerTexts()).toEqual(['evil.example', 'Phishing domain']);
    expect(await result('Evil.Example.').locator('td').nth(3).innerText()).toBe('reported by 2 organisations');
    expect(await result('203.0.113.9').locator('.match-sightings').innerText()).toContain('2 sightings, 7 times seen in all');
    expect(await result('10.1.2.3').locator('td').nth(4).innerText()).toContain('RFC 1918');
    expect(await result('not a value').locator('td').nth(1).innerText()).toBe('not an observable value');
    await screenshot(page, 'en-lookup');
    await result('203.0.113.9').locator('td').nth(2).locator('a').click();
    await page.locator('main h1', { hasText: 'Phishing domain' }).waitFor();
    // An anonymous sighting names no one where it was seen: its row among the relationships says so.
    await page.locator('section[aria-labelledby=relationships] [data-direction=incoming] tbody tr').nth(1).waitFor();

    await switchLanguage(page, 'ar');
    expect(await languageOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const summary = page.locator('section.correlations .summary-line');
    expect(await summary.innerText()).toMatch(ARABIC);
    expect(await summary.getAttribute('data-organisations')).toBe('1');
    expect(await page.locator('#correlations').innerText()).toBe('الارتباطات');
    expect(await page.locator('#sightings').innerText()).toBe('المشاهدات');
    await postSighting(page, '1', false);
    await page.locator('section.sightings dl[data-sightings="3"]').waitFor();
    expect(await page.locator('section.sightings dl').innerText()).toMatch(ARABIC);
    await screenshot(page, 'ar-correlations-sightings');

    await page.locator('nav a[href$="/lookup"]').click();
    await page.locator('main textarea').fill('evil.example');
    await page.locator('main form button[type=submit]').click();
    await result('evil.example').waitFor();
    expect(await page.locator('#lookup-results').innerText()).toBe('النتائج');
    expect(await result('evil.example').locator('td').nth(3).innerText()).toMatch(ARABIC);
    await screenshot(page, 'ar-lookup');
    await context.close();
  }, 180_000);
});
