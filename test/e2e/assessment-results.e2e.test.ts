/**
 * The Assessment module's published results in a real browser (Debian's Chromium, headless) against a real
 * server holding GCI 2020 and GCI 2024 as ITU distributes them: the results page in Arabic (a world map drawn
 * as SVG in several colours, tooltips in Arabic, the ranked table with the files' exact values, another pillar
 * chosen), a country profile (pillar chart, tier, rank, both editions with the files' values; printed without
 * the navigation, to PDF too), the regional comparison (Africa's mean as the API computes it), and every page
 * in the six languages at 360 px. Screenshots in Arabic and English go to .tmp/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/assessment/csv.ts';
import { countryByAlpha3 } from '../../shared/assessment/iso3166.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { languageOf, launchBrowser, newContext, openUi, overflowsSideways, screenshot, SCREENSHOTS, signInAt, switchLanguage, widerThanWindow } from './browser.ts';

const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const ARABIC = /[\u0600-\u06FF]/;
/** A catalog key shown instead of its text: what a missing translation looks like on the page. */
const RAW_KEY = /\b(common|errors|shell|nav|assessment)\.[a-z_]{3,}(\.[a-z0-9_-]+)*\b/;
const RESULTS = `/assessment/editions/${encodeURIComponent('GCI 2024')}`;
const REGIONS = `${RESULTS}/regions`;
const TUNISIA = '/assessment/countries/TN';

const gciText = (name: string) => fs.readFileSync(path.join(referenceDataDir(), 'gci', name), 'utf8');

/** The files' values by alpha-2 code: overall and the five pillars, exactly as written in them. */
type Published = Map<string, Record<string, string>>;

function read2024(): Published {
  const [header, ...rows] = parseCsv(gciText('gci_2024.csv'));
  const column = (name: string) => header!.fields.indexOf(name);
  const names = { legal: 'legal', technical: 'technical', organisational: 'organizational', capacity: 'capacity', cooperation: 'cooperation', overall: 'gci' };
  return new Map(
    rows.map(({ fields }) => [
      countryByAlpha3(fields[column('iso3')]!)!.alpha2,
      Object.fromEntries(Object.entries(names).map(([ours, theirs]) => [ours, fields[column(theirs)]!])),
    ]),
  );
}

function read2020(): Published {
  const names: Record<string, string> = {
    gci_overall: 'overall',
    gci_legal_measures: 'legal',
    gci_technical_measures: 'technical',
    gci_organisational_measures: 'organisational',
    gci_capacity_development: 'capacity',
    gci_cooperative_measures: 'cooperation',
  };
  const published: Published = new Map();
  for (const { fields } of parseCsv(gciText('gci_2020.csv')).slice(1)) {
    const country = countryByAlpha3(fields[0]!)!.alpha2;
    published.set(country, { ...published.get(country), [names[fields[2]!]!]: fields[3]! });
  }
  return published;
}

let server: TestServer;
let browser: Browser;
let gci2024: Published;
let gci2020: Published;

const signIn = (page: Page) => signInAt(page, server.url, 'amina', 'amina-password');

const switchTo = switchLanguage;

const open = (page: Page, uiPath: string) => openUi(page, server.url, uiPath);

