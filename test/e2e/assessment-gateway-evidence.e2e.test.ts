/**
 * The Gateway's records as an assessment's evidence, in a real browser: Tunisia's focal point, in Arabic,
 * finds under a question of the national CIRT indicator the Gateway's published record of Tunisia's CIRT (and
 * under another question of the technical pillar, the same record as one of its pillar), cites it in one click,
 * and the answer's evidence then holds a public link to the record's Gateway page, which the REST API confirms;
 * a record of another country is never offered.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { launchBrowser, openUi, screenshot } from './browser.ts';
import { question, restAs, signedInPage } from './cycle-steps.ts';

const EDITION = 'GCA 2028';
const CIRT_QUESTION = 'technical-cirt-exists'; // indicator technical-national-cirt
const SECTOR_QUESTION = 'technical-sectoral-cirt-exists'; // indicator technical-sectoral-cirts, same pillar
const TUNISIA = 'tunCERT — Agence nationale de la cybersécurité';

let server: TestServer;
let browser: Browser;
let recordId: string;

const cirt = (title: string, country: string, source: string) => ({
  title: { fr: title },
  source_url: source,
  pillars: ['technical'],
  indicators: ['technical-national-cirt'],
  country,
  kind: 'national',
});

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const { users, organisations, cycles, gatewayImport, gatewayFacts } = server.platform;
  await organisations.add(SYSTEM, { name: 'Ministère des Technologies de la communication', type: 'member-state', subtype: 'ministry', country: 'TN' });
  const focal = await users.addUser({ name: 'focal', password: 'focal-password', roles: ['focal-point'], organisation: 'Ministère des Technologies de la communication' });
  await cycles.open(SYSTEM, { name: EDITION, framework: 'gca-commitment' });
  await cycles.invite(SYSTEM, EDITION, { country: 'TN', user: focal.id });
  const file = { records: [cirt(TUNISIA, 'TN', 'https://www.ancs.tn/'), cirt('CERT of Kenya', 'KE', 'https://ke-cirt.go.ke/')] };
  const report = await gatewayImport.import(SYSTEM, { type: 'cirt', content: JSON.stringify(file), source: 'cirts.json' });
  expect(report.imported).toBe(2);
  recordId = (await gatewayFacts.factsOf('TN')).published[0]!.id;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const openEvidence = async (page: Page, id: string) => {
  const card = question(page, id);
  await card.locator('details.add-evidence summary').click();
  return card.locator('.gateway-evidence');
};

describe('Gateway records cited as an assessment’s evidence', () => {
  it('offers the country’s record under its indicator’s question, cites it as a public link to its page, and offers nothing of another country', async () => {
    const page = await signedInPage(browser, server.url, 'focal', 'ar');
    await openUi(page, server.url, `/cycle/editions/${encodeURIComponent(EDITION)}/countries/TN?pillar=technical`);
    const offered = await openEvidence(page, CIRT_QUESTION);
    const item = offered.locator('li', { hasText: 'tunCERT' });
    await item.waitFor();
    expect(await offered.locator('li').count()).toBe(1);
    expect(await offered.innerText()).not.toContain('Kenya');
    expect(await item.locator('a').getAttribute('href')).toBe(`/ui/gateway/records/${recordId}`);
    // The French title keeps its own direction on the Arabic page.
    expect(await item.locator('bdi[lang=fr]').getAttribute('dir')).toBe('ltr');
    await item.locator('button').click();
    await item.locator('button').waitFor({ state: 'detached' });
    await screenshot(page, 'ar-questionnaire-gateway-evidence');

    const answers = await restAs(server.url, 'GET', `/assessment/editions/${encodeURIComponent(EDITION)}/countries/TN/answers`, 'focal');
    expect(answers.status).toBe(200);
    const cited = answers.body.evidence.filter((e: { question: string }) => e.question === CIRT_QUESTION);
    expect(cited).toEqual([expect.objectContaining({ kind: 'link', visibility: 'public', url: `${server.url}/ui/gateway/records/${recordId}`, name: TUNISIA })]);
    // The answer's evidence list shows it; the record is no longer offered to cite again.
    await question(page, CIRT_QUESTION).locator('.evidence-list a', { hasText: 'tunCERT' }).waitFor();

    // Another question of the technical pillar offers the same record, marked as of the pillar only.
    const sector = await openEvidence(page, SECTOR_QUESTION);
    const other = sector.locator('li', { hasText: 'tunCERT' });
    await other.waitFor();
    expect(await other.locator('button').count()).toBe(1);
    expect((await other.innerText()).length).toBeGreaterThan(TUNISIA.length);
    await page.context().close();
  });
});
