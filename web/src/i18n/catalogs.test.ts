/**
 * The missing-translation check of the UI catalogs: every key in all six languages, each plural in exactly
 * the forms its language's CLDR rules have (Arabic six, Russian four, Chinese one), the same placeholders as
 * English, no value left in English unless listed in untranslated.ts, and every key the code asks for present.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS } from '../../../shared/assessment/scoring.ts';
import { m49Scheme } from '../../../shared/assessment/regions.ts';
import { placeholdersOf } from '../../../shared/i18n/interpolate.ts';
import { LANGUAGES } from '../../../shared/i18n/languages.ts';
import { PILLARS } from '../pages/assessment/measures.ts';
import { SAME_AS_ENGLISH } from './untranslated.ts';

type Catalog = { [key: string]: string | Catalog };
const SRC = join(import.meta.dirname, '..');
const catalogOf = (language: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'locales', `${language}.json`), 'utf8')) as Catalog;

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const english = flatten(catalogOf('en'));
/** Plural groups, by base key: those English gives an `_other` form. */
const pluralBases = new Set([...english.keys()].filter((key) => key.endsWith('_other')).map((key) => key.replace(PLURAL, '')));
const baseOf = (key: string) => (PLURAL.test(key) && pluralBases.has(key.replace(PLURAL, '')) ? key.replace(PLURAL, '') : key);
const sorted = (values: Iterable<string>) => [...values].sort();

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalog', (language) => {
  const catalog = flatten(catalogOf(language));
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('has every key of English and no other', () => {
    expect(sorted(new Set([...catalog.keys()].map(baseOf)))).toEqual(sorted(new Set([...english.keys()].map(baseOf))));
  });

  it('gives each plural exactly the forms its language has', () => {
    for (const base of pluralBases) {
      const forms = sorted([...catalog.keys()].filter((key) => baseOf(key) === base && key !== base).map((key) => PLURAL.exec(key)![1]!));
      expect(forms, base).toEqual(sorted(categories));
    }
  });

  it('keeps the placeholders of the English text', () => {
    for (const [key, text] of catalog) {
      const source = english.get(key) ?? english.get(`${baseOf(key)}_other`)!;
      const expected = new Set(placeholdersOf(source).filter((name) => name !== 'count'));
      const actual = new Set(placeholdersOf(text).filter((name) => name !== 'count'));
      expect(sorted(actual), key).toEqual(sorted(expected));
    }
  });

  it('leaves nothing in English but the listed codes and names', () => {
    const allowed = new Set(SAME_AS_ENGLISH[language] ?? []);
    const same = [...catalog].filter(([key, text]) => text === english.get(key) && !allowed.has(key)).map(([key]) => key);
    expect(same).toEqual([]);
  });

  it('lists as untranslated only keys that are the same as English', () => {
    for (const key of SAME_AS_ENGLISH[language] ?? []) expect(catalog.get(key), key).toBe(english.get(key));
  });
});

describe('the keys the UI asks for', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
    });
  }
  const text = sources(SRC).map((path) => readFileSync(path, 'utf8')).join('\n');
  const areas = Object.keys(catalogOf('en')).join('|');
  // Every quoted 'area.key' (or 'area.group.key') of the UI's code, whether passed to t() directly or chosen by a condition first.
  // The server's error codes share some areas' names (`assessment.answer_conflict`): those are not UI keys.
  const errorCodes = new Set(Object.entries(JSON.parse(readFileSync(join(SRC, '..', '..', 'shared', 'i18n', 'errors', 'en.json'), 'utf8')) as Record<string, Record<string, string>>).flatMap(([area, codes]) => Object.keys(codes).map((code) => `${area}.${code}`)));
  const asked = sorted(new Set([...text.matchAll(new RegExp(`'((?:${areas})(?:\\.[a-z0-9_]+)+)'`, 'g'))].map((m) => m[1]!).filter((key) => !errorCodes.has(key))));
  const keys = new Set([...english.keys()].map(baseOf));

  it('finds the keys it checks (the scan works)', () => {
    expect(asked.length).toBeGreaterThan(150);
    expect(asked).toContain('object.no_outgoing');
  });

  it('asks only for keys the English catalog has', () => {
    expect(asked.filter((key) => !keys.has(baseOf(key)))).toEqual([]);
  });

  it('has a text for every value a key is built from', () => {
    const families: Record<string, readonly string[]> = {
      'tlp.meaning': ['clear', 'green', 'amber', 'amber+strict', 'red'],
      role: ['platform-admin', 'org-admin', 'analyst', 'viewer', 'assessment-team', 'assessment-reviewer', 'focal-point'],
      principal: ['user', 'org', 'community', 'authenticated', 'anonymous'],
      organisation_type: ['member-state', 'sector-member', 'academia', 'associate', 'regional-international'],
      organisation_subtype: ['ministry', 'regulator', 'national-cirt', 'operator', 'vendor', 'bank', 'other'],
      'import.outcome': ['stored', 'duplicate', 'rejected'].map((o) => o),
      admin: ['organisations', 'users', 'communities', 'collections'],
      'assessment.tier': DEFAULT_TIERS.map((tier) => tier.code),
      'assessment.pillar': [...PILLARS],
      'assessment.region': [...m49Scheme().keys()],
      'assessment.regions': ['mean', 'median', 'min', 'max'],
    };
    const missing = Object.entries(families).flatMap(([family, values]) =>
      values.map((value) => (family === 'import.outcome' ? `import.outcome_${value}` : `${family}.${value}`)).filter((key) => !keys.has(key)),
    );
    expect(missing).toEqual([]);
    for (const change of ['added', 'removed', 'changed', 'unchanged']) expect(keys.has(`object.change_${change}`), change).toBe(true);
  });
});
