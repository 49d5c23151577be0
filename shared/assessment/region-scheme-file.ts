/**
 * A region scheme as a CSV file (ITU regions, the Arab States, the least developed countries…), read whole
 * before anything is stored: the regions of the scheme, each with its name and countries, or every problem
 * of the file with its rule code, line and column. A file with any problem is refused whole.
 *
 * The file (RFC 4180, see csv.ts), one row per region and country:
 *
 *     region,name,country,name_ar,name_fr
 *     ARB,Arab States,TN,الدول العربية,États arabes
 *     ARB,,EG
 *     LDC,Least developed countries,YE
 *
 * - Columns, in any order, named in any case: `region`, `name` and `country`, required; `name_ar`,
 *   `name_zh`, `name_en`, `name_fr`, `name_ru`, `name_es` (the region's name in that language), optional. No
 *   other column, none twice.
 * - `region`: the region's code, 1 to 64 letters, digits, `.`, `_` or `-`, kept as written (case counts).
 * - `country`: an assigned ISO 3166-1 alpha-2 code, any case (stored upper case). A country may belong to
 *   several regions of a scheme; the same region and country twice is a problem.
 * - `name` and `name_<lang>`: on at least one row of the region; a row that leaves one empty takes the
 *   region's name from its other rows, and two rows that give different names are a problem. Names are
 *   trimmed and NFC, at most 200 characters.
 * - Empty lines, and lines of empty fields only (spreadsheets write them), are skipped.
 */
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import type { AssessmentProblem } from './framework-validation.ts';
import { countryByAlpha2 } from './iso3166.ts';
import { parseCsv } from './csv.ts';

/** A problem of a region scheme file: where it is (`line`, 1 for the header; `column`, when one is at fault) besides `path` (`line 7, country`). */
export interface RegionSchemeProblem extends AssessmentProblem {
  line: number;
  column: string | null;
}

export interface SchemeRegion {
  /** The region's code, as the file writes it. */
  region: string;
  name: string;
  /** The region's name in each language the file gives one for. */
  names: Partial<Record<Language, string>>;
  /** ISO 3166-1 alpha-2 codes, sorted. */
  countries: string[];
}

export const REGION_CODE_MAX = 64;
export const REGION_NAME_MAX = 200;
const REGION_CODE = new RegExp(`^[\\p{L}\\p{N}._-]{1,${REGION_CODE_MAX}}$`, 'u');
const REQUIRED = ['region', 'name', 'country'] as const;
const NAME_COLUMNS = LANGUAGES.map((language) => `name_${language}` as const);
const COLUMNS: readonly string[] = [...REQUIRED, ...NAME_COLUMNS];

type NameColumn = 'name' | (typeof NAME_COLUMNS)[number];

interface RegionDraft {
  line: number;
  names: Map<NameColumn, { value: string; line: number }>;
  countries: Map<string, number>;
}

const problem = (rule: AssessmentProblem['rule'], line: number, column: string | null, message: string): RegionSchemeProblem => ({
  rule,
  path: column ? `line ${line}, ${column}` : `line ${line}`,
  line,
  column,
  message,
});

/**
 * The regions of a region scheme file, sorted by code, or every problem that keeps it from being imported
 * (then `regions` is undefined).
 * @example readRegionScheme('region,name,country\nARB,Arab States,TN\n').regions // [{ region: 'ARB', name: 'Arab States', names: {}, countries: ['TN'] }]
 */
export function readRegionScheme(text: string): { regions: SchemeRegion[] | undefined; problems: RegionSchemeProblem[] } {
  const [head, ...rows] = parseCsv(text);
  const header = head?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  const problems: RegionSchemeProblem[] = [];
  header.forEach((name, i) => {
    if (!COLUMNS.includes(name)) problems.push(problem('region-scheme-unknown-column', 1, name, `"${name}" is not a column of a region scheme; the columns are ${COLUMNS.join(', ')}`));
    else if (header.indexOf(name) !== i) problems.push(problem('region-scheme-duplicate-column', 1, name, `the column "${name}" is named twice`));
  });
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (missing.length) {
    problems.push(problem('region-scheme-missing-column', 1, null, `the header needs the columns ${REQUIRED.join(', ')}; it lacks ${missing.join(', ')}`));
    return { regions: undefined, problems };
  }
  const at = (row: readonly string[], column: string) => (row[header.indexOf(column)] ?? '').trim();
  const given = NAME_COLUMNS.filter((column) => header.includes(column));
  const regions = new Map<string, RegionDraft>();
  for (const { line, fields } of rows) {
    if (fields.every((field) => field.trim() === '')) continue;
    if (fields.length > header.length) {
      problems.push(problem('region-scheme-bad-row', line, null, `the line has ${fields.length} fields, the header ${header.length}`));
      continue;
    }
    const code = at(fields, 'region');
    if (!REGION_CODE.test(code)) {
      problems.push(problem('region-scheme-bad-region', line, 'region', code === '' ? 'the region code is empty' : `"${code}" is not a region code: 1 to ${REGION_CODE_MAX} letters, digits, ".", "_" or "-"`));
    }
    const written = at(fields, 'country');
    const country = countryByAlpha2(written)?.alpha2;
    if (!country) {
      problems.push(problem('region-scheme-unknown-country', line, 'country', written === '' ? 'the country code is empty' : `unknown country code "${written}": not an assigned ISO 3166-1 alpha-2 code`));
    }
    if (!REGION_CODE.test(code)) continue;
    const region = regions.get(code) ?? { line, names: new Map(), countries: new Map() };
    regions.set(code, region);
    for (const column of ['name', ...given] as const) {
      const name = at(fields, column).normalize('NFC');
      if (name === '') continue;
      const earlier = region.names.get(column);
      if (name.length > REGION_NAME_MAX) problems.push(problem('region-scheme-bad-name', line, column, `the name has ${name.length} characters, more than ${REGION_NAME_MAX}`));
      if (!earlier) region.names.set(column, { value: name, line });
      else if (earlier.value !== name) problems.push(problem('region-scheme-conflicting-name', line, column, `region "${code}" is named "${earlier.value}" on line ${earlier.line} and "${name}" here`));
    }
    if (!country) continue;
    const first = region.countries.get(country);
    if (first !== undefined) problems.push(problem('region-scheme-duplicate-row', line, 'country', `${country} is in region "${code}" already (line ${first})`));
    else region.countries.set(country, line);
  }
  for (const [code, region] of regions) {
    if (!region.names.has('name')) problems.push(problem('region-scheme-bad-name', region.line, 'name', `region "${code}" has no name on any of its lines`));
  }
  if (rows.every(({ fields }) => fields.every((field) => field.trim() === ''))) problems.push(problem('region-scheme-empty', 1, null, 'the file has no regions: one line per region and country'));
  if (problems.length) return { regions: undefined, problems: problems.sort((a, b) => a.line - b.line) };
  const schemeRegions = [...regions]
    .map(([code, region]): SchemeRegion => ({
      region: code,
      name: region.names.get('name')!.value,
      names: Object.fromEntries(LANGUAGES.flatMap((language) => {
        const name = region.names.get(`name_${language}`);
        return name ? [[language, name.value]] : [];
      })),
      countries: [...region.countries.keys()].sort(),
    }))
    .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
  return { regions: schemeRegions, problems: [] };
}
