/**
 * The propose / correct form of a Gateway record, built from its type's declaration (`record-types.ts`) with no
 * branch per type: each field's kind picks a control, the values the form holds are plain strings and lists of
 * strings, and `recordOf` turns them into the record the server checks (`validateRecord`), which answers every
 * problem with its path; `problemsByField` puts each beside its field.
 *
 * Texts by language (`title`, `summary`…) follow the record's languages, which the proposer chooses for the
 * whole form: a language not chosen sends none of its texts, even if some were typed before it was unticked.
 */
import { GCA_INDICATOR_PILLAR, GCA_PILLAR_IDS, M49_AREAS, RECORD_TYPE_SPECS, type FieldKind, type FieldSpec, type GatewayRecord, type RecordInput, type RecordType } from '../../../../shared/gateway/record-types.ts';
import { LANGUAGES, type Language } from '../../../../shared/i18n/languages.ts';
import type { ApiProblem } from '../../api/client.ts';
import { textsOf } from './display-text.ts';

/** How a field is edited. */
export type Control =
  /** one text per chosen language (`text`) */
  | 'texts'
  /** one line of text */
  | 'line'
  /** one address or code, left to right (`url`, `email`) */
  | 'literal'
  /** one of the field's values, or none */
  | 'select'
  /** any of a short list of values (`enum-list`, `pillar-list`) */
  | 'checkboxes'
  /** any of a long list, picked one at a time (`country-list`, `region-list`, `indicator-list`) */
  | 'picker'
  /** one country */
  | 'country'
  /** a full day */
  | 'date'
  /** a day, a month or a year (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) */
  | 'partial-date'
  | 'year'
  /** one item a line (`string-list`, `url-list`) */
  | 'lines'
  /** language codes separated by spaces or commas */
  | 'codes';

export interface FormField {
  spec: FieldSpec;
  control: Control;
  /** The values to choose from, for `select`, `checkboxes` and `picker` (countries come from the server). */
  options: readonly string[];
}

/** The values a form holds: texts by language, strings, and lists of chosen values. */
export type FormValue = string | readonly string[] | Partial<Record<Language, string>>;
export type FormValues = Readonly<Record<string, FormValue>>;

const CONTROL: Readonly<Record<FieldKind, Control>> = {
  text: 'texts',
  plain: 'line',
  enum: 'select',
  'enum-list': 'checkboxes',
  country: 'country',
  'country-list': 'picker',
  'region-list': 'picker',
  date: 'date',
  year: 'year',
  url: 'literal',
  'url-list': 'lines',
  email: 'literal',
  'language-list': 'codes',
  'string-list': 'lines',
  'pillar-list': 'checkboxes',
  'indicator-list': 'picker',
};

const REGIONS = [...M49_AREAS].sort();
const INDICATORS = [...GCA_INDICATOR_PILLAR.keys()];

function optionsOf(spec: FieldSpec): readonly string[] {
  if (spec.kind === 'pillar-list') return GCA_PILLAR_IDS;
  if (spec.kind === 'indicator-list') return INDICATORS;
  if (spec.kind === 'region-list') return REGIONS;
  return spec.values ?? [];
}

/** The form of a record type: its fields in the declaration's order, each with its control. */
export function formModel(type: RecordType): FormField[] {
  return RECORD_TYPE_SPECS[type].fields.map((spec) => ({
    spec,
    control: spec.kind === 'date' && spec.partial ? 'partial-date' : CONTROL[spec.kind],
    options: optionsOf(spec),
  }));
}

const isListControl = (control: Control) => control === 'checkboxes' || control === 'picker';

/** The empty value of a field's control. */
export function emptyValue(field: FormField): FormValue {
  if (field.control === 'texts') return {};
  return isListControl(field.control) ? [] : '';
}

/** An empty form of `type`. */
export function emptyValues(type: RecordType): FormValues {
  return Object.fromEntries(formModel(type).map((field) => [field.spec.name, emptyValue(field)]));
}

