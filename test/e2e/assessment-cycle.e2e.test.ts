/**
 * An assessment edition run as a cycle, end to end in a real browser against a real server: the assessment
 * team opens an edition of the shipped GCA framework, picks Tunisia's focal point from the users who may be
 * one (Kenya has none: the form says so, and the team assesses Kenya from public evidence); the focal point, in
 * Arabic, answers (a gated child appearing only once its parent opens it), attaches a public link and a
 * restricted file, saves, meets a conflicting save without losing its choice, and submits; a reviewer asks
 * for clarification on one answer, the focal point sees the request, changes the answer and submits again;
 * the reviewer accepts everything; the team finalises and publishes. The published results page draws Tunisia
 * on the map in its tier's colour with the API's score in the table; Tunisia's profile in Arabic gives the
 * API's overall score, its needs with Arabic question texts, and the public link but not the restricted file to
 * a user of another organisation, while the focal point sees both; Kenya's profile is marked as assessed from
 * public evidence. The pages are checked in the six languages at 360 px; screenshots in Arabic go to
 * .tmp/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bandsOf, colourOf, NO_RESULT } from '../../web/src/pages/assessment/colour-scale.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, openUi, overflowsSideways, screenshot, SCREENSHOTS, switchLanguage, widerThanWindow } from './browser.ts';
import { fillsByCountryName } from './map-probe.ts';
import { addCycleUsers, choose, confirmStep, question, restAs, save, signedInPage } from './cycle-steps.ts';
import { ARABIC, EDITION, editionPath, EVIDENCE_URL, FILE_NAME, FRAUD, LANGUAGES, PROCEDURAL, profilePath, questionnairePath, RAW_KEY, SAFEGUARDS, SUBSTANTIVE } from './cycle-steps.ts';


let server: TestServer;
let browser: Browser;
let focalId: string;
/** Tunisia's overall score in the published results, as the API gives it. */
let tunisiaOverall: number;

const open = (page: Page, uiPath: string) => openUi(page, server.url, uiPath);
const signedIn = (user: string, language = 'en', width = 1280) => signedInPage(browser, server.url, user, language, width);
const answerRest = (method: string, path: string, user: string, body?: unknown) => restAs(server.url, method, path, user, body);

