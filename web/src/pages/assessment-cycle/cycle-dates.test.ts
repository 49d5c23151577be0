import { describe, expect, it } from 'vitest';
import { formatDay, isPast } from './cycle-dates.ts';

describe('due dates', () => {
  it('keeps a due day open until its end in UTC', () => {
    expect(isPast('2025-06-30', Date.parse('2025-06-30T23:00:00Z'))).toBe(false);
    expect(isPast('2025-06-30', Date.parse('2025-07-01T00:00:00Z'))).toBe(true);
    expect(isPast('2025-06-30T12:00:00Z', Date.parse('2025-06-30T12:00:01Z'))).toBe(true);
    expect(isPast('not a date', 0)).toBe(false);
  });

  it('writes the day itself whatever the reader’s time zone, with Latin digits in Arabic', () => {
    expect(formatDay('en', '2025-06-30')).toBe('June 30, 2025');
    expect(formatDay('ar', '2025-06-30')).toMatch(/^30 .+ 2025$/);
    expect(formatDay('fr', 'soon')).toBe('soon');
  });
});
