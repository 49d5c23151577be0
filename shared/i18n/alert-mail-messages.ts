/**
 * The sentences of alert e-mails in the six languages (`alert-mail/`): subjects and the closing line, filled
 * from the subscription and the objects. The lines listing objects are data (TLP, type, name, link) and stay
 * as they are in every language.
 */
import ar from './alert-mail/ar.json' with { type: 'json' };
import en from './alert-mail/en.json' with { type: 'json' };
import es from './alert-mail/es.json' with { type: 'json' };
import fr from './alert-mail/fr.json' with { type: 'json' };
import ru from './alert-mail/ru.json' with { type: 'json' };
import zh from './alert-mail/zh.json' with { type: 'json' };
import { fill } from './interpolate.ts';
import { FALLBACK_LANGUAGE, isLanguage, type Language } from './languages.ts';

export type AlertMailKey = keyof typeof en;

export const ALERT_MAIL_CATALOGS: Readonly<Record<Language, Readonly<Record<AlertMailKey, string>>>> = { ar, zh, en, fr, ru, es };

/** The sentence `key` in `language` (English for none or an unknown one), filled from `params`. */
export function alertMailText(language: string | null | undefined, key: AlertMailKey, params: Readonly<Record<string, unknown>>): string {
  const chosen = language && isLanguage(language) ? language : FALLBACK_LANGUAGE;
  return fill(ALERT_MAIL_CATALOGS[chosen][key], params);
}
