/**
 * A country's facts, the gaps (JSON and CSV) and the agreements network as the REST API answers them, and
 * their JSON Schemas. Fact names are snake_case on the wire: `national_cirt`, `strategy`, `agreement`.
 */
import { objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { FACT_STATES, FACTS, type CountryFacts, type CountryStanding, type Fact, type GapsReport, type RegionCoverage } from '../services/facts.service.ts';
import type { Network } from '../services/network.service.ts';
import { presentPublished } from './search.presenter.ts';

const WIRE: Readonly<Record<Fact, string>> = { nationalCirt: 'national_cirt', strategy: 'strategy', agreement: 'agreement' };
const wire = <T>(values: Readonly<Record<Fact, T>>) => Object.fromEntries(FACTS.map((f) => [WIRE[f], values[f]])) as Record<string, T>;

export function presentStanding(s: CountryStanding) {
  return { country: s.country, region: s.region, sub_region: s.subRegion, facts: wire(s.facts), records: wire(s.records) };
}

export function presentFacts(facts: CountryFacts) {
  return { ...presentStanding(facts), published: facts.published.map(presentPublished) };
}

const presentCoverage = (r: RegionCoverage) => ({ code: r.code, level: r.level, countries: r.countries, facts: wire(r.facts) });

export function presentGaps(report: GapsReport) {
  return { region: report.region, countries: report.countries.map(presentStanding), regions: report.regions.map(presentCoverage), gaps: wire(report.gaps), unconfirmed: wire(report.unconfirmed) };
}

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The gaps as CSV, one row per country: its name in `language` (ICU's), M49 region and sub-region, each
 * fact's state and the records behind it.
 */
export function gapsCsv(report: GapsReport, language: string): string {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const header = ['country', 'name', 'region', 'sub_region', ...FACTS.map((f) => WIRE[f]), ...FACTS.map((f) => `${WIRE[f]}_records`)];
  const lines = [header.join(',')];
  for (const c of report.countries) {
    lines.push([c.country, names.of(c.country) ?? c.country, c.region ?? '', c.subRegion ?? '', ...FACTS.map((f) => c.facts[f]), ...FACTS.map((f) => String(c.records[f]))].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function presentNetwork(network: Network) {
  return {
    nodes: network.nodes.map((n) => ({ id: n.id, kind: n.kind, name: n.name, region: n.region, sub_region: n.subRegion, agreements: n.agreements })),
    agreements: network.agreements.map((a) => ({ id: a.id, title: a.title, form: a.form, status: a.status, signed_date: a.signedDate, parties: a.parties })),
    edges: network.edges,
  };
}

const state = { type: 'string', enum: [...FACT_STATES], description: 'yes; unconfirmed (records, none saying so); no (nothing on record)' };
const factsOf = (schema: JsonSchema, description: string) => ({ ...objectSchema(Object.fromEntries(FACTS.map((f) => [WIRE[f], schema]))), description });
const codes = { type: 'array', items: { type: 'string' } };
const nullableCode = { type: ['string', 'null'] };

export const FACTS_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  GatewayCountryStanding: objectSchema({
    country: { type: 'string' },
    region: nullableCode,
    sub_region: nullableCode,
    facts: factsOf(state, 'national_cirt: a cirt record of kind national; strategy: one adopted or under revision; agreement: one signed or in force'),
    records: factsOf({ type: 'integer' }, 'published records of each fact’s type naming the country'),
  }),
  GatewayCountryFacts: objectSchema({
    country: { type: 'string' },
    region: nullableCode,
    sub_region: nullableCode,
    facts: factsOf(state, 'as in the gaps'),
    records: factsOf({ type: 'integer' }, 'published records behind each fact'),
    published: { type: 'array', items: ref('GatewayPublished'), description: 'every published record naming the country, newest first: evidence with its source_url' },
  }),
  GatewayGaps: objectSchema({
    region: { ...nullableCode, description: 'the M49 area asked for; null for the world' },
    countries: { type: 'array', items: ref('GatewayCountryStanding'), description: 'every country of the UN list (with an M49 region), by code' },
    regions: {
      type: 'array',
      description: 'coverage by M49 region, then sub-region',
      items: objectSchema({
        code: { type: 'string' },
        level: { type: 'string', enum: ['region', 'sub-region'] },
        countries: { type: 'integer' },
        facts: factsOf(objectSchema(Object.fromEntries(FACT_STATES.map((s) => [s, { type: 'integer' }]))), 'countries in each state'),
      }),
    },
    gaps: factsOf(codes, 'per fact, the countries with nothing on record'),
    unconfirmed: factsOf(codes, 'per fact, the countries whose records leave it open'),
  }),
  GatewayNetwork: objectSchema({
    nodes: {
      type: 'array',
      items: objectSchema({
        id: { type: 'string', description: 'country:<alpha-2> or organisation:<name in lower case>' },
        kind: { type: 'string', enum: ['country', 'organisation'] },
        name: { type: 'string', description: 'the country code, or the organisation’s name as first written' },
        region: nullableCode,
        sub_region: nullableCode,
        agreements: { type: 'integer' },
      }),
    },
    agreements: {
      type: 'array',
      description: 'each agreement whole, newest published first',
      items: objectSchema({
        id: { type: 'string' },
        title: { type: 'object', additionalProperties: { type: 'string' } },
        form: { type: 'string', enum: ['bilateral', 'multilateral'] },
        status: nullableCode,
        signed_date: nullableCode,
        parties: codes,
      }),
    },
    edges: {
      type: 'array',
      description: 'pairs of parties, one per form and status, with the agreements joining them',
      items: objectSchema({ source: { type: 'string' }, target: { type: 'string' }, form: { type: 'string', enum: ['bilateral', 'multilateral'] }, status: nullableCode, agreements: codes }),
    },
  }),
};
