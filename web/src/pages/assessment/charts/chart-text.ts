/** Text in the charts' tooltips: escaped, and set in the page's direction. */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put into a tooltip's HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A tooltip's HTML: a heading line and lines of text, each escaped, in the page's direction. */
export function tooltipHtml(rtl: boolean, heading: string, lines: readonly string[]): string {
  return `<div class="chart-tooltip" dir="${rtl ? 'rtl' : 'ltr'}"><strong>${escapeHtml(heading)}</strong>${lines.map((line) => `<br>${escapeHtml(line)}`).join('')}</div>`;
}
