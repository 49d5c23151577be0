/**
 * The six official languages of the United Nations, in which Thiqa speaks to its users, and the direction of
 * each script. Catalogs for each live beside this file; English is the fallback.
 */

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FALLBACK_LANGUAGE: Language = 'en';

/** Whether `tag` is one of the six languages (exactly: `fr`, not `fr-CA`). */
export function isLanguage(tag: string): tag is Language {
  return (LANGUAGES as readonly string[]).includes(tag);
}

/** The writing direction of a language: Arabic is right to left. */
export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The best of the six languages for a list of BCP 47 tags in order of preference (an Accept-Language header,
 * `navigator.languages`): the first whose primary subtag is one of them, else the fallback.
 * @example pickLanguage(['fr-CA', 'en']) === 'fr'
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.trim().split(/[-_]/)[0]!.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}
