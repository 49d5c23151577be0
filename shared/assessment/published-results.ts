/**
 * Published GCI results as ITU's data are distributed, read into scores-only editions: the wide form (one row
 * per country: `iso3`, `legal`, `technical`, `organizational`, `capacity`, `cooperation`, `gci`; GCI 2024 as
 * World Bank Data360 gives it) and the long form (`cc_iso3c`, `ref_year`, `variable`, `value`; GCI 2020). Values
 * are kept exactly as published: the overall score is the published one, never recomputed, and a pillar the
 * source does not give stays absent. Countries are named by ISO alpha-3 in the files and by alpha-2 in Thiqa.
 */
import type { AssessmentProblem } from './framework-validation.ts';
import { countryByAlpha3 } from './iso3166.ts';
import { parseCsv } from './csv.ts';

export const GCA_PILLARS = ['legal', 'technical', 'organisational', 'capacity', 'cooperation'] as const;
export type GcaPillar = (typeof GCA_PILLARS)[number];

export interface PublishedResult {
  /** ISO 3166-1 alpha-2. */
  country: string;
  pillars: Partial<Record<GcaPillar, number>>;
  overall: number;
}

export interface PublishedResults {
  /** The year the file states, when it states one. */
  year: number | null;
  results: PublishedResult[];
}

const WIDE: Readonly<Record<string, GcaPillar>> = { legal: 'legal', technical: 'technical', organizational: 'organisational', organisational: 'organisational', capacity: 'capacity', cooperation: 'cooperation' };
const LONG: Readonly<Record<string, GcaPillar | 'overall'>> = {
  gci_overall: 'overall',
  gci_legal_measures: 'legal',
  gci_technical_measures: 'technical',
  gci_organisational_measures: 'organisational',
  gci_capacity_development: 'capacity',
  gci_cooperative_measures: 'cooperation',
};

const problem = (rule: AssessmentProblem['rule'], line: number, column: string | undefined, message: string): AssessmentProblem => ({
  rule,
  path: column ? `line ${line}, ${column}` : `line ${line}`,
  message,
});

class Collector {
  readonly problems: AssessmentProblem[] = [];
  readonly byCountry = new Map<string, { line: number; pillars: Partial<Record<GcaPillar, number>>; overall?: number }>();
  readonly years = new Set<number>();

  country(alpha3: string, line: number, column: string): string | undefined {
    const found = countryByAlpha3(alpha3.trim());
    if (!found) this.problems.push(problem('results-unknown-country', line, column, `"${alpha3}" is not an ISO 3166-1 alpha-3 country code`));
    return found?.alpha2;
  }

  value(text: string, line: number, column: string, max: number): number | undefined {
    const value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value) || value < 0 || value > max) {
      this.problems.push(problem('results-bad-value', line, column, `"${text}" is not a score between 0 and ${max}`));
      return undefined;
    }
    return value;
  }

  year(text: string | undefined, line: number, column: string): void {
    if (text === undefined || text.trim() === '') return;
    const year = Number(text);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) this.problems.push(problem('results-bad-value', line, column, `"${text}" is not a year`));
    else this.years.add(year);
  }
}

/** The results in a published CSV, or the problems that keep it from being imported (then nothing is). */
export function readPublishedResults(text: string): { results: PublishedResults | undefined; problems: AssessmentProblem[] } {
  const rows = parseCsv(text);
  const header = rows[0]?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  const collect = new Collector();
  const at = (name: string) => header.indexOf(name);
  if (at('iso3') >= 0 && at('gci') >= 0) {
    for (const row of rows.slice(1)) {
      const country = collect.country(row.fields[at('iso3')] ?? '', row.line, 'iso3');
      const pillars: Partial<Record<GcaPillar, number>> = {};
      header.forEach((name, i) => {
        const pillar = WIDE[name];
        const cell = row.fields[i] ?? '';
        if (pillar && cell.trim() !== '') {
          const value = collect.value(cell, row.line, name, 20);
          if (value !== undefined) pillars[pillar] = value;
        }
      });
      const overall = collect.value(row.fields[at('gci')] ?? '', row.line, 'gci', 100);
      collect.year(row.fields[at('year')], row.line, 'year');
      if (!country) continue;
      if (collect.byCountry.has(country)) collect.problems.push(problem('results-duplicate-country', row.line, 'iso3', `${country} is given again (first on line ${collect.byCountry.get(country)!.line})`));
      else collect.byCountry.set(country, { line: row.line, pillars, ...(overall === undefined ? {} : { overall }) });
    }
  } else if (at('cc_iso3c') >= 0 && at('variable') >= 0 && at('value') >= 0) {
    for (const row of rows.slice(1)) {
      const country = collect.country(row.fields[at('cc_iso3c')] ?? '', row.line, 'cc_iso3c');
      const variable = (row.fields[at('variable')] ?? '').trim();
      const target = LONG[variable];
      collect.year(row.fields[at('ref_year')], row.line, 'ref_year');
      if (!target) {
        collect.problems.push(problem('results-bad-value', row.line, 'variable', `"${variable}" is not one of ${Object.keys(LONG).join(', ')}`));
        continue;
      }
      const value = collect.value(row.fields[at('value')] ?? '', row.line, 'value', target === 'overall' ? 100 : 20);
      if (!country || value === undefined) continue;
      const entry = collect.byCountry.get(country) ?? { line: row.line, pillars: {} };
      collect.byCountry.set(country, entry);
      const already = target === 'overall' ? entry.overall : entry.pillars[target];
      if (already !== undefined) collect.problems.push(problem('results-duplicate-country', row.line, 'variable', `${country} ${variable} is given twice`));
      else if (target === 'overall') entry.overall = value;
      else entry.pillars[target] = value;
    }
  } else {
    return { results: undefined, problems: [problem('results-unknown-format', 1, undefined, 'the header names neither the wide form (iso3, legal … cooperation, gci) nor the long form (cc_iso3c, ref_year, variable, value)')] };
  }
  for (const [country, entry] of collect.byCountry) {
    if (entry.overall === undefined) collect.problems.push(problem('results-bad-value', entry.line, undefined, `${country} has no overall score`));
  }
  if (collect.years.size > 1) collect.problems.push(problem('results-bad-value', 1, undefined, `the file mixes years: ${[...collect.years].join(', ')}`));
  if (collect.byCountry.size === 0 && collect.problems.length === 0) collect.problems.push(problem('results-unknown-format', 1, undefined, 'the file holds no results'));
  if (collect.problems.length) return { results: undefined, problems: collect.problems };
  const results = [...collect.byCountry].map(([country, entry]) => ({ country, pillars: entry.pillars, overall: entry.overall! }));
  return { results: { year: collect.years.size ? [...collect.years][0]! : null, results }, problems: [] };
}
