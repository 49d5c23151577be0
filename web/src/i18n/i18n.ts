/**
 * The UI's languages: i18next over the six catalogs in `locales/`, plurals by the CLDR rules of each language
 * (Arabic's six forms, Russian's four), numbers and dates by `Intl`. Choosing a language sets the document's
 * `lang` and `dir` (Arabic is right to left), is kept in this browser, and is remembered for the signed-in user.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, isLanguage, LANGUAGES, pickLanguage, type Language } from '../../../shared/i18n/languages.ts';
import { setApiLanguage } from '../api/client.ts';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';

export const CATALOGS = { ar, zh, en, fr, ru, es } as const;

const STORAGE_KEY = 'thiqa.language';

/** The language this browser last chose, else the best of the browser's preferences. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && isLanguage(stored)) return stored;
  return pickLanguage(navigator.languages ?? [navigator.language]);
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
  setApiLanguage(language);
}

export async function initI18n(): Promise<void> {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, { translation: CATALOGS[lang] }])),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(language);
}

/** Switches the UI to `language` and keeps the choice in this browser. */
export async function switchLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  applyToDocument(language);
}

/** The language the UI shows now. */
export function currentLanguage(): Language {
  const language = i18next.language;
  return isLanguage(language) ? language : 'en';
}

export { LANGUAGES, type Language };
