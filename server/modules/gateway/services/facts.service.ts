/**
 * What the Gateway's published records say of each country, as facts the Assessment module can take as
 * evidence, and the gaps they leave: per country of the UN list (`shared/assessment/iso3166.ts`, those with a
 * UN M49 region), whether it has a national CIRT, a national strategy and a cooperation agreement on record,
 * and the coverage of each by M49 region and sub-region. Public, as the records are.
 *
 * Each fact is `yes`, `unconfirmed` or `no` (`FACT_RULES`):
 * - national CIRT: `yes` when a `cirt` record of the country has kind `national`; `unconfirmed` when it has
 *   `cirt` records but none says so — the EU CSIRTs Network list, for one, gives no kind, and being in it does
 *   not make a team the national one; a moderator's correction of the record settles it;
 * - strategy: `yes` when a `strategy` record of the country is `adopted` or `under-revision`; `unconfirmed`
 *   when its strategies are drafts, superseded, or of no status given;
 * - agreement: `yes` when an `agreement` record naming the country is `signed` or `in-force`; `unconfirmed`
 *   for agreements in negotiation, expired, terminated or of no status given.
 * A gap is a `no`: nothing on record at all.
 *
 * For the Assessment side: `factsOf(country)` answers the country's standing and every published record that
 * names it (newest first), which an assessment team may cite as public evidence (each record has its source
 * URL); the questionnaire offers them through the REST API. Nothing here reads an assessment table, and the
 * Assessment module's server code does not call it.
 */
import { invalid } from '../../../core/errors.ts';
import { countryByAlpha2, COUNTRY_CODES, type CountryCodes } from '../../../../shared/assessment/iso3166.ts';
import { recordCountries } from '../../../../shared/gateway/record-index.ts';
import type { GatewayRecord, RecordType } from '../../../../shared/gateway/record-types.ts';
import type { StoredRecord } from '../repositories/record.repository.ts';
import type { SearchRepository } from '../repositories/search.repository.ts';
import { allPublished, publishedOfType } from './published-records.ts';

export type FactState = 'yes' | 'unconfirmed' | 'no';
export const FACT_STATES: readonly FactState[] = ['yes', 'unconfirmed', 'no'];
export const FACTS = ['nationalCirt', 'strategy', 'agreement'] as const;
export type Fact = (typeof FACTS)[number];

/** Each fact: the type of record it rests on, and what makes such a record say `yes`. */
export const FACT_RULES: Readonly<Record<Fact, { type: RecordType; holds: (record: GatewayRecord) => boolean }>> = {
  nationalCirt: { type: 'cirt', holds: (r) => r.kind === 'national' },
  strategy: { type: 'strategy', holds: (r) => r.status === 'adopted' || r.status === 'under-revision' },
  agreement: { type: 'agreement', holds: (r) => r.status === 'signed' || r.status === 'in-force' },
};

export interface CountryStanding {
  country: string;
  region: string | null;
  subRegion: string | null;
  facts: Record<Fact, FactState>;
  /** Published records behind each fact (records of its type naming the country). */
  records: Record<Fact, number>;
}

export interface CountryFacts extends CountryStanding {
  /** Every published record naming the country, newest published first. */
  published: StoredRecord[];
}

export interface RegionCoverage {
  /** UN M49 code. */
  code: string;
  level: 'region' | 'sub-region';
  countries: number;
  /** Per fact, how many of its countries are in each state. */
  facts: Record<Fact, Record<FactState, number>>;
}

export interface GapsReport {
  /** The M49 area asked for, or null for the world. */
  region: string | null;
  countries: CountryStanding[];
  regions: RegionCoverage[];
  /** Per fact, the countries with nothing on record (alpha-2, in order). */
  gaps: Record<Fact, string[]>;
  /** Per fact, the countries whose records leave it open. */
  unconfirmed: Record<Fact, string[]>;
}

/** The countries of the UN list: those of `iso3166.ts` with a UN M49 region. */
export const UN_COUNTRIES: readonly CountryCodes[] = COUNTRY_CODES.filter((c) => c.region !== null).sort((a, b) => (a.alpha2 < b.alpha2 ? -1 : 1));
const AREAS: ReadonlySet<string> = new Set(UN_COUNTRIES.flatMap((c) => [c.region!, c.subRegion!]));

