/**
 * Helpers of the chart options: text in tooltips escaped and set in the page's direction, axes mirrored in
 * right-to-left pages (categories read from the right, the value axis on the right).
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put into a tooltip's HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A tooltip's HTML: a heading line and lines of text, each escaped, in the page's direction. */
export function tooltipHtml(rtl: boolean, heading: string, lines: readonly string[]): string {
  return `<div class="chart-tooltip" dir="${rtl ? 'rtl' : 'ltr'}"><strong>${escapeHtml(heading)}</strong>${lines.map((line) => `<br>${escapeHtml(line)}`).join('')}</div>`;
}

/** Where a chart's legend sits: at the start of the line, in the page's direction. */
export function legendPlace(rtl: boolean): { right: number } | { left: number } {
  return rtl ? { right: 0 } : { left: 0 };
}
