/**
 * Checks a Gateway record against its type's declaration (`record-types.ts`): no field the type lacks, every
 * required field given, every value of its field's kind. Every finding is a problem with a rule code
 * (`GATEWAY_RULES`, a sentence for each in the six problem catalogs), a JSON path, the field, and a message
 * in English that names no path (bulk files say where in their own terms: line and column).
 *
 * Absent is the same as empty: a field left out, `null`, `""`, `[]` or a text with no language are all "not
 * given", so a record reads the same from JSON and from a CSV row whose cell is empty.
 */
import { countryByAlpha2 } from '../assessment/iso3166.ts';
import { isLanguage, LANGUAGES, type Language } from '../i18n/languages.ts';
import {
  fieldsOf,
  GCA_INDICATOR_PILLAR,
  GCA_PILLAR_IDS,
  isRecordType,
  M49_AREAS,
  RECORD_TYPES,
  YEAR_MAX,
  YEAR_MIN,
  type FieldSpec,
  type FieldValue,
  type GatewayRecord,
  type MultilingualText,
} from './record-types.ts';
import { EXPECTED_SCRIPT, inExpectedScript } from './text-script.ts';

export const GATEWAY_RULES = [
  'gateway-unknown-type',
  'gateway-not-an-object',
  'gateway-unknown-field',
  'gateway-missing-field',
  'gateway-wrong-kind',
  'gateway-too-long',
  'gateway-unknown-text-language',
  'gateway-unexpected-script',
  'gateway-unknown-value',
  'gateway-unknown-country',
  'gateway-unknown-region',
  'gateway-malformed-date',
  'gateway-bad-year',
  'gateway-malformed-url',
  'gateway-malformed-email',
  'gateway-unknown-language',
  'gateway-unknown-pillar',
  'gateway-unknown-indicator',
  'gateway-bad-list-item',
  'gateway-file-format',
  'gateway-file-too-large',
  'gateway-file-too-many-rows',
  'gateway-file-empty',
  'gateway-missing-column',
  'gateway-unknown-column',
  'gateway-duplicate-column',
  'gateway-bad-row',
] as const;
export type GatewayRule = (typeof GATEWAY_RULES)[number];

export interface GatewayProblem {
  rule: GatewayRule;
  path: string;
  message: string;
  /** The field at fault, when one is (for an unknown field, the name given). */
  field?: string;
}

