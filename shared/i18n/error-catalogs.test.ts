// The error catalogs: every code the server can send has a message in all six languages, each with the same
// placeholders as the English one and none left in English; messages are filled and fall back as documented.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGS, errorMessage, type ErrorCatalog } from './error-messages.ts';
import { placeholdersOf } from './interpolate.ts';
import { LANGUAGES, acceptedLanguages, directionOf, pickLanguage } from './languages.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Shown only on the operator's console when the server cannot start, never to a user of the hub. */
const CONSOLE_ONLY = new Set(['config.invalid_database_url', 'config.invalid_integer', 'config.invalid_log_level', 'config.invalid_federation_key', 'config.invalid_flag', 'config.invalid_smtp_url', 'database.unreachable']);

function codesOf(catalog: ErrorCatalog): Map<string, string> {
  return new Map(Object.entries(catalog).flatMap(([area, reasons]) => Object.entries(reasons).map(([reason, message]) => [`${area}.${reason}`, message] as const)));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Every error code the code base throws, by the helpers of server/core/errors.ts or `new DomainError`. */
function thrownCodes(...dirs: string[]): Set<string> {
  const helper = /\b(?:invalid|notFound|forbidden|unauthenticated|conflict|tooLarge)\(\s*'([a-z_]+\.[a-z_]+)'/g;
  const direct = /new DomainError\(\s*'[a-z_]+',\s*'([a-z_]+\.[a-z_]+)'/g;
  const codes = new Set<string>();
  for (const file of dirs.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of [...text.matchAll(helper), ...text.matchAll(direct)]) codes.add(match[1]!);
  }
  return codes;
}

const english = codesOf(ERROR_CATALOGS.en);

describe('error catalogs', () => {
  it('have a message for every code the server sends', () => {
    const missing = [...thrownCodes('server', 'shared')].filter((code) => !english.has(code) && !CONSOLE_ONLY.has(code));
    expect(missing).toEqual([]);
  });

  it('hold no message for a code nothing sends any more', () => {
    const thrown = thrownCodes('server', 'shared', 'cli');
    expect([...english.keys()].filter((code) => !thrown.has(code))).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every code, with the placeholders of the English message, in its own words', (language) => {
    const catalog = codesOf(ERROR_CATALOGS[language]);
    expect([...catalog.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [code, message] of catalog) {
      expect(placeholdersOf(message), `${language} ${code}`).toEqual(placeholdersOf(english.get(code)!));
      expect(message.trim(), `${language} ${code}`).not.toBe('');
      expect(message, `${language} ${code} is still the English text`).not.toBe(english.get(code));
    }
  });
});

describe('errorMessage', () => {
  it('fills the placeholders from the parameters, in the language asked for', () => {
    expect(errorMessage('en', 'user.not_found', { name: 'ada' })).toBe('There is no user named “ada”.');
    expect(errorMessage('fr', 'user.not_found', { name: 'ada' })).toContain('ada');
    expect(errorMessage('fr', 'user.not_found', { name: 'ada' })).not.toBe(errorMessage('en', 'user.not_found', { name: 'ada' }));
  });

  it('leaves a placeholder it has no parameter for visible, and answers the code itself for an unknown code', () => {
    expect(errorMessage('en', 'user.not_found')).toBe('There is no user named “{{name}}”.');
    expect(errorMessage('ar', 'no.such_code', { x: 1 })).toBe('no.such_code');
  });
});

describe('languages', () => {
  it('writes Arabic right to left and the others left to right', () => {
    expect(LANGUAGES.map(directionOf)).toEqual(['rtl', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });

  it('picks the first preferred language it speaks, by primary subtag, else English', () => {
    expect(pickLanguage(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(['zh-Hant-TW'])).toBe('zh');
    expect(pickLanguage(['AR_eg'])).toBe('ar');
    expect(pickLanguage(['de', 'pt-BR'])).toBe('en');
  });

  it('reads an Accept-Language header most wanted first, leaving out what it refuses', () => {
    expect(acceptedLanguages('fr-CA,fr;q=0.9,en;q=0.8')).toEqual(['fr-CA', 'fr', 'en']);
    expect(acceptedLanguages('en;q=0.2, ar, zh-CN;q=0.5, ru;q=0, *;q=0.1')).toEqual(['ar', 'zh-CN', 'en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(pickLanguage(acceptedLanguages('de-AT, es;q=0.8'))).toBe('es');
  });
});
