/** Due dates of an edition: days written in the reader's language, and whether one is over. */
import type { Language } from '../../../../shared/i18n/languages.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (an ISO date, or the day of a timestamp) as the reader's language writes it, read in UTC so it never shifts by a day. */
export function formatDay(language: Language, iso: string): string {
  const date = new Date(DAY.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Whether a due day is over: a day (an ISO date) ends at its last moment in UTC; a timestamp is itself. */
export function isPast(iso: string, now = Date.now()): boolean {
  const end = DAY.test(iso) ? Date.parse(`${iso}T23:59:59.999Z`) : Date.parse(iso);
  return !Number.isNaN(end) && now > end;
}

