import { describe, expect, it } from 'vitest';
import { escapeHtml, tooltipHtml } from './chart-text.ts';

describe('chart text', () => {
  it('escapes what it puts into a tooltip and sets its direction', () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe('&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
    expect(tooltipHtml(true, 'تونس', ['81.93', '<x>'])).toBe('<div class="chart-tooltip" dir="rtl"><strong>تونس</strong><br>81.93<br>&lt;x&gt;</div>');
  });
});
