/**
 * The stylesheet lays out right-to-left pages with the same rules as left-to-right ones: it uses logical
 * properties (inline/block, start/end) and never a physical left or right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

describe('styles.css', () => {
  it('names no physical side', () => {
    const physical = css.split('\n').filter((line) => /\b(left|right)\b|-(left|right)\b/.test(line));
    expect(physical).toEqual([]);
  });

  it('keeps focus visible', () => {
    expect(css).toMatch(/:focus-visible\s*\{[^}]*outline:\s*3px solid/);
  });
});
