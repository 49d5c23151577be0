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

/**
 * The language tags of an Accept-Language header, most wanted first (by `q`, then order); `*` and tags
 * refused with `q=0` left out.
 * @example acceptedLanguages('fr-CA,fr;q=0.9,en;q=0.8') → ['fr-CA', 'fr', 'en']
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  const entries = header.split(',').map((part, index) => {
    const [tag = '', ...parameters] = part.trim().split(';');
    const q = parameters.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
  });
  return entries
    .filter((e) => e.tag !== '' && e.tag !== '*' && e.q > 0 && !Number.isNaN(e.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}
