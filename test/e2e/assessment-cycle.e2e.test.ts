/**
 * An assessment edition run as a cycle, end to end in a real browser against a real server: the assessment
 * team opens an edition of the shipped GCA framework and invites Tunisia's focal point; the focal point, in
 * Arabic, answers (a gated child appearing only once its parent opens it), attaches a public link and a
 * restricted file, saves, meets a conflicting save without losing its choice, and submits; a reviewer asks
 * for clarification on one answer, the focal point sees the request, changes the answer and submits again;
 * the reviewer accepts everything; the team finalises and publishes, and the published results and Tunisia's profile give its
 * score, with the public evidence only. The pages are checked in the six languages at 360 px; screenshots in
 * Arabic go to .tmp/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, overflowsSideways, screenshot, waitForLanguage, widerThanWindow } from './browser.ts';

const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const EDITION = 'GCA 2027';
const ARABIC = /[\u0600-\u06FF]/;
/** A catalog key shown instead of its text: what a missing translation looks like on the page. */
const RAW_KEY = /\bcycle\.[a-z_]{3,}\b/;
const SUBSTANTIVE = 'legal-cybercrime-substantive'; // 1.1.1
const FRAUD = 'legal-cybercrime-fraud-forgery'; // 1.1.2
const PROCEDURAL = 'legal-cybercrime-procedural'; // 1.1.3, opens 1.1.4
const SAFEGUARDS = 'legal-cybercrime-safeguards'; // 1.1.4, asked when 1.1.3 is in place or partial
const EVIDENCE_URL = 'https://legislation.example.tn/loi-2023-cybercriminalite';

let server: TestServer;
let browser: Browser;
let focalId: string;

const editionPath = `/cycle/editions/${encodeURIComponent(EDITION)}`;
const questionnairePath = `${editionPath}/countries/TN`;
const question = (page: Page, id: string) => page.locator(`article[data-question="${id}"]`);

async function signIn(page: Page, user: string): Promise<void> {
  await page.goto(`${server.url}/ui/`);
  await page.locator('input[name=username]').fill(user);
  await page.locator('input[name=password]').fill(`${user}-password`);
  await page.locator('form button[type=submit]').click();
  await page.locator('header.app-header').waitFor();
}

/** Goes to a UI path and waits until the page's main heading is there and nothing is loading. */
async function open(page: Page, uiPath: string): Promise<void> {
  await page.goto(`${server.url}/ui${uiPath}`);
  await page.locator('main h1').waitFor();
  await expect.poll(() => page.locator('main [role=status].muted').count()).toBe(0);
}

/** A page of a fresh browser profile, signed in as `user` (in `language`, remembered for the user). */
async function signedIn(user: string, language = 'en', width = 1280): Promise<Page> {
  const context = await newContext(browser, 'en-GB', width);
  const page = await context.newPage();
  await signIn(page, user);
  // The language a user chose before is taken on sign-in; switch only when it is another.
  if ((await languageOf(page)).lang !== language) {
    await page.locator('.language-switcher select').selectOption(language);
    await waitForLanguage(page, language);
  }
  return page;
}

async function choose(page: Page, id: string, level: string): Promise<void> {
  await question(page, id).locator(`input[type=radio][value="${level}"]`).check();
}

async function save(page: Page, id: string): Promise<void> {
  const card = question(page, id);
  await card.locator('.toolbar button').first().click();
  await card.locator('.saved[role=status]').waitFor();
}

