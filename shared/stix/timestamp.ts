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

const ZERO = 48;

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - ZERO, b = text.charCodeAt(at + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Microseconds since the Unix epoch of a STIX timestamp, or NaN when the text is not one. Accepts exactly what
 * `parseTimestamp` accepts but allocates nothing, because validation calls it for every object on ingest.
 */
export function timestampMicros(text: string): number {
  // Validation reads created/modified once for their format and again for their order: remember the last two.
  if (text === recentText[0]) return recentMicros[0]!;
  if (text === recentText[1]) return recentMicros[1]!;
  const micros = scanMicros(text);
  recentText[1] = recentText[0]!;
  recentMicros[1] = recentMicros[0]!;
  recentText[0] = text;
  recentMicros[0] = micros;
  return micros;
}

const recentText: string[] = ['', ''];
const recentMicros = new Float64Array([NaN, NaN]);

function scanMicros(text: string): number {
  const length = text.length;
  if (length < 20 || length === 21 || length > 30 || text.charCodeAt(length - 1) !== 90 /* Z */) return NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return NaN;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
  const century = twoDigits(text, 0), yy = twoDigits(text, 2);
  const month = twoDigits(text, 5), day = twoDigits(text, 8);
  const hour = twoDigits(text, 11), minute = twoDigits(text, 14), second = twoDigits(text, 17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const year = century * 100 + yy;
  if (day > (month === 2 && !isLeap(year) ? 28 : DAYS[month - 1]!)) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return NaN;
  let micros = 0;
  if (length > 20) {
    if (text.charCodeAt(19) !== 46 /* . */) return NaN;
    let scale = 100000;
    for (let i = 20; i < length - 1; i++) {
      const digit = text.charCodeAt(i) - ZERO;
      if (digit < 0 || digit > 9) return NaN;
      micros += digit * scale;
      scale = (scale / 10) | 0;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) * 1000 + micros;
}

/** Number of fractional-second digits of a timestamp already known to be valid. */
export function timestampPrecision(text: string): number {
  return text.length === 20 ? 0 : text.length - 21;
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