beforeAll(async () => {
  server = await startTestServer('sqlite');
  focalId = await addCycleUsers(server);
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
    const picker = invite.locator('select.focal-point-select');
    // No user of Kenya's administration holds the focal-point role: the form says who could be one.
    await invite.locator('select').first().selectOption('KE');
    await invite.locator('.no-focal-point').waitFor();
    expect(await invite.locator('.no-focal-point').innerText()).toContain('Kenya');
    expect(await picker.isDisabled()).toBe(true);
    await screenshot(page, 'en-invite-no-focal-point');
    // Tunisia's focal point is offered by name; nothing asks for a user id.
    await invite.locator('select').first().selectOption('TN');
    await expect.poll(() => picker.locator('option').allInnerTexts()).toEqual([expect.any(String), 'focal']);
    expect(await invite.locator('.no-focal-point').count()).toBe(0);
    expect(await invite.locator('input').count()).toBe(0);
    await picker.selectOption({ label: 'focal' });
    expect(await picker.inputValue()).toBe(focalId);
    await invite.locator('button[type=submit]').click();
    const row = page.locator('table tr', { hasText: 'Tunisia' });
    await row.waitFor();
    expect(await row.innerText()).toContain('focal');

    // Kenya is assessed by the team from public evidence.
    const evidence = page.locator('form[aria-labelledby=evidence-heading]');
    await evidence.locator('select').selectOption('KE');
    await evidence.locator('button[type=submit]').click();
    await page.locator('table tr', { hasText: 'Kenya' }).waitFor();
    await page.context().close();
  });

  it('shows the cycle’s pages in the six languages, at 360 px, with no text missing and nothing wider than the screen', async () => {
    const page = await signedIn('team', 'en', 360);
    for (const language of LANGUAGES) {
      await switchLanguage(page, language);
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
    await procedural.locator('input[type=file]').setInputFiles({ name: FILE_NAME, mimeType: 'text/plain', buffer: Buffer.from('Code de procédure pénale, articles 5 à 9\n') });
    await procedural.locator('.evidence-form').first().locator('button[type=submit]').click();
    await procedural.locator('.evidence-list a', { hasText: FILE_NAME }).waitFor();
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
    await question(page, PROCEDURAL).locator('.evidence-list a', { hasText: FILE_NAME }).waitFor();
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
    // Kenya, assessed from public evidence: the team answers two questions for it, a reviewer accepts them.
    const kenya = `/assessment/editions/${encodeURIComponent(EDITION)}/countries/KE`;
    for (const [id, level] of [
      [SUBSTANTIVE, 'in-place'],
      [FRAUD, 'partial'],
    ] as const) {
      expect((await answerRest('PUT', `${kenya}/answers/${id}`, 'team', { level, comment: 'Computer Misuse and Cybercrimes Act, 2018', revision: 0 })).status).toBe(200);
    }
    expect((await answerRest('POST', `${kenya}/submit`, 'team')).status).toBe(200);
    for (const answer of (await answerRest('GET', `${kenya}/answers`, 'reviewer')).body.answers as { question: string; revision: number }[]) {
      expect((await answerRest('POST', `${kenya}/answers/${answer.question}/review`, 'reviewer', { action: 'accept', revision: answer.revision })).status).toBe(200);
    }

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
    tunisiaOverall = tunisia.overall;
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
  it('shows the published edition’s results in the UI: Tunisia on the map in its tier’s colour, its score in the table', async () => {
    const page = await signedIn('team', 'en');
    await open(page, editionPath);
    await page.locator('section[aria-labelledby=published-files] a', { hasText: 'world map' }).click();
    await page.waitForURL(`**/ui/assessment/editions/${encodeURIComponent(EDITION)}`);
    await expect.poll(() => page.locator('.chart-map svg path').count(), { timeout: 20_000 }).toBeGreaterThan(150);
    // The API's score, exactly, in Tunisia's row.
    expect(await page.locator('.results-table tr[data-country=TN] td[data-measure=overall] data').getAttribute('value')).toBe(String(tunisiaOverall));
    expect(await page.locator('.results-table tbody tr').count()).toBe(2);

    // Of the map's coloured countries (Tunisia and Kenya), the one whose tooltip names Tunisia has its tier's colour.
    const fills = await fillsByCountryName(page, NO_RESULT, /^(Tunisia|Kenya)$/);
    expect(Object.keys(fills).sort()).toEqual(['Kenya', 'Tunisia']);
    expect(fills.Tunisia).toBe(colourOf(bandsOf('overall'), tunisiaOverall));
    expect(fills.Tunisia).not.toBe(NO_RESULT);
    await page.context().close();
  });

  it('shows Tunisia’s profile in Arabic to another organisation’s user: the API’s score, needs in Arabic, public evidence only; printable', async () => {
    const page = await signedIn('outsider', 'ar');
    await open(page, profilePath('TN'));
    await page.locator('.profile-facts').waitFor();
    expect(await page.locator('main h1').innerText()).toBe('تونس');
    expect(await page.locator('.profile-overall data').getAttribute('value')).toBe(String(tunisiaOverall));
    expect(await page.locator('.basis-note').getAttribute('data-basis')).toBe('self-assessment');
    expect(await page.locator('.basis-note').innerText()).toMatch(ARABIC);

    // Needs: ranked, the first ten shown, each question's text in Arabic with its number left to right.
    const needs = page.locator('.needs-list li');
    expect(await needs.count()).toBeGreaterThanOrEqual(1);
    expect(await needs.count()).toBeLessThanOrEqual(10);
    const first = needs.first();
    // Unanswered questions of the highest weight come first.
    expect(await first.getAttribute('data-priority')).toBe('high');
    expect(await first.locator('.need-absent').count()).toBe(1);
    expect(await first.locator('.need-text bdi:not(.question-number)').innerText()).toMatch(ARABIC);
    expect(await first.locator('.question-number').getAttribute('dir')).toBe('ltr');
    expect(await first.locator('.need-place').innerText()).toMatch(ARABIC);
    const api = (await (await fetch(`${server.url}/api/v1/assessment/countries/TN/profile?edition=${encodeURIComponent(EDITION)}`)).json()) as { needs: { question: string }[] };
    expect(await first.getAttribute('data-question')).toBe(api.needs[0]!.question);
    await screenshot(page, 'ar-cycle-profile');
    // All of them on asking; 1.1.2 is among them, partly in place.
    await page.locator('.profile-needs button').click();
    await expect.poll(() => needs.count()).toBe(api.needs.length);
    // 1.1.2 (weight 2) is partly in place: half its weight, of medium priority.
    const fraud = page.locator(`.needs-list li[data-question=${FRAUD}]`);
    expect(await fraud.locator('.need-partial').count()).toBe(1);
    expect(await fraud.getAttribute('data-priority')).toBe('medium');
    expect(await fraud.locator('.need-priority data').getAttribute('value')).toBe('1');

    // Evidence: the public link, opening in a new tab; the restricted file is not there.
    const evidence = page.locator('.profile-evidence-list li');
    expect(await evidence.count()).toBe(1);
    const link = page.locator('.profile-evidence-list a');
    expect(await link.getAttribute('href')).toBe(EVIDENCE_URL);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await evidence.locator('.visibility-public').count()).toBe(1);
    expect(await page.locator('.profile-evidence').innerText()).not.toContain(FILE_NAME);
    expect(await page.locator('main').innerText()).not.toMatch(RAW_KEY);

    // Printed: needs and evidence on paper, the link's address written out.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.app-header').isVisible()).toBe(false);
    expect(await page.locator('.profile-needs').isVisible()).toBe(true);
    expect(await page.locator('.profile-evidence').isVisible()).toBe(true);
    expect(await page.locator('.profile-needs button').isVisible()).toBe(false);
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('.profile-evidence-list a'), '::after').content`)).toContain(EVIDENCE_URL);
    await screenshot(page, 'ar-cycle-profile-print');
    await page.pdf({ path: `${SCREENSHOTS}/ar-cycle-profile.pdf`, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflowsSideways(page), (await widerThanWindow(page)).join(' | ')).toBe(false);
    await screenshot(page, 'ar-cycle-profile-360');
    await page.context().close();
  });

  it('shows the focal point both the public link and the restricted file on its country’s profile', async () => {
    const page = await signedIn('focal', 'ar');
    await open(page, profilePath('TN'));
    await page.locator('.profile-evidence-list').waitFor();
    expect(await page.locator('.profile-evidence-list li').count()).toBe(2);
    expect(await page.locator('.profile-evidence-list a', { hasText: 'legislation' }).getAttribute('href')).toBe(EVIDENCE_URL);
    const file = page.locator('.profile-evidence-list li[data-kind=file]');
    expect(await file.locator('a').innerText()).toBe(FILE_NAME);
    expect(await file.locator('.visibility-restricted').count()).toBe(1);
    const href = (await file.locator('a').getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${server.url}/api/v1/assessment/evidence/`));
    // The file downloads for the focal point, and for no one else.
    expect((await page.request.get(href)).status()).toBe(200);
    expect((await fetch(href)).status).toBe(404);
    await page.context().close();
  });

  it('marks Kenya’s profile as assessed by the team from public evidence, in the six languages', async () => {
    const page = await signedIn('outsider', 'en', 360);
    for (const language of LANGUAGES) {
      await switchLanguage(page, language);
      await open(page, profilePath('KE'));
      const mark = page.locator('.basis-note[data-basis=public-evidence]');
      await mark.waitFor();
      const text = await page.locator('body').innerText();
      expect(text, language).not.toMatch(RAW_KEY);
      if (language === 'ar') expect(await mark.innerText()).toMatch(ARABIC);
      expect(await overflowsSideways(page), `${language}: ${(await widerThanWindow(page)).join(' | ')}`).toBe(false);
    }
    await page.context().close();
  });
});