const byFact = <T>(make: (fact: Fact) => T) => Object.fromEntries(FACTS.map((f) => [f, make(f)])) as Record<Fact, T>;

/** A country's state for one fact, from the records of its type that name it. */
function stateOf(fact: Fact, records: readonly GatewayRecord[]): FactState {
  if (records.length === 0) return 'no';
  return records.some(FACT_RULES[fact].holds) ? 'yes' : 'unconfirmed';
}

function standing(codes: CountryCodes, recordsOf: (fact: Fact) => readonly GatewayRecord[]): CountryStanding {
  return {
    country: codes.alpha2,
    region: codes.region,
    subRegion: codes.subRegion,
    facts: byFact((fact) => stateOf(fact, recordsOf(fact))),
    records: byFact((fact) => recordsOf(fact).length),
  };
}

/**
 * The country's codes.
 * @throws DomainError `invalid` `gateway.unknown_country`.
 */
export function checkCountry(country: string, field = 'country'): CountryCodes {
  const codes = countryByAlpha2(country.trim());
  if (!codes) throw invalid('gateway.unknown_country', `"${country}" is not an ISO 3166-1 alpha-2 country code`, { field, country });
  return codes;
}

export class GatewayFactsService {
  private readonly search: SearchRepository;

  constructor(search: SearchRepository) {
    this.search = search;
  }

  /**
   * What the published records say of one country: its standing on each fact and the records naming it.
   * @example (await facts.factsOf('TN')).facts.nationalCirt // 'yes'
   * @throws DomainError `invalid` `gateway.unknown_country`.
   */
  async factsOf(country: string): Promise<CountryFacts> {
    const codes = checkCountry(country);
    const published = await allPublished(this.search, [{ facet: 'country', value: codes.alpha2 }]);
    const ofType = (fact: Fact) => published.filter((r) => r.type === FACT_RULES[fact].type).map((r) => r.body!);
    return { ...standing(codes, ofType), published };
  }

  /**
   * Every country of the UN list (or of one M49 region or sub-region) with its standing, the coverage by
   * region and sub-region, and the gaps.
   * @throws DomainError `invalid` `gateway.invalid_filter` (region).
   */
  async gaps(input: { region?: string | undefined } = {}): Promise<GapsReport> {
    const area = input.region?.trim() || undefined;
    if (area !== undefined && !AREAS.has(area)) {
      throw invalid('gateway.invalid_filter', `"${area}" is not a value of the region filter: a UN M49 region or sub-region code`, { field: 'region', value: area, expected: 'a UN M49 region or sub-region code' });
    }
    const named = new Map<string, Record<Fact, GatewayRecord[]>>();
    for (const fact of FACTS) {
      for (const record of await publishedOfType(this.search, FACT_RULES[fact].type)) {
        for (const country of recordCountries(record.type, record.body!)) {
          (named.get(country) ?? named.set(country, byFact(() => [])).get(country)!)[fact].push(record.body!);
        }
      }
    }
    const countries = UN_COUNTRIES.filter((c) => area === undefined || c.region === area || c.subRegion === area).map((codes) => standing(codes, (fact) => named.get(codes.alpha2)?.[fact] ?? []));
    const regions = new Map<string, RegionCoverage>();
    for (const c of countries) {
      for (const [code, level] of [[c.region!, 'region'], [c.subRegion!, 'sub-region']] as const) {
        const coverage = regions.get(code) ?? regions.set(code, { code, level, countries: 0, facts: byFact(() => ({ yes: 0, unconfirmed: 0, no: 0 })) }).get(code)!;
        coverage.countries += 1;
        for (const fact of FACTS) coverage.facts[fact][c.facts[fact]] += 1;
      }
    }
    const inState = (state: FactState) => byFact((fact) => countries.filter((c) => c.facts[fact] === state).map((c) => c.country));
    return {
      region: area ?? null,
      countries,
      regions: [...regions.values()].sort((a, b) => (a.level === b.level ? (a.code < b.code ? -1 : 1) : a.level === 'region' ? -1 : 1)),
      gaps: inState('no'),
      unconfirmed: inState('unconfirmed'),
    };
  }
}
