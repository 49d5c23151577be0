import { describe, expect, it } from 'vitest';
import { sightingBody } from '../object/sighting-form.ts';
import { valuesOf } from './lookup-values.ts';

describe('the values a lookup sends', () => {
  it('takes one value a line, blank lines dropped, a URL with commas and spaces kept whole', () => {
    expect(valuesOf(' 10.0.0.1 \r\n\n evil.example\rhttp://a.example/x,y?q=a b\n')).toEqual(['10.0.0.1', 'evil.example', 'http://a.example/x,y?q=a b']);
    expect(valuesOf('\n  \n')).toEqual([]);
  });
});

describe('what the sighting form sends', () => {
  it('sends the count, the times read as UTC, and anonymous only when chosen', () => {
    expect(sightingBody({ count: '5', firstSeen: '2026-03-01T08:30', lastSeen: '', anonymous: false })).toEqual({ count: 5, first_seen: '2026-03-01T08:30:00Z' });
    expect(sightingBody({ count: '0', firstSeen: '', lastSeen: '2026-03-02T17:45:10', anonymous: true })).toEqual({ count: 0, last_seen: '2026-03-02T17:45:10Z', anonymous: true });
  });
});
