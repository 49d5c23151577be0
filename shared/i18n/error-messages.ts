/**
 * Server errors as people read them: the server sends a stable code and parameters (server/core/errors.ts),
 * and this turns them into a sentence of the reader's language from the catalogs in `errors/`. A code no
 * catalog knows falls back to English, then to the code itself, so a newer server never shows a blank.
 */
import ar from './errors/ar.json' with { type: 'json' };
import en from './errors/en.json' with { type: 'json' };
import es from './errors/es.json' with { type: 'json' };
import fr from './errors/fr.json' with { type: 'json' };
import ru from './errors/ru.json' with { type: 'json' };
import zh from './errors/zh.json' with { type: 'json' };
import { fill } from './interpolate.ts';
import { FALLBACK_LANGUAGE, type Language } from './languages.ts';

/** A catalog: `area` → `reason` → message with `{{param}}` placeholders (the code is `area.reason`). */
export type ErrorCatalog = Readonly<Record<string, Readonly<Record<string, string>>>>;

export const ERROR_CATALOGS: Readonly<Record<Language, ErrorCatalog>> = { ar, zh, en, fr, ru, es };

/** The message of `code` in `catalog`, or undefined. */
function lookup(catalog: ErrorCatalog, code: string): string | undefined {
  const dot = code.indexOf('.');
  if (dot < 0) return undefined;
  return catalog[code.slice(0, dot)]?.[code.slice(dot + 1)];
}

/**
 * The message for an error code in `language`, its placeholders filled from `params` (a placeholder with no
 * parameter is left visible rather than dropped).
 * @example errorMessage('fr', 'user.not_found', { name: 'ada' })
 */
export function errorMessage(language: Language, code: string, params: Readonly<Record<string, unknown>> = {}): string {
  const template = lookup(ERROR_CATALOGS[language], code) ?? lookup(ERROR_CATALOGS[FALLBACK_LANGUAGE], code);
  if (template === undefined) return code;
  return fill(template, params);
}