/** Waits until the chart in `selector` has drawn at least `paths` SVG paths. */
async function waitForChart(page: Page, selector: string, paths = 1): Promise<void> {
  await expect.poll(() => page.locator(`${selector} svg path`).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(paths);
}

/** The fill colours of the map's country paths. */
function mapFills(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('.chart-map svg path')].map((p) => p.getAttribute('fill') || '')`);
}

/** A point inside the largest country of the map, in the page's coordinates (to hover it). */
function pointInLargestCountry(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate<{ x: number; y: number }>(`(() => {
    const paths = [...document.querySelectorAll('.chart-map svg path')];
    const area = (p) => { const b = p.getBBox(); return b.width * b.height; };
    const path = paths.sort((a, b) => area(b) - area(a))[0];
    const box = path.getBBox();
    for (let i = 1; i < 400; i++) {
      const x = box.x + box.width * ((i * 0.618) % 1), y = box.y + box.height * ((i * 0.382) % 1);
      if (path.isPointInFill(new DOMPoint(x, y))) {
        const screen = new DOMPoint(x, y).matrixTransform(path.getScreenCTM());
        return { x: screen.x, y: screen.y };
      }
    }
    throw new Error('no point inside the largest country');
  })()`);
}

/** The exact value a table cell holds (`<data value>`). */
function valueIn(page: Page, selector: string): Promise<string | null> {
  return page.locator(`${selector} data`).first().getAttribute('value');
}

beforeAll(async () => {
  server = await startTestServer('sqlite');
  for (const [name, file] of [
    ['GCI 2020', 'gci_2020.csv'],
    ['GCI 2024', 'gci_2024.csv'],
  ] as const) {
    await server.platform.editions.importResults(SYSTEM, { name, text: gciText(file) });
  }
  await server.platform.users.addUser({ name: 'amina', password: 'amina-password' });
  gci2024 = read2024();
  gci2020 = read2020();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Assessment results in a real browser', () => {
  it('lists the editions from the navigation, each linking to its results', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page);
    await page.locator('header nav a[href="/ui/assessment"]').click();
    await page.locator('main tbody tr').first().waitFor();
    expect(await page.locator('main tbody tr th, main tbody tr td:first-child').allInnerTexts()).toEqual(expect.arrayContaining(['GCI 2024', 'GCI 2020']));
    await page.locator('main tbody a', { hasText: /^GCI 2024$/ }).click();
    await page.waitForURL(/\/ui\/assessment\/editions\/GCI%202024$/);
    await waitForChart(page, '.chart-map', 100);
    // An edition that does not exist is named in the server's words, in the reader's language.
    await open(page, `/assessment/editions/${encodeURIComponent('GCI 1999')}`);
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('There is no edition named “GCI 1999”.');
    await context.close();
  });

  it('draws the results in Arabic: a coloured world map, Arabic tooltips, the ranked table with the file’s values', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page);
    await switchTo(page, 'ar');
    await open(page, RESULTS);
    expect(await languageOf(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await waitForChart(page, '.chart-map', 150);
    const fills = await mapFills(page);
    // The five tier colours and the grey of "no result".
    expect(new Set(fills).size, fills.join(' ')).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.chart-map').getAttribute('role')).toBe('img');
    expect(await page.locator('.chart-map').getAttribute('aria-label')).toMatch(ARABIC);
    expect(await page.locator('.map-legend li').count()).toBe(6);

    // The first row is a country with the highest overall score of the file, shown exactly.
    const best = Math.max(...[...gci2024.values()].map((v) => Number(v.overall)));
    const top = page.locator('.results-table tbody tr').first();
    const topCountry = (await top.getAttribute('data-country'))!;
    expect(await top.locator('td').first().innerText()).toBe('1');
    expect(Number(gci2024.get(topCountry)!.overall)).toBe(best);
    expect(await valueIn(page, `.results-table tr[data-country=${topCountry}] td[data-measure=overall]`)).toBe(String(best));
    expect(await top.locator('th a').innerText()).toMatch(ARABIC);
    expect(await page.locator('.results-table tbody tr').count()).toBe(gci2024.size);
    // Tunisia, to full precision in the page's data, two decimals on screen.
    const tunisia = '.results-table tr[data-country=TN]';
    expect(await valueIn(page, `${tunisia} td[data-measure=overall]`)).toBe(String(Number(gci2024.get('TN')!.overall)));
    expect(await page.locator(`${tunisia} td[data-measure=overall]`).innerText()).toBe('81.93');
    expect(await page.locator(`${tunisia} th a`).innerText()).toBe('تونس');

    const point = await pointInLargestCountry(page);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.chart-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.getAttribute('dir')).toBe('rtl');
    expect(await tooltip.innerText()).toMatch(ARABIC);
    expect(await tooltip.innerText()).toContain('المستوى');
    await screenshot(page, 'ar-assessment-results');

    // Another pillar: the address keeps it, the map's colours and the legend change, the table marks its column.
    await page.locator('select.measure-select').selectOption('technical');
    await page.waitForURL(/measure=technical/);
    await expect.poll(async () => (await mapFills(page)).join(' ')).not.toBe(fills.join(' '));
    expect(await page.locator('.map-legend').innerText()).toContain('من 16 إلى 20');
    expect(await page.locator('.results-table tbody tr').first().locator('td.chosen').getAttribute('data-measure')).toBe('technical');
    expect(await page.locator('main h2').first().innerText()).toContain('التدابير التقنية');
    await screenshot(page, 'ar-assessment-results-technical');
    await context.close();
  });

  it('opens a country profile from the table: pillar chart, tier, rank, both editions with the files’ values; prints without the navigation', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page);
    await switchTo(page, 'ar');
    await open(page, RESULTS);
    await page.locator('.results-table tr[data-country=TN] th a').click();
    await page.waitForURL(/\/assessment\/countries\/TN\?edition=GCI%202024$/);
    await page.locator('.profile-facts').waitFor();
    expect(await page.locator('main h1').innerText()).toBe('تونس');
    expect(await page.locator('.profile-region').innerText()).toBe('أفريقيا · شمال أفريقيا');

    const api = (await (await fetch(`${server.url}/api/v1/assessment/countries/TN`)).json()) as { editions: { edition: { name: string }; rank: number; countries: number; tier: string }[] };
    const latest = api.editions.at(-1)!;
    expect(await page.locator('.profile-tier [data-tier]').getAttribute('data-tier')).toBe('establishing');
    expect(await page.locator('.profile-tier').innerText()).toBe('في طور التأسيس');
    expect(await page.locator('.profile-rank').getAttribute('data-rank')).toBe(String(latest.rank));
    // 194 takes Arabic's "many" form (…94): the counted noun in the accusative singular.
    expect(await page.locator('.profile-rank').innerText()).toBe(`${latest.rank} من بين 194 دولةً`);
    expect(await page.locator('.profile-overall data').getAttribute('value')).toBe(String(Number(gci2024.get('TN')!.overall)));

    // Five bars, one per pillar; the pillars table says the same.
    await waitForChart(page, '.chart-pillars', 5);
    expect(await page.locator('.pillars-table tbody tr').count()).toBe(5);
    expect(await valueIn(page, '.pillars-table tr[data-pillar=technical]')).toBe(String(Number(gci2024.get('TN')!.technical)));
    // Tunisia 2024: legal 19.18 (96 %) is its strongest pillar; none is below half.
    expect(await page.locator('ul.strengths li').first().getAttribute('data-pillar')).toBe('legal');
    expect(await page.locator('ul.growth').count()).toBe(0);

    // History: both editions, oldest first, with the files' values, and a line of the overall score.
    const history = page.locator('.history-table tbody tr');
    expect(await history.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-edition')))).toEqual(['GCI 2020', 'GCI 2024']);
    for (const [edition, published] of [
      ['GCI 2020', gci2020.get('TN')!],
      ['GCI 2024', gci2024.get('TN')!],
    ] as const) {
      for (const measure of ['overall', 'legal', 'technical', 'organisational', 'capacity', 'cooperation']) {
        expect(await valueIn(page, `.history-table tr[data-edition="${edition}"] td[data-measure=${measure}]`), `${edition} ${measure}`).toBe(String(Number(published[measure])));
      }
    }
    await waitForChart(page, '.chart-history', 1);
    await screenshot(page, 'ar-assessment-country');

    // Printed: no navigation, header tools or buttons; the charts fit the page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.app-header').isVisible()).toBe(false);
    expect(await page.locator('main button').first().isVisible()).toBe(false);
    expect(await page.locator('.profile-tools').isVisible()).toBe(false);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    expect(await page.locator('.profile-facts').isVisible()).toBe(true);
    // The charts are drawn for the paper's width (A4 less its margins) and scale into their box.
    for (const chart of ['.chart-pillars', '.chart-history']) await expect.poll(() => page.locator(`${chart} svg`).getAttribute('viewBox')).toMatch(/^0 0 680 \d+/);
    await page.pdf({ path: path.join(SCREENSHOTS, 'ar-assessment-country.pdf'), format: 'A4', printBackground: true });
    expect(fs.statSync(path.join(SCREENSHOTS, 'ar-assessment-country.pdf')).size).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('header.app-header').isVisible()).toBe(true);
    await context.close();
  });

  it('compares the regions: Africa’s mean overall score as the API computes it, and a bar chart of the pillars', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page);
    await switchTo(page, 'ar');
    await open(page, REGIONS);
    const api = (await (await fetch(`${server.url}/api/v1/assessment/editions/GCI%202024/regions`)).json()) as { regions: { region: string; overall: { mean: number } }[] };
    const africa = api.regions.find((r) => r.region === '002')!;
    const row = page.locator('.regions-table tr[data-region="002"]');
    await row.waitFor();
    expect(await row.locator('th').innerText()).toBe('أفريقيا');
    expect(await row.locator('td[data-statistic=mean] data').getAttribute('value')).toBe(String(africa.overall.mean));
    // A region, then its sub-regions.
    const order = await page.locator('.regions-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-region')));
    expect(order.slice(0, 3)).toEqual(['002', '015', '202']);
    expect(order).toHaveLength(api.regions.length);
    // Five regions × five pillars.
    await waitForChart(page, '.chart-bars', 25);
    expect(await page.locator('.chart-bars svg text', { hasText: 'أوروبا' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'ar-assessment-regions');
    await context.close();
  });

  it('shows every Assessment page in all six languages, with no key left untranslated, every control labelled and nothing wider than 360 px', async () => {
    const context = await newContext(browser, 'en-GB', 360);
    const page = await context.newPage();
    await signIn(page);
    for (const language of LANGUAGES) {
      await switchTo(page, language);
      for (const uiPath of ['/assessment', RESULTS, REGIONS, TUNISIA]) {
        await open(page, uiPath);
        await page.locator('main table').first().waitFor();
        const text = await page.locator('body').innerText();
        expect(RAW_KEY.exec(text)?.[0], `${language} ${uiPath}`).toBeUndefined();
        expect(await page.locator('[role=alert]').count(), `${language} ${uiPath}: ${text.slice(0, 200)}`).toBe(0);
        expect((await languageOf(page)).dir, `${language} ${uiPath}`).toBe(language === 'ar' ? 'rtl' : 'ltr');
        const unlabelled = await page.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
          .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map((e) => e.outerHTML.slice(0, 80))`);
        expect(unlabelled, `${language} ${uiPath}`).toEqual([]);
        expect(await overflowsSideways(page), `${language} ${uiPath} at 360 px: ${(await widerThanWindow(page)).join(' | ')}`).toBe(false);
      }
    }
    await context.close();
  });

  it('writes screenshots of the Assessment pages in Arabic and in English', async () => {
    const context = await newContext(browser, 'en-GB');
    const page = await context.newPage();
    await signIn(page);
    const pages: [string, string, string | undefined][] = [
      ['assessment-editions', '/assessment', undefined],
      ['assessment-results', RESULTS, '.chart-map'],
      ['assessment-regions', REGIONS, '.chart-bars'],
      ['assessment-country', TUNISIA, '.chart-history'],
    ];
    for (const language of ['en', 'ar']) {
      await switchTo(page, language);
      for (const [name, uiPath, chart] of pages) {
        await open(page, uiPath);
        if (chart) await waitForChart(page, chart);
        await screenshot(page, `${language}-${name}`);
      }
    }
    await context.close();
  });
});
