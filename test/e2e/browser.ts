/**
 * A real browser for the end-to-end tests: Debian's Chromium, headless, driven by playwright-core (never a
 * browser downloaded by Playwright). CI installs it with the fonts the six languages need (`.ci/run`); set
 * THIQA_CHROMIUM to use another binary. Screenshots go to SCREENSHOTS, which the README names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', '.tmp', 'screenshots');

const CHROMIUM = process.env.THIQA_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `the end-to-end tests need Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium fonts-noto-core fonts-wqy-microhei) or set THIQA_CHROMIUM`,
    );
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine has no network beyond loopback: Chromium's own background traffic would only fail.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser profile (no cookies, no stored language) with the given browser language and width. */
export function newContext(browser: Browser, locale: string, width = 1280): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width, height: 900 }, acceptDownloads: true });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The fonts Chromium drew an element's text with (family names and glyph counts), from the DevTools
 * protocol: text drawn as empty boxes has no font with its glyphs, so this tells whether a script shows.
 */
export async function fontsOf(page: Page, selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((font) => ({ familyName: font.familyName, glyphCount: font.glyphCount }));
}

/** The document's language and direction (`<html lang dir>`). */
export async function languageOf(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  const html = page.locator('html');
  return { lang: await html.getAttribute('lang'), dir: await html.getAttribute('dir') };
}

/** Waits until the document is in `language`. */
export async function waitForLanguage(page: Page, language: string): Promise<void> {
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

/** The elements that reach beyond the window's width (to say what overflows), at most five. */
export function widerThanWindow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
    .filter((e) => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 || r.left < -1; })
    .slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent || '').slice(0, 30))
    .concat([document.documentElement.scrollWidth + '/' + window.innerWidth])`);
}

/** Whether the page is wider than its window (content a 360 px phone would have to scroll sideways for). */
export function overflowsSideways(page: Page): Promise<boolean> {
  // A string, evaluated in the page: the project's types know Node, not the browser's DOM.
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}

/** Signs in through the sign-in form of the UI at `baseUrl` and waits for the signed-in frame. */
export async function signInAt(page: Page, baseUrl: string, user: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/ui/`);
  await page.locator('input[name=username]').fill(user);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('header.app-header').waitFor();
}

/** Switches the UI's language with its switcher and waits until the page speaks it. */
export async function switchLanguage(page: Page, language: string): Promise<void> {
  await page.locator('.language-switcher select').selectOption(language);
  await waitForLanguage(page, language);
}

/** Goes to a UI path and waits until the page's main heading is there and nothing is loading. */
export async function openUi(page: Page, baseUrl: string, uiPath: string): Promise<void> {
  await page.goto(`${baseUrl}/ui${uiPath}`);
  await page.locator('main h1').waitFor();
  await expect.poll(() => page.locator('main [role=status].muted').count()).toBe(0);
}

