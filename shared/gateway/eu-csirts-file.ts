/**
 * The EU CSIRTs Network's list of teams as `cirt` records: the CSV that the reference data converts from the
 * tables of ENISA's CNW README, recognised by its header
 * `country,team,advisory_languages,advisory_titles,advisory_urls,repository_language,repository_url`
 * (several values of one cell joined with `;`). One record per row, built from what the file says and nothing more:
 *
 * - `title`: `{ en: team }`. The names are Latin-script acronyms and names as ENISA writes them in its
 *   English README (`CERT.at`, `NÚKIB`), so English is the language they are filed under.
 * - `country`: the row's code. `EU` and `EUI` (a body of the network, the EU institutions' team) are no
 *   country: the field is left out, which `cirt` allows. Any other code must be a country.
 * - `kind`, `established`, `constituency`, contacts: left out, because the file does not say. (Being in the
 *   network does not make a team the national CSIRT: CERT-Bund and BSI, NÚKIB and GovCERT.CZ are listed apart.)
 * - `source_url`: the first advisory address, else the repository address; the other addresses go to `links`.
 * - `memberships`: `EU CSIRTs Network`; `pillars`: `technical` (GCA's pillar of CIRTs). No indicator: which
 *   one (national CIRT, sectoral CIRTs) depends on the kind the file does not give.
 * - Advisory titles and languages are left out: they describe the team's pages, not the team, and the
 *   languages are written as the README has them (`EE`, `EN/CS`), not as language codes.
 *
 * Each record goes through `validateRecord`; a problem names the row's line and the file's column.
 */
import type { CsvRow } from '../assessment/csv.ts';
import type { RecordFileProblem, RecordFileRow } from './record-file.ts';
import { member, validateRecord } from './record-validation.ts';

export const EU_CSIRTS_COLUMNS = ['country', 'team', 'advisory_languages', 'advisory_titles', 'advisory_urls', 'repository_language', 'repository_url'] as const;
export const EU_CSIRTS_NETWORK = 'EU CSIRTs Network';
/** Codes of the list that name no country: the EU's bodies and institutions. */
export const EU_CSIRTS_NOT_COUNTRIES: ReadonlySet<string> = new Set(['EU', 'EUI']);

/** Whether a header (trimmed, lower case) is that of the EU CSIRTs Network list: its seven columns, each once. */
export function isEuCsirtsHeader(header: readonly string[]): boolean {
  return header.length === EU_CSIRTS_COLUMNS.length && EU_CSIRTS_COLUMNS.every((column) => header.includes(column));
}

const split = (cell: string) => cell.split(';').map((item) => item.trim()).filter((item) => item !== '');

/** The rows of the list (data rows, blank ones left out) as `cirt` records, or their problems. */
export function euCsirtsRows(header: readonly string[], rows: readonly CsvRow[]): RecordFileRow[] {
  return rows.map(({ line, fields }): RecordFileRow => {
    if (fields.length > header.length) {
      return { line, record: undefined, problems: [{ rule: 'gateway-bad-row', path: `line ${line}`, line, message: `the line has ${fields.length} fields, the header ${header.length}` }] };
    }
    const cell = (column: (typeof EU_CSIRTS_COLUMNS)[number]) => (fields[header.indexOf(column)] ?? '').trim();
    const country = cell('country');
    // Every address, with the column it came from: the first is the source, the others are links.
    const addresses = [
      ...split(cell('advisory_urls')).map((url) => ({ url, column: 'advisory_urls' })),
      ...split(cell('repository_url')).map((url) => ({ url, column: 'repository_url' })),
    ];
    const [source, ...links] = addresses;
    const input = {
      title: { en: cell('team') },
      ...(EU_CSIRTS_NOT_COUNTRIES.has(country.toUpperCase()) ? {} : { country }),
      source_url: source?.url,
      links: links.map((link) => link.url),
      memberships: [EU_CSIRTS_NETWORK],
      pillars: ['technical'],
    };
    const columnOf = (path: string, field: string): string => {
      if (field === 'title') return 'team';
      if (field === 'source_url') return source?.column ?? 'advisory_urls';
      if (field === 'links') return links[Number(/^\[(\d+)\]/.exec(path.slice(member('$', field).length))?.[1])]?.column ?? 'advisory_urls';
      return field;
    };
    const { record, problems } = validateRecord('cirt', input);
    return {
      line,
      record,
      problems: problems.map((problem): RecordFileProblem => {
        const column = columnOf(problem.path, problem.field ?? '');
        return { ...problem, path: `line ${line}, ${column}`, line, column };
      }),
    };
  });
}
