/**
 * Numbers, dates and names the way the reader's language writes them, from the browser's ICU (`Intl`).
 * Arabic uses its own digits by default in some locales; Thiqa keeps the Latin digits of `ar` as most Arab
 * CIRTs' tools do (`-u-nu-latn`), so an id or a count reads the same in a report and on screen.
 */
import type { Language } from '../../../shared/i18n/languages.ts';

const locale = (language: Language) => (language === 'ar' ? 'ar-u-nu-latn' : language);

export function formatNumber(language: Language, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(language), options).format(value);
}

/** An ISO timestamp as a date and time of the reader's locale; the text itself when it is not a date. */
export function formatDateTime(language: Language, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The name of a language in that language itself (for the language switcher). */
export function nativeLanguageName(language: Language): string {
  return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
}

const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A calendar date that may be partial — `YYYY-MM-DD`, `YYYY-MM` (a month) or `YYYY` (a year), as a law "of
 * 2019" is dated — the way the reader's language writes it, read in UTC so it never shifts by a day; the text
 * itself when it is none of these.
 */
export function formatCalendarDate(language: Language, value: string): string {
  const parts = CALENDAR.exec(value);
  if (!parts) return value;
  const [, year, month, day] = parts;
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = day ? { dateStyle: 'long' } : month ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  return new Intl.DateTimeFormat(locale(language), { ...options, timeZone: 'UTC' }).format(date);
}

/** Items as one list in the reader's language ("a, b and c"; Arabic «أ وب»; Chinese «甲、乙和丙»). */
export function formatList(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(locale(language), { style: 'long', type: 'conjunction' }).format(items);
}
