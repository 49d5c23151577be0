/**
 * Which language of a multilingual text to show a reader: a record is written in the languages its proposer
 * chose, so the reader's own comes first, then English (the one most readers of another language read), then
 * the others in the order of the six; the text carries its language so the page can set `lang` and `dir`.
 */
import { directionOf, LANGUAGES, type Language } from '../../../../shared/i18n/languages.ts';

export interface ShownText {
  language: Language;
  text: string;
  /** `rtl` for Arabic. */
  dir: 'ltr' | 'rtl';
  /** Whether it is in the reader's language (else the page may say which language it is in). */
  own: boolean;
}

/** The texts of a value by language, the non-empty ones only; anything not a text by language gives none. */
export function textsOf(value: unknown): Map<Language, string> {
  const texts = new Map<Language, string>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return texts;
  for (const language of LANGUAGES) {
    const text = (value as Record<string, unknown>)[language];
    if (typeof text === 'string' && text.trim() !== '') texts.set(language, text);
  }
  return texts;
}

/** The order in which languages are tried for `reader`. */
export function preferenceOrder(reader: Language): Language[] {
  return [...new Set<Language>([reader, 'en', ...LANGUAGES])];
}

/**
 * The text to show `reader`: in the reader's language when given, else in another language the text has.
 * @example displayText({ fr: 'Stratégie', ar: 'استراتيجية' }, 'ru') // { language: 'fr', text: 'Stratégie', dir: 'ltr', own: false }
 */
export function displayText(value: unknown, reader: Language): ShownText | undefined {
  const texts = textsOf(value);
  for (const language of preferenceOrder(reader)) {
    const text = texts.get(language);
    if (text !== undefined) return { language, text, dir: directionOf(language), own: language === reader };
  }
  return undefined;
}