/** Defaults where a field declares no `max`: characters of a plain text, items of a list. */
export const PLAIN_TEXT_MAX = 500;
export const LIST_ITEMS_MAX = 500;
export const URL_MAX = 2_048;
const EMAIL_MAX = 254;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The JSON path of a member: `$.title`, or `$["odd key"]`. */
export const member = (at: string, key: string) => (IDENTIFIER.test(key) ? `${at}.${key}` : `${at}[${JSON.stringify(key)}]`);
/** How every text is kept: NFC, trimmed. */
export const normaliseText = (text: string) => text.normalize('NFC').trim();
const quote = (value: unknown) => JSON.stringify(typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…` : value) ?? String(value);

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const EMAIL = /^[^\s@;,<>"]+@[^\s@;,<>"]+\.[^\s@;,<>".]+$/;
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
let languageNames: Intl.DisplayNames | undefined;

class Checker {
  readonly problems: GatewayProblem[] = [];
  report(rule: GatewayRule, path: string, field: string, message: string): void {
    this.problems.push({ rule, path, field, message });
  }
}

/**
 * The record in `input` for a record of `type`, normalised, or the problems that keep it from being one
 * (then `record` is undefined). `at` is where the record sits in a larger document: every path starts there.
 * @example validateRecord('standard', { title: { en: 'Information security management' }, source_url: 'https://www.iso.org/standard/27001', body: 'ISO/IEC', identifier: 'ISO/IEC 27001:2022' })
 */
export function validateRecord(type: string, input: unknown, at = '$'): { record: GatewayRecord | undefined; problems: GatewayProblem[] } {
  const check = new Checker();
  if (!isRecordType(type)) {
    check.problems.push({ rule: 'gateway-unknown-type', path: at, message: `${quote(type)} is not a record type; the types are ${RECORD_TYPES.join(', ')}` });
    return { record: undefined, problems: check.problems };
  }
  if (!isObject(input)) {
    check.problems.push({ rule: 'gateway-not-an-object', path: at, message: 'a record is a JSON object of its fields' });
    return { record: undefined, problems: check.problems };
  }
  const fields = fieldsOf(type);
  for (const key of Object.keys(input)) {
    if (!fields.has(key)) check.report('gateway-unknown-field', member(at, key), key, `${quote(key)} is not a field of a ${type} record; the fields are ${[...fields.keys()].join(', ')}`);
  }
  const record: Record<string, FieldValue> = {};
  for (const spec of fields.values()) {
    const path = member(at, spec.name);
    const raw = Object.hasOwn(input, spec.name) ? input[spec.name] : undefined;
    const absent = isAbsent(raw, spec);
    const value = absent ? undefined : checkValue(spec, raw, path, check);
    if (value !== undefined) record[spec.name] = value;
    else if (spec.required && absent) check.report('gateway-missing-field', path, spec.name, spec.kind === 'text' ? `the ${spec.name} is required, in at least one of ${LANGUAGES.join(', ')}` : `the ${spec.name} is required`);
  }
  return { record: check.problems.length ? undefined : record, problems: check.problems };
}

/** Whether a value counts as not given (see the module's note). */
function isAbsent(value: unknown, spec: FieldSpec): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value) && spec.kind === 'text') return Object.entries(value).every(([language, text]) => isLanguage(language) && typeof text === 'string' && text.trim() === '');
  return false;
}

function checkValue(spec: FieldSpec, raw: unknown, path: string, check: Checker): FieldValue | undefined {
  const { name, kind } = spec;
  if (kind === 'text') return checkText(spec, raw, path, check);
  if (kind === 'year') return checkYear(name, raw, path, check);
  if (kind.endsWith('-list')) {
    if (!Array.isArray(raw)) return void check.report('gateway-wrong-kind', path, name, `the ${name} is a list (in CSV, items separated by ";")`);
    const max = spec.max ?? LIST_ITEMS_MAX;
    if (raw.length > max) return void check.report('gateway-too-long', path, name, `the ${name} has ${raw.length} items, more than ${max}`);
    const seen = new Map<string, number>();
    const itemOf = (entry: unknown, i: number): string | undefined => {
      const at = `${path}[${i}]`;
      if (typeof entry !== 'string') return void check.report('gateway-wrong-kind', at, name, `item ${i + 1} of the ${name} is not a text`);
      const text = normaliseText(entry);
      if (text === '') return void check.report('gateway-bad-list-item', at, name, `item ${i + 1} of the ${name} is empty`);
      if (text.includes(';')) return void check.report('gateway-bad-list-item', at, name, `item ${i + 1} of the ${name} contains ";", which separates items in CSV`);
      const item = checkScalar(spec, text, at, check, i + 1);
      if (item === undefined) return undefined;
      const first = seen.get(item);
      if (first !== undefined) return void check.report('gateway-bad-list-item', at, name, `${quote(item)} is in the ${name} twice (items ${first} and ${i + 1})`);
      seen.set(item, i + 1);
      return item;
    };
    const items = raw.map(itemOf);
    return items.every((item): item is string => item !== undefined) ? items : undefined;
  }
  if (typeof raw !== 'string') return void check.report('gateway-wrong-kind', path, name, `the ${name} is a text, not ${Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'an object' : `a ${typeof raw}`}`);
  return checkScalar(spec, normaliseText(raw), path, check);
}

function checkText(spec: FieldSpec, raw: unknown, path: string, check: Checker): MultilingualText | undefined {
  const { name } = spec;
  if (!isObject(raw)) return void check.report('gateway-wrong-kind', path, name, `the ${name} is an object of texts by language (${LANGUAGES.join(', ')}), such as {"en": "…"}`);
  const max = spec.max ?? PLAIN_TEXT_MAX;
  const texts = new Map<Language, string>();
  let ok = true;
  for (const [key, value] of Object.entries(raw)) {
    const at = member(path, key);
    const fail = (rule: GatewayRule, message: string) => {
      ok = false;
      check.report(rule, at, name, message);
    };
    if (!isLanguage(key)) fail('gateway-unknown-text-language', `${quote(key)} is not one of the languages ${LANGUAGES.join(', ')}`);
    else if (typeof value !== 'string') fail('gateway-wrong-kind', `the ${name} in ${key} is not a text`);
    else {
      const text = normaliseText(value);
      if (text.length > max) fail('gateway-too-long', `the ${name} in ${key} has ${text.length} characters, more than ${max}`);
      else if (!inExpectedScript(key, text)) fail('gateway-unexpected-script', `the ${name} given in ${key} has no letter of the ${EXPECTED_SCRIPT[key]} script: is it filed under the right language?`);
      else if (text !== '') texts.set(key, text);
    }
  }
  return ok ? Object.fromEntries(LANGUAGES.flatMap((l) => (texts.has(l) ? [[l, texts.get(l)!]] : []))) : undefined;
}

function checkYear(name: string, raw: unknown, path: string, check: Checker): number | undefined {
  const year = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{4}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX) return year;
  check.report('gateway-bad-year', path, name, `${quote(raw)} is not a year from ${YEAR_MIN} to ${YEAR_MAX}`);
  return undefined;
}

/** One text value, or one item of a list (`item`, counted from 1), of the field's kind, in its canonical form. */
function checkScalar(spec: FieldSpec, text: string, path: string, check: Checker, item?: number): string | undefined {
  const { name } = spec;
  const what = item === undefined ? `the ${name}` : `item ${item} of the ${name}`;
  const fail = (rule: GatewayRule, message: string) => void check.report(rule, path, name, message);
  switch (spec.kind) {
    case 'plain':
    case 'string-list': {
      const max = spec.kind === 'plain' ? (spec.max ?? PLAIN_TEXT_MAX) : PLAIN_TEXT_MAX;
      return text.length > max ? fail('gateway-too-long', `${what} has ${text.length} characters, more than ${max}`) : text;
    }
    case 'enum':
    case 'enum-list': {
      const code = text.toLowerCase();
      return spec.values?.includes(code) ? code : fail('gateway-unknown-value', `${quote(text)} is not a value of the ${name}; the values are ${spec.values?.join(', ')}`);
    }
    case 'country':
    case 'country-list':
      return countryByAlpha2(text)?.alpha2 ?? fail('gateway-unknown-country', `unknown country code ${quote(text)}: not an assigned ISO 3166-1 alpha-2 code`);
    case 'region-list':
      return M49_AREAS.has(text) ? text : fail('gateway-unknown-region', `${quote(text)} is not a UN M49 region code (three digits, such as 002 for Africa or 145 for Western Asia)`);
    case 'date':
      return checkDate(text, spec.partial === true) ? text : fail('gateway-malformed-date', `${quote(text)} is not a date: write YYYY-MM-DD${spec.partial ? ', YYYY-MM or YYYY' : ''}, a real day from ${YEAR_MIN} to ${YEAR_MAX}`);
    case 'url':
    case 'url-list':
      return isWebAddress(text) ? text : fail('gateway-malformed-url', `${quote(text)} is not an http or https address`);
    case 'email':
      return text.length <= EMAIL_MAX && EMAIL.test(text) ? text : fail('gateway-malformed-email', `${quote(text)} is not an e-mail address`);
    case 'language-list':
      return languageCode(text) ?? fail('gateway-unknown-language', `${quote(text)} is not an ISO 639 language code (two or three letters, such as ar, pt or fil)`);
    case 'pillar-list': {
      const id = text.toLowerCase();
      return GCA_PILLAR_IDS.includes(id) ? id : fail('gateway-unknown-pillar', `${quote(text)} is not a GCA pillar; the pillars are ${GCA_PILLAR_IDS.join(', ')}`);
    }
    case 'indicator-list': {
      const id = text.toLowerCase();
      return GCA_INDICATOR_PILLAR.has(id) ? id : fail('gateway-unknown-indicator', `${quote(text)} is not an indicator of the GCA framework (such as legal-cybercrime or technical-national-cirt)`);
    }
    default:
      return fail('gateway-wrong-kind', `${what} cannot be given as a text`);
  }
}

/** `YYYY-MM-DD` of a real day (or, when `partial`, `YYYY-MM` or `YYYY`), of a year in range. */
function checkDate(text: string, partial: boolean): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < YEAR_MIN || year > YEAR_MAX) return false;
  if (d === undefined && !partial) return false;
  if (m === undefined) return true;
  const month = Number(m);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isWebAddress(text: string): boolean {
  if (text.length > URL_MAX || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && /^https?:\/\//i.test(text);
  } catch {
    return false;
  }
}

/** The canonical ISO 639 code (`eng` → `en`, `iw` → `he`) of a language ICU knows, or undefined. */
function languageCode(text: string): string | undefined {
  const code = text.toLowerCase();
  if (!LANGUAGE_CODE.test(code)) return undefined;
  try {
    const canonical = Intl.getCanonicalLocales(code)[0];
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    return canonical !== undefined && languageNames.of(canonical) !== undefined ? canonical : undefined;
  } catch {
    return undefined;
  }
}
