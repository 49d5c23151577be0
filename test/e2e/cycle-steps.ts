/**
 * Steps of the assessment cycle's browser test: a signed-in page in a language, a question card and its answer
 * controls, the two presses of a confirm button, and a REST call as one of the test's users.
 */
import type { Browser, Page } from 'playwright-core';
import { languageOf, newContext, signInAt, switchLanguage } from './browser.ts';

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
