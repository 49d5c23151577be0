/** Probing the world map of the Assessment pages in a real browser: which colour each named country is drawn in. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The fill of each country the map colours (neither `noResult` nor unfilled), by the name its tooltip gives,
 * which must match `names`. A point inside each coloured path is hovered until the tooltip names a country.
 */
export async function fillsByCountryName(page: Page, noResult: string, names: RegExp): Promise<Record<string, string>> {
  const coloured = await page.evaluate<{ fill: string; x: number; y: number }[]>(`[...document.querySelectorAll('.chart-map svg path')]
    .filter((p) => p.getAttribute('fill') && p.getAttribute('fill') !== '${noResult}' && p.getAttribute('fill') !== 'none')
    .flatMap((p) => {
      const box = p.getBBox();
      for (let i = 1; i < 400; i++) {
        const x = box.x + box.width * ((i * 0.618) % 1), y = box.y + box.height * ((i * 0.382) % 1);
        if (p.isPointInFill(new DOMPoint(x, y))) {
          const at = new DOMPoint(x, y).matrixTransform(p.getScreenCTM());
          return [{ fill: p.getAttribute('fill'), x: at.x, y: at.y }];
        }
      }
      return [];
    })`);
  expect(coloured.length).toBeGreaterThanOrEqual(1);
  const fills: Record<string, string> = {};
  const tooltip = page.locator('.chart-tooltip');
  // Each coloured path is one country: under the mouse, the tooltip names it. ECharts hides the previous
  // country's tooltip after a delay and a fade (slower on a busy machine, and a busy browser may drop a move),
  // so the name is taken once it is a country's and no longer the previous one's, moving onto the path again
  // at each poll; then the mouse leaves the map.
  let previous = '';
  for (const { fill, x, y } of coloured) {
    let name = '';
    await expect
      .poll(
        async () => {
          await page.mouse.move(x, y);
          name = await tooltip.locator('strong').first().innerText().catch(() => '');
          return name === previous ? '' : name;
        },
        { timeout: 15_000 },
      )
      .toMatch(names);
    fills[name] = fill;
    previous = name;
    await page.mouse.move(1, 1);
  }
  return fills;
}
