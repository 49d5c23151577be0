/**
 * STIX timestamps: RFC 3339 in UTC, `YYYY-MM-DDTHH:mm:ss[.fraction]Z`, upper-case `T` and `Z`.
 * `timestampKey` gives a fixed-width form (nine fractional digits) that sorts and compares as text, so two
 * spellings of one instant (`…:00Z` and `…:00.000Z`) are one version.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface ParsedTimestamp {
  /** Fixed-width form with nine fractional digits. */
  key: string;
  /** Microseconds since the Unix epoch (sub-microsecond digits dropped). */
  micros: number;
  /** Number of fractional digits written. */
  precision: number;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses a STIX timestamp; undefined when the text is not one. */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction = ''] = match as unknown as string[];
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > (month === 2 && !isLeap(year) ? 28 : DAYS[month - 1]!)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const nanos = fraction.padEnd(9, '0');
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    key: `${y}-${mo}-${d}T${h}:${mi}:${s}.${nanos}Z`,
    micros: millis * 1000 + Number(nanos.slice(0, 6)),
    precision: fraction.length,
  };
}

export function isTimestamp(text: unknown): text is string {
  return typeof text === 'string' && parseTimestamp(text) !== undefined;
}

/** The sortable key of a timestamp, or undefined. */
export function timestampKey(text: string): string | undefined {
  return parseTimestamp(text)?.key;
}

/** Formats microseconds since the epoch as a STIX timestamp with microsecond precision. */
export function formatMicros(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const iso = new Date(millis).toISOString(); // …sss Z
  const sub = String(micros - millis * 1000).padStart(3, '0');
  return `${iso.slice(0, -1)}${sub}Z`;
}

/** Formats a timestamp key back to STIX text, keeping at least millisecond precision. */
export function formatKey(key: string): string {
  const fraction = key.slice(20, 29).replace(/0+$/, '').padEnd(3, '0');
  return `${key.slice(0, 19)}.${fraction}Z`;
}
