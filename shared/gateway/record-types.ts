/**
 * The Gateway's record types, declared as data: what a registry entry of each kind holds (an initiative, a
 * national strategy, a CIRT…), field by field, each with a kind and whether it is required. Generic code
 * acts on the declarations: validation (`record-validation.ts`) and bulk files (`record-file.ts`) have no
 * branch per type.
 *
 * Every type has the common fields first (`COMMON_FIELDS`): `title` (required) and `summary` in one or more
 * of the six languages, `source_url` (required: where the facts come from), `last_verified` (the day someone
 * last checked them), and the GCA `pillars` and `indicators` the record concerns. Which languages a record is
 * written in follows from the keys its texts set; nothing else states it.
 *
 * GCA ids are those of the shipped commitment framework (`../assessment/frameworks/gca-commitment.json`),
 * imported as a JSON module (as `shared/i18n` imports its catalogs), so the server, the CLI and the web UI
 * accept the same ids with no file reading and no argument to pass: a new framework version that renames an
 * indicator changes what is accepted here, and `record-types.test.ts` says so.
 */
import gca from '../assessment/frameworks/gca-commitment.json' with { type: 'json' };
import type { Language } from '../i18n/languages.ts';
import { COUNTRY_CODES } from '../assessment/iso3166.ts';

export const RECORD_TYPES = ['initiative', 'strategy', 'cirt', 'legislation', 'agreement', 'standard', 'exercise', 'resource', 'assistance'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * What a field holds. As a record (JSON) and as CSV cells:
 * - `text`: a text in one or more of the six languages, `{ "en": "…", "ar": "…" }`; CSV columns `<field>_<lang>`.
 * - `plain`: one line or paragraph of text in no particular language (a name, an identifier).
 * - `enum` / `enum-list`: one / several of the field's `values` (stable codes, lower case).
 * - `country` / `country-list`: ISO 3166-1 alpha-2 codes (upper case), as `shared/assessment/iso3166.ts` knows them.
 * - `region-list`: UN M49 area codes, three digits (`M49_AREAS`).
 * - `date`: `YYYY-MM-DD`; where `partial`, also `YYYY-MM` or `YYYY` (a law "of 2019").
 * - `year`: a number from `YEAR_MIN` to `YEAR_MAX` (a JSON number, or four digits as text, as a CSV cell has it).
 * - `url` / `url-list`: absolute http or https addresses. `email`: one address.
 * - `language-list`: ISO 639 language codes of any language (a strategy in Portuguese), as ICU knows them.
 * - `string-list`: short free texts (organisations, memberships).
 * - `pillar-list` / `indicator-list`: ids of the GCA framework's pillars / indicators.
 * Lists are JSON arrays, and in CSV one cell with the items separated by `;`: no item may contain `;`.
 */
export type FieldKind =
  | 'text'
  | 'plain'
  | 'enum'
  | 'enum-list'
  | 'country'
  | 'country-list'
  | 'region-list'
  | 'date'
  | 'year'
  | 'url'
  | 'url-list'
  | 'email'
  | 'language-list'
  | 'string-list'
  | 'pillar-list'
  | 'indicator-list';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** The value codes of an `enum` or `enum-list` field. */
  values?: readonly string[];
  /** A `date` that may be a month (`YYYY-MM`) or a year (`YYYY`) only. */
  partial?: boolean;
  /** At most this many characters (texts, per language) or items (lists); defaults in `record-validation.ts`. */
  max?: number;
}

export interface RecordTypeSpec {
  type: RecordType;
  /** The common fields, then the type's own, in the order files list their columns. */
  fields: readonly FieldSpec[];
}

/** A text in one or more of the six languages. */
export type MultilingualText = Partial<Record<Language, string>>;
/** A field's value in a valid record: texts by language, strings, numbers (years) or lists of strings. */
export type FieldValue = string | number | readonly string[] | MultilingualText;
/**
 * A valid record: a plain JSON object of its fields (absent when not given; lists never empty), normalised:
 * texts trimmed and NFC, codes in their canonical case. The type is not inside: it is known from where the record is.
 */
export type GatewayRecord = { readonly [field: string]: FieldValue };
/** A record as it comes in (a JSON body, a row of a file): anything, checked by `validateRecord`. */
export type RecordInput = { readonly [field: string]: unknown };

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

const field = (name: string, kind: FieldKind, options: Partial<Omit<FieldSpec, 'name' | 'kind'>> = {}): FieldSpec => ({ name, kind, required: false, ...options });
const required = (name: string, kind: FieldKind, options: Partial<Omit<FieldSpec, 'name' | 'kind'>> = {}) => field(name, kind, { ...options, required: true });
const oneOf = (...values: string[]) => ({ values });

export const COMMON_FIELDS: readonly FieldSpec[] = [
  required('title', 'text', { max: 500 }),
  field('summary', 'text', { max: 10_000 }),
  required('source_url', 'url'),
  field('last_verified', 'date'),
  field('pillars', 'pillar-list'),
  field('indicators', 'indicator-list'),
];

