import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTimestamp, timestampMicros, timestampPrecision } from './timestamp.ts';

describe('timestampMicros', () => {
  it('agrees with parseTimestamp on valid and invalid text', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    const candidate = fc.tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2),
      fc.option(fc.stringMatching(/^[0-9]{1,10}$/)), fc.constantFrom('Z', 'z', '+00:00'))
      .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f === null ? '' : `.${f}`}${z}`);
    fc.assert(fc.property(fc.oneof(candidate, fc.string()), (text) => {
      const parsed = parseTimestamp(text);
      const micros = timestampMicros(text);
      if (parsed === undefined) expect(micros).toBeNaN();
      else {
        expect(micros).toBe(parsed.micros);
        expect(timestampPrecision(text)).toBe(parsed.precision);
      }
    }), { numRuns: 5000 });
  });

  it('handles leap days and leap seconds as parseTimestamp does', () => {
    expect(timestampMicros('2016-02-29T00:00:00Z')).toBe(Date.UTC(2016, 1, 29) * 1000);
    expect(timestampMicros('2015-02-29T00:00:00Z')).toBeNaN();
    expect(timestampMicros('2016-12-31T23:59:60.5Z')).toBe(parseTimestamp('2016-12-31T23:59:60.5Z')!.micros);
  });
});
