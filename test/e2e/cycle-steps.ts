/**
 * Steps of the assessment cycle's browser test: its edition, questions and pages, the users it starts with, a
 * signed-in page in a language, a question card and its answer controls, the two presses of a confirm button,
 * and a REST call as one of the test's users.
 */
import type { Browser, Page } from 'playwright-core';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { TestServer } from '../support/taxii-server.ts';
import { languageOf, newContext, signInAt, switchLanguage } from './browser.ts';

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export const EDITION = 'GCA 2027';
export const ARABIC = /[\u0600-\u06FF]/;
/** A catalog key shown instead of its text: what a missing translation looks like on the page. */
export const RAW_KEY = /\b(cycle|assessment)\.[a-z_]{3,}\b/;
export const SUBSTANTIVE = 'legal-cybercrime-substantive'; // 1.1.1
export const FRAUD = 'legal-cybercrime-fraud-forgery'; // 1.1.2
export const PROCEDURAL = 'legal-cybercrime-procedural'; // 1.1.3, opens 1.1.4
export const SAFEGUARDS = 'legal-cybercrime-safeguards'; // 1.1.4, asked when 1.1.3 is in place or partial
export const EVIDENCE_URL = 'https://legislation.example.tn/loi-2023-cybercriminalite';
export const FILE_NAME = 'code-procedure-penale.txt';
export const editionPath = `/cycle/editions/${encodeURIComponent(EDITION)}`;
export const questionnairePath = `${editionPath}/countries/TN`;
export const profilePath = (country: string) => `/assessment/countries/${country}?edition=${encodeURIComponent(EDITION)}`;

/**
 * Tunisia's ministry with its focal point, the assessment team and a reviewer, and a user of Kenya's regulator
 * with no assessment role (Kenya has no focal point); answers the focal point's id.
 */
export async function addCycleUsers(server: TestServer): Promise<string> {
  const { users, organisations } = server.platform;
  await organisations.add(SYSTEM, { name: 'Ministère des Technologies de la communication', type: 'member-state', subtype: 'ministry', country: 'TN' });
  await users.addUser({ name: 'team', password: 'team-password', roles: ['assessment-team'] });
  await users.addUser({ name: 'reviewer', password: 'reviewer-password', roles: ['assessment-reviewer'] });
  await organisations.add(SYSTEM, { name: 'Communications Authority of Kenya', type: 'member-state', subtype: 'regulator', country: 'KE' });
  await users.addUser({ name: 'outsider', password: 'outsider-password', organisation: 'Communications Authority of Kenya' });
  return (await users.addUser({ name: 'focal', password: 'focal-password', roles: ['focal-point'], organisation: 'Ministère des Technologies de la communication' })).id;
}

/** A page of a fresh browser profile, signed in as `user` (password `<user>-password`), in `language`. */
export async function signedInPage(browser: Browser, baseUrl: string, user: string, language = 'en', width = 1280): Promise<Page> {
  const context = await newContext(browser, 'en-GB', width);
  const page = await context.newPage();
  await signInAt(page, baseUrl, user, `${user}-password`);
  // The language a user chose before is taken on sign-in; switch only when it is another.
  if ((await languageOf(page)).lang !== language) await switchLanguage(page, language);
  return page;
}

export const question = (page: Page, id: string) => page.locator(`article[data-question="${id}"]`);

export async function choose(page: Page, id: string, level: string): Promise<void> {
  await question(page, id).locator(`input[type=radio][value="${level}"]`).check();
}

export async function save(page: Page, id: string): Promise<void> {
  const card = question(page, id);
  await card.locator('.toolbar button').first().click();
  await card.locator('.saved[role=status]').waitFor();
}

/** Confirms the step of a ConfirmButton: the first press asks, the second acts. */
export async function confirmStep(page: Page, scope: string): Promise<void> {
  await page.locator(`${scope} > button, ${scope} .toolbar > button`).first().click();
  await page.locator(`${scope} .confirm button`).first().click();
}

/** A REST call below /api/v1 as `user` (Basic, password `<user>-password`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
export async function restAs(baseUrl: string, method: string, path: string, user: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${user}:${user}-password`).toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