const OWN_FIELDS: Readonly<Record<RecordType, readonly FieldSpec[]>> = {
  initiative: [
    required('scope', 'enum', oneOf('national', 'regional', 'international')),
    field('lead_organisation', 'plain'),
    field('partners', 'string-list'),
    field('status', 'enum', oneOf('planned', 'ongoing', 'completed', 'discontinued')),
    field('start_date', 'date', { partial: true }),
    field('end_date', 'date', { partial: true }),
    field('countries', 'country-list'),
    field('regions', 'region-list'),
  ],
  strategy: [
    required('country', 'country'),
    field('year', 'year'),
    field('status', 'enum', oneOf('draft', 'adopted', 'under-revision', 'superseded')),
    field('languages', 'language-list'),
    field('document_url', 'url'),
  ],
  cirt: [
    // Optional: a team of the EU institutions, or a regional team, has no one country.
    field('country', 'country'),
    field('kind', 'enum', oneOf('national', 'government', 'sector', 'other')),
    field('established', 'year'),
    field('constituency', 'text', { max: 2_000 }),
    field('website', 'url'),
    field('contact_email', 'email'),
    field('memberships', 'string-list'),
    field('links', 'url-list'),
  ],
  legislation: [
    required('country', 'country'),
    // A law may be several at once: a cybercrime act often holds substantive and procedural provisions.
    required('kinds', 'enum-list', oneOf('cybercrime-substantive', 'cybercrime-procedural', 'data-protection', 'child-online-protection', 'critical-infrastructure', 'e-transactions')),
    field('year', 'year'),
    field('document_url', 'url'),
  ],
  agreement: [
    required('form', 'enum', oneOf('bilateral', 'multilateral')),
    field('countries', 'country-list'),
    field('organisations', 'string-list'),
    field('subject', 'text', { max: 2_000 }),
    field('status', 'enum', oneOf('negotiation', 'signed', 'in-force', 'expired', 'terminated')),
    field('signed_date', 'date', { partial: true }),
  ],
  standard: [
    required('body', 'plain'),
    required('identifier', 'plain'),
    field('topics', 'string-list'),
    field('status', 'enum', oneOf('draft', 'published', 'withdrawn', 'superseded')),
  ],
  exercise: [
    required('date', 'date', { partial: true }),
    field('regions', 'region-list'),
    field('organiser', 'plain'),
    field('countries', 'country-list'),
    field('participants', 'string-list'),
  ],
  resource: [
    required('kind', 'enum', oneOf('training', 'guide', 'toolkit')),
    field('audiences', 'enum-list', oneOf('policy-makers', 'technical-staff', 'legal-professionals', 'law-enforcement', 'educators', 'general-public', 'children')),
    field('languages', 'language-list'),
  ],
  assistance: [
    required('provider', 'plain'),
    required('kinds', 'enum-list', oneOf('cirt-establishment', 'strategy-drafting', 'legal-drafting', 'training', 'equipment')),
    field('countries', 'country-list'),
    field('regions', 'region-list'),
  ],
};

function byType<T>(make: (type: RecordType) => T): Readonly<Record<RecordType, T>> {
  const made = {} as Record<RecordType, T>;
  for (const type of RECORD_TYPES) made[type] = make(type);
  return made;
}

export const RECORD_TYPE_SPECS: Readonly<Record<RecordType, RecordTypeSpec>> = byType((type) => ({ type, fields: [...COMMON_FIELDS, ...OWN_FIELDS[type]] }));

/** Whether `type` is the code of a record type. */
export function isRecordType(type: unknown): type is RecordType {
  return typeof type === 'string' && (RECORD_TYPES as readonly string[]).includes(type);
}

const FIELD_MAPS = byType((type): ReadonlyMap<string, FieldSpec> => new Map(RECORD_TYPE_SPECS[type].fields.map((f) => [f.name, f])));

/** The fields of a type by name. */
export function fieldsOf(type: RecordType): ReadonlyMap<string, FieldSpec> {
  return FIELD_MAPS[type];
}

interface GcaFramework {
  pillars: readonly { id: string; indicators: readonly { id: string; subIndicators?: readonly { id: string }[] }[] }[];
}
const framework = gca as GcaFramework;

/** The GCA pillar ids, in the framework's order (legal, technical, organisational, capacity, cooperation). */
export const GCA_PILLAR_IDS: readonly string[] = framework.pillars.map((p) => p.id);
/** Every GCA indicator id (sub-indicators included, should the framework have any) → the pillar it is in. */
export const GCA_INDICATOR_PILLAR: ReadonlyMap<string, string> = new Map(
  framework.pillars.flatMap((p) => p.indicators.flatMap((i) => [i.id, ...(i.subIndicators ?? []).map((s) => s.id)].map((id) => [id, p.id] as const))),
);

/**
 * The UN M49 areas a record may name: the world (001), the regions and sub-regions of `iso3166.ts`, and the
 * intermediate regions (Caribbean, Central and South America, the four parts of sub-Saharan Africa).
 */
export const M49_AREAS: ReadonlySet<string> = new Set([
  '001',
  ...COUNTRY_CODES.flatMap((c) => [c.region, c.subRegion]).filter((code): code is string => code !== null),
  '005', '011', '013', '014', '017', '018', '029',
]);