/** Confirms the step of a ConfirmButton: the first press asks, the second acts. */
async function confirmStep(page: Page, scope: string): Promise<void> {
  await page.locator(`${scope} > button, ${scope} .toolbar > button`).first().click();
  await page.locator(`${scope} .confirm button`).first().click();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
async function answerRest(method: string, path: string, user: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${user}:${user}-password`).toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  server = await startTestServer('sqlite');
  const { users, organisations } = server.platform;
  await organisations.add(SYSTEM, { name: 'Ministère des Technologies de la communication', type: 'member-state', subtype: 'ministry', country: 'TN' });
  await users.addUser({ name: 'team', password: 'team-password', roles: ['assessment-team'] });
  await users.addUser({ name: 'reviewer', password: 'reviewer-password', roles: ['assessment-reviewer'] });
  focalId = (await users.addUser({ name: 'focal', password: 'focal-password', roles: ['focal-point'], organisation: 'Ministère des Technologies de la communication' })).id;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an assessment cycle in a real browser', () => {
  it('has the team open an edition of the shipped GCA framework and invite Tunisia’s focal point', async () => {
    const page = await signedIn('team');
    await open(page, '/cycle/editions');
    const form = page.locator('form.card');
    await form.locator('input').first().fill(EDITION);
    await expect.poll(() => form.locator('select option').count()).toBeGreaterThan(0);
    await form.locator('select').selectOption({ value: 'gca-commitment@1' });
    await form.locator('input[type=date]').first().fill('2099-03-31');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(`**/ui${editionPath}`);
    await page.locator('main h1', { hasText: EDITION }).waitFor();

    const invite = page.locator('form[aria-labelledby=invite-heading]');
    await invite.locator('select').first().selectOption('TN');
    const user = invite.locator('select').nth(1);
    if (await user.count()) await user.selectOption(focalId);
    else await invite.locator('input').fill(focalId);
    await invite.locator('button[type=submit]').click();
    const row = page.locator('table tr', { hasText: 'Tunisia' });
    await row.waitFor();
    expect(await row.innerText()).toContain('focal');
    await page.context().close();
  });

  it('shows the cycle’s pages in the six languages, at 360 px, with no text missing and nothing wider than the screen', async () => {
    const page = await signedIn('team', 'en', 360);
    for (const language of LANGUAGES) {
      await page.locator('.language-switcher select').selectOption(language);
      await waitForLanguage(page, language);
      for (const path of ['/cycle/editions', editionPath, questionnairePath, '/cycle/questionnaires', '/cycle/review']) {
        await open(page, path);
        const text = await page.locator('body').innerText();
        expect(text, `${language} ${path}`).not.toMatch(RAW_KEY);
        if (language === 'ar') expect(text, path).toMatch(ARABIC);
        expect(await overflowsSideways(page), `${language} ${path}: ${(await widerThanWindow(page)).join(' | ')}`).toBe(false);
      }
    }
    await page.context().close();
  });

  it('has the focal point answer in Arabic: a gated child appears only once its parent opens it', async () => {
    const page = await signedIn('focal', 'ar');
    expect(await languageOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await open(page, '/cycle/questionnaires');
    await page.locator('main table a').first().click();
    await question(page, SUBSTANTIVE).waitFor();
    expect(await page.locator('main h1').innerText()).toMatch(ARABIC);
    // The number stays 1.1.1, left to right, inside the Arabic line.
    expect(await question(page, SUBSTANTIVE).locator('.question-number').innerText()).toBe('1.1.1');
    expect(await question(page, SUBSTANTIVE).locator('.question-number').getAttribute('dir')).toBe('ltr');

    await choose(page, SUBSTANTIVE, 'in-place');
    await question(page, SUBSTANTIVE).locator('textarea').first().fill('القانون الأساسي عدد 54 لسنة 2022');
    await save(page, SUBSTANTIVE);
    await choose(page, FRAUD, 'nonexistent');
    await save(page, FRAUD);

    expect(await question(page, SAFEGUARDS).count()).toBe(0);
    await choose(page, PROCEDURAL, 'partial');
    await question(page, SAFEGUARDS).waitFor();
    await choose(page, PROCEDURAL, 'nonexistent');
    await expect.poll(() => question(page, SAFEGUARDS).count()).toBe(0);
    await choose(page, PROCEDURAL, 'partial');
    await save(page, PROCEDURAL);
    await choose(page, SAFEGUARDS, 'in-place');
    await save(page, SAFEGUARDS);

    // The legal pillar's progress counts the child now that it applies.
    const legalTab = page.locator('.pillar-tabs a[aria-current=page] [role=progressbar]');
    expect(await legalTab.getAttribute('aria-valuenow')).toBe('4');

    // Evidence: a public link on 1.1.1.
    const card = question(page, SUBSTANTIVE);
    await card.locator('details.add-evidence summary').click();
    await card.locator('input[type=radio][value=public]').check();
    await card.locator('input[type=url]').fill(EVIDENCE_URL);
    await card.locator('.evidence-form').nth(1).locator('button[type=submit]').click();
    await card.locator('.evidence-list a', { hasText: 'legislation' }).waitFor();
    expect(await card.locator('.visibility-badge.visibility-public').count()).toBe(1);

    // And a restricted file on 1.1.3, uploaded with its progress.
    const procedural = question(page, PROCEDURAL);
    await procedural.locator('details.add-evidence summary').click();
    await procedural.locator('input[type=file]').setInputFiles({ name: 'code-procedure-penale.txt', mimeType: 'text/plain', buffer: Buffer.from('Code de procédure pénale, articles 5 à 9\n') });
    await procedural.locator('.evidence-form').first().locator('button[type=submit]').click();
    await procedural.locator('.evidence-list a', { hasText: 'code-procedure-penale.txt' }).waitFor();
    expect(await procedural.locator('.visibility-badge.visibility-restricted').count()).toBe(1);

    // Someone else saves 1.1.2 meanwhile: the page's save is refused, theirs shown, ours kept aside.
    const current = await answerRest('GET', `/assessment/editions/${encodeURIComponent(EDITION)}/countries/TN/answers`, 'focal');
    const fraud = current.body.answers.find((a: { question: string }) => a.question === FRAUD);
    const elsewhere = await answerRest('PUT', `/assessment/editions/${encodeURIComponent(EDITION)}/countries/TN/answers/${FRAUD}`, 'focal', { level: 'in-place', revision: fraud.revision });
    expect(elsewhere.status).toBe(200);
    await choose(page, FRAUD, 'partial');
    await question(page, FRAUD).locator('.toolbar button').first().click();
    await question(page, FRAUD).locator('.notice-warning[role=alert]').waitFor();
    await expect.poll(() => question(page, FRAUD).locator('input[value=in-place]').isChecked()).toBe(true);
    await question(page, FRAUD).locator('.notice-warning button').click();
    expect(await question(page, FRAUD).locator('input[value=partial]').isChecked()).toBe(true);
    await save(page, FRAUD);

    await screenshot(page, 'ar-questionnaire');
    expect(await page.locator('main').innerText()).not.toMatch(RAW_KEY);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflowsSideways(page), (await widerThanWindow(page)).join(' | ')).toBe(false);
    await screenshot(page, 'ar-questionnaire-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Submit: the button counts the four drafts.
    const submit = page.locator('.submit-bar .toolbar > button');
    expect(await submit.innerText()).toContain('4');
    await submit.click();
    await page.locator('.submit-bar .confirm button').first().click();
    await expect.poll(() => question(page, SUBSTANTIVE).locator('input[type=radio]').count()).toBe(0);
    await page.context().close();
  });

  it('has the reviewer ask for clarification on one answer and accept the others (in Arabic)', async () => {
    const page = await signedIn('reviewer', 'ar');
    await open(page, '/cycle/review');
    await page.locator('main table a').first().click();
    await question(page, SUBSTANTIVE).waitFor();
    const card = question(page, SUBSTANTIVE);
    expect(await card.locator('.evidence-list a').getAttribute('href')).toBe(EVIDENCE_URL);
    // The reviewer sees the restricted file too.
    await question(page, PROCEDURAL).locator('.evidence-list a', { hasText: 'code-procedure-penale.txt' }).waitFor();
    await card.locator('input[type=radio][value=clarify]').check();
    // A request for clarification needs its comment.
    expect(await card.locator('.review-decision button[type=submit]').isDisabled()).toBe(true);
    await card.locator('.review-decision textarea').fill('Please give the article numbers of the law.');
    await screenshot(page, 'ar-review');
    await card.locator('.review-decision button[type=submit]').click();
    await card.locator('.status-clarification').waitFor();
    for (const id of [FRAUD, PROCEDURAL, SAFEGUARDS]) {
      await question(page, id).locator('.review-decision button[type=submit]').click();
      await question(page, id).locator('.status-accepted').waitFor();
    }
    await page.context().close();
  });

  it('has the focal point see the reviewer’s request, change the answer and submit it again', async () => {
    const page = await signedIn('focal', 'ar');
    await open(page, questionnairePath);
    const card = question(page, SUBSTANTIVE);
    const request = card.locator('.reviewer-clarify');
    await request.waitFor();
    expect(await request.innerText()).toContain('Please give the article numbers of the law.');
    await screenshot(page, 'ar-clarification');
    await choose(page, SUBSTANTIVE, 'partial');
    await card.locator('textarea').first().fill('الفصول 5 إلى 9 من القانون');
    await save(page, SUBSTANTIVE);
    await page.locator('.submit-bar .toolbar > button').click();
    await page.locator('.submit-bar .confirm button').first().click();
    await expect.poll(() => card.locator('input[type=radio]').count()).toBe(0);
    await page.context().close();
  });

  it('has the reviewer accept the answer given again, with its history', async () => {
    const page = await signedIn('reviewer', 'en');
    await open(page, `${questionnairePath}/review`);
    const card = question(page, SUBSTANTIVE);
    await card.locator('summary', { hasText: 'History' }).click();
    await expect.poll(() => card.locator('.history-list li').count()).toBeGreaterThanOrEqual(4);
    await card.locator('.review-decision button[type=submit]').click();
    await card.locator('.status-accepted').waitFor();
    await page.context().close();
  });

  it('has the team finalise and publish, and the published results give Tunisia its score', async () => {
    const page = await signedIn('team', 'ar');
    await open(page, editionPath);
    await screenshot(page, 'ar-edition');
    await confirmStep(page, 'section[aria-labelledby=close-edition]');
    await page.locator('.status-finalised').waitFor();
    await confirmStep(page, 'section[aria-labelledby=close-edition]');
    await page.locator('.status-published').waitFor();
    expect(await overflowsSideways(page)).toBe(false);

    const results = await fetch(`${server.url}/api/v1/assessment/editions/${encodeURIComponent(EDITION)}/results`);
    expect(results.status).toBe(200);
    const published = (await results.json()) as { results: { country: string; overall: number; pillars: Record<string, number> }[] };
    const tunisia = published.results.find((r) => r.country === 'TN')!;
    // 1.1.1 partial, 1.1.2 partial, 1.1.3 partial, 1.1.4 in place: the legal pillar earns a share of its 20.
    expect(tunisia.overall).toBeGreaterThan(0);
    expect(tunisia.pillars.legal).toBeGreaterThan(0);
    // The country's profile gives the same score, and to anyone only the evidence marked public.
    const profile = await fetch(`${server.url}/api/v1/assessment/countries/TN/profile?edition=${encodeURIComponent(EDITION)}`);
    const { result, evidence } = (await profile.json()) as { result: { overall: number; basis: string }; evidence: { name: string; visibility: string }[] };
    expect(result).toMatchObject({ overall: tunisia.overall, basis: 'self-assessment' });
    expect(evidence.map((e) => e.visibility)).toEqual(['public']);
    await page.context().close();
  });
});