const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

/** The form of a record as it is (to correct it). */
export function valuesOf(type: RecordType, record: GatewayRecord): FormValues {
  return Object.fromEntries(
    formModel(type).map((field) => {
      const value = record[field.spec.name];
      if (value === undefined) return [field.spec.name, emptyValue(field)];
      if (field.control === 'texts') return [field.spec.name, Object.fromEntries(textsOf(value))];
      if (isListControl(field.control)) return [field.spec.name, listOf(value)];
      if (field.control === 'lines') return [field.spec.name, listOf(value).join('\n')];
      if (field.control === 'codes') return [field.spec.name, listOf(value).join(', ')];
      return [field.spec.name, String(value)];
    }),
  );
}

/** The languages a record is written in (those its texts set), in the order of the six. */
export function languagesOf(type: RecordType, record: GatewayRecord): Language[] {
  const given = new Set(formModel(type).filter((f) => f.control === 'texts').flatMap((f) => [...textsOf(record[f.spec.name]).keys()]));
  return LANGUAGES.filter((language) => given.has(language));
}

const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');

/**
 * The record the form says, as the server takes it: texts in the chosen languages only, blanks left out,
 * lists split (one a line; language codes by spaces, commas or semicolons), a year as a number when it is one.
 * The server checks the rest and answers each problem by its path.
 */
export function recordOf(type: RecordType, values: FormValues, languages: readonly Language[]): RecordInput {
  const record: Record<string, unknown> = {};
  for (const field of formModel(type)) {
    const name = field.spec.name;
    const value = values[name];
    if (value === undefined) continue;
    if (field.control === 'texts') {
      const texts = value as Partial<Record<Language, string>>;
      const chosen = Object.fromEntries(languages.flatMap((language) => (texts[language]?.trim() ? [[language, texts[language]!.trim()]] : [])));
      if (Object.keys(chosen).length > 0) record[name] = chosen;
    } else if (isListControl(field.control)) {
      const chosen = value as readonly string[];
      if (chosen.length > 0) record[name] = [...chosen];
    } else {
      const text = (value as string).trim();
      if (text === '') continue;
      if (field.control === 'lines') record[name] = lines(text);
      else if (field.control === 'codes') record[name] = text.split(/[\s,;،、，]+/).filter((code) => code !== '').map((code) => code.toLowerCase());
      else if (field.control === 'year') record[name] = /^\d{1,4}$/.test(text) ? Number(text) : text;
      else record[name] = text;
    }
  }
  return record;
}

/** The field a problem is about: as the server names it, else the first member of its path (`$.title.ar` → `title`). */
export function fieldOfProblem(problem: ApiProblem): string | undefined {
  if (problem.field) return problem.field;
  return /^\$\.([A-Za-z_][A-Za-z0-9_]*)/.exec(problem.path)?.[1];
}

/** The language of a problem inside a text field (`$.title.ar` → `ar`), if it is about one language. */
export function languageOfProblem(problem: ApiProblem): Language | undefined {
  const language = /^\$\.[A-Za-z_][A-Za-z0-9_]*\.([a-z]{2})$/.exec(problem.path)?.[1];
  return LANGUAGES.find((l) => l === language);
}

/** The problems of an answer by the form's field they are about, and those about no field of the form. */
export function problemsByField(type: RecordType, problems: readonly ApiProblem[]): { byField: Map<string, ApiProblem[]>; other: ApiProblem[] } {
  const names = new Set(RECORD_TYPE_SPECS[type].fields.map((f) => f.name));
  const byField = new Map<string, ApiProblem[]>();
  const other: ApiProblem[] = [];
  for (const problem of problems) {
    const field = fieldOfProblem(problem);
    if (field !== undefined && names.has(field)) byField.set(field, [...(byField.get(field) ?? []), problem]);
    else other.push(problem);
  }
  return { byField, other };
}
