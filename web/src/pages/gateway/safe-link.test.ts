import { describe, expect, it } from 'vitest';
import { safeHref, safeMailto } from './safe-link.ts';

describe('links to addresses proposers gave', () => {
  it('follows http and https only', () => {
    expect(safeHref('https://www.ansi.tn/strategie')).toBe('https://www.ansi.tn/strategie');
    expect(safeHref(' http://example.org ')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', '//example.org', 'example.org', '', 42, undefined]) {
      expect(safeHref(bad), String(bad)).toBeUndefined();
    }
  });

  it('writes mailto links only for plain addresses', () => {
    expect(safeMailto('cert@cert.example')).toBe('mailto:cert@cert.example');
    expect(safeMailto('a@b.c?bcc=x@y.z')).toBeUndefined();
    expect(safeMailto('a@b.c,d@e.f')).toBeUndefined();
    expect(safeMailto('not an address')).toBeUndefined();
  });
});
