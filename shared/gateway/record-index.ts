/**
 * What the Gateway's store indexes of a record, computed from the record alone, so the server, the benchmark
 * and any later bulk import index alike on both databases:
 * - its search terms (`search-terms.ts`) from every text in every language, and from its plain and
 *   string-list fields (a standard's identifier, an initiative's partners): a query finds the record when
 *   every query term is among them;
 * - its facets, each a (facet, value) pair: `type`; `country` (every country and country-list field);
 *   `region` (the UN M49 region and sub-region of those countries, and the areas its region-list fields name);
 *   `pillar` (its GCA pillars, and the pillar of each GCA indicator it names); `language` (the languages its
 *   texts are written in); `year` (the type's own year and date fields: when it was adopted, signed, held —
 *   not `last_verified`, which says when the facts were checked);
 * - its duplicate keys: a record is a likely duplicate of another when they share one. A title key is the type,
 *   a country (none for a record naming no country) and the normalised form of one of its titles, in any
 *   language (`normaliseTitle`: case, accents, diacritics, articles, plurals and word order set aside); a
 *   source key is the normalised source URL.
 */
import { countryByAlpha2 } from '../assessment/iso3166.ts';
import { isLanguage, LANGUAGES, type Language } from '../i18n/languages.ts';
import { COMMON_FIELDS, GCA_INDICATOR_PILLAR, RECORD_TYPE_SPECS, type FieldSpec, type GatewayRecord, type MultilingualText, type RecordType } from './record-types.ts';
import { normaliseTitle, termsOf } from './search-terms.ts';

export const FACETS = ['type', 'country', 'region', 'pillar', 'language', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** One facet value of a record. */
export interface FacetValue {
  facet: Facet;
  value: string;
}

export type DuplicateReason = 'title' | 'source_url';

/** A key two likely duplicates share: why, and the key's text (long: stores keep a digest of it). */
export interface DuplicateKey {
  reason: DuplicateReason;
  key: string;
}

const COMMON = new Set(COMMON_FIELDS.map((f) => f.name));
const fieldsOf = (type: RecordType, kinds: readonly FieldSpec['kind'][]) => RECORD_TYPE_SPECS[type].fields.filter((f) => kinds.includes(f.kind));
const listOf = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const textsOf = (value: unknown): MultilingualText => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as MultilingualText) : {});
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The languages a record's texts are written in, in the order of `LANGUAGES`. */
export function recordLanguages(type: RecordType, record: GatewayRecord): Language[] {
  const given = new Set<string>();
  for (const field of fieldsOf(type, ['text'])) for (const [language, text] of Object.entries(textsOf(record[field.name]))) if (text) given.add(language);
  return LANGUAGES.filter((language) => given.has(language) && isLanguage(language));
}

/** The countries a record names (its country and country-list fields), distinct, in the order given. */
export function recordCountries(type: RecordType, record: GatewayRecord): string[] {
  return [...new Set(fieldsOf(type, ['country', 'country-list']).flatMap((field) => listOf(record[field.name])))];
}

/** The distinct search terms of a record (see the module's note). */
export function recordTerms(type: RecordType, record: GatewayRecord): string[] {
  const terms = new Set<string>();
  for (const field of fieldsOf(type, ['text', 'plain', 'string-list'])) {
    const value = record[field.name];
    const texts = field.kind === 'text' ? Object.values(textsOf(value)) : listOf(value);
    // Each text on its own: Chinese bigrams must not run from the end of one text into the next.
    for (const text of texts) for (const term of termsOf(text ?? '')) terms.add(term);
  }
  return [...terms];
}

/** The distinct facet values of a record, by facet and then value (code point order). */
export function recordFacets(type: RecordType, record: GatewayRecord): FacetValue[] {
  const values = new Map<Facet, Set<string>>(FACETS.map((facet) => [facet, new Set<string>()]));
  const add = (facet: Facet, value: string | null | undefined) => value && values.get(facet)!.add(value);
  add('type', type);
  for (const country of recordCountries(type, record)) {
    add('country', country);
    const codes = countryByAlpha2(country);
    add('region', codes?.region);
    add('region', codes?.subRegion);
  }
  for (const field of fieldsOf(type, ['region-list'])) for (const area of listOf(record[field.name])) add('region', area);
  for (const pillar of listOf(record.pillars)) add('pillar', pillar);
  for (const indicator of listOf(record.indicators)) add('pillar', GCA_INDICATOR_PILLAR.get(indicator));
  for (const language of recordLanguages(type, record)) add('language', language);
  for (const field of fieldsOf(type, ['year', 'date'])) {
    if (COMMON.has(field.name)) continue;
    const value = record[field.name];
    if (typeof value === 'number') add('year', String(value));
    else if (typeof value === 'string') add('year', value.slice(0, 4));
  }
  return FACETS.flatMap((facet) => [...values.get(facet)!].sort(byCode).map((value) => ({ facet, value })));
}

/**
 * A source URL in the form two addresses of one page share: scheme, `www.`, default port, fragment, a
 * trailing `/`, `utm_*` parameters and the order of the others set aside; the host in lower case, the path as
 * written. An address that does not parse is kept trimmed.
 * @example normaliseSourceUrl('HTTPS://www.Example.org/strategy/?b=2&utm_source=x&a=1#top') === 'example.org/strategy?a=1&b=2'
 */
export function normaliseSourceUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  const params = [...parsed.searchParams].filter(([name]) => !name.toLowerCase().startsWith('utm_')).sort(([a, x], [b, y]) => byCode(a, b) || byCode(x, y));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path}${query}`;
}

/** The duplicate keys of a record (see the module's note), distinct. */
export function duplicateKeys(type: RecordType, record: GatewayRecord): DuplicateKey[] {
  const keys = new Map<string, DuplicateKey>();
  const countries = recordCountries(type, record);
  for (const text of Object.values(textsOf(record.title))) {
    const title = normaliseTitle(text ?? '');
    if (title === '') continue;
    for (const country of countries.length ? countries : ['']) {
      const key = `title\u001f${type}\u001f${country}\u001f${title}`;
      keys.set(key, { reason: 'title', key });
    }
  }
  if (typeof record.source_url === 'string') {
    const key = `source_url\u001f${normaliseSourceUrl(record.source_url)}`;
    keys.set(key, { reason: 'source_url', key });
  }
  return [...keys.values()];
}
