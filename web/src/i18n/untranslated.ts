/**
 * Catalog values that may read the same in a language as in English, because they are codes or proper names
 * rather than words (the missing-translation check in catalogs.test.ts refuses any other value equal to the
 * English one). Keyed by language, then by catalog key.
 */
export const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  ar: [],
  zh: [],
  fr: [],
  ru: [],
  es: [],
};
