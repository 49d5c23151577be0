/** Editions and their results as the REST API answers them, and the JSON Schemas of those answers. */
import { isoTime } from '../../../core/admin/presenters/organisation.presenter.ts';
import { listOf, objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import type { RegionAggregate } from '../../../../shared/assessment/regions.ts';
import { DEFAULT_TIERS } from '../../../../shared/assessment/scoring.ts';
import type { Comparison, CountryHistoryEntry, CountryResult, EditionRecord } from '../services/edition.service.ts';

const isoOrNull = (at: number | null) => (at === null ? null : isoTime(at));

export function presentEdition(edition: EditionRecord) {
  return {
    id: edition.id,
    name: edition.name,
    kind: edition.kind,
    status: edition.status,
    year: edition.year,
    source: edition.source,
    created_at: isoTime(edition.createdAt),
    framework: edition.framework,
    answers_due: isoOrNull(edition.answersDue),
    review_due: isoOrNull(edition.reviewDue),
    tiers: edition.tiers ?? DEFAULT_TIERS,
    published_at: isoOrNull(edition.publishedAt),
  };
}

export function presentResults(found: { edition: EditionRecord; results: readonly CountryResult[] }) {
  return { edition: presentEdition(found.edition), results: found.results.map((r) => ({ country: r.country, pillars: r.pillars, overall: r.overall, tier: r.tier, rank: r.rank })) };
}

const PILLAR_COLUMNS = ['legal', 'technical', 'organisational', 'capacity', 'cooperation'];

/** Results as CSV: one row per country by rank; scores at full precision, a pillar the edition lacks left empty. */
export function resultsCsv(results: readonly CountryResult[]): string {
  const extra = [...new Set(results.flatMap((r) => Object.keys(r.pillars)))].filter((p) => !PILLAR_COLUMNS.includes(p)).sort();
  const pillars = [...PILLAR_COLUMNS.filter((p) => results.some((r) => r.pillars[p] !== undefined)), ...extra];
  const lines = [['country', ...pillars, 'overall', 'tier', 'rank'].join(',')];
  for (const r of results) lines.push([r.country, ...pillars.map((p) => (r.pillars[p] === undefined ? '' : String(r.pillars[p]))), String(r.overall), r.tier, String(r.rank)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function presentRegions(found: { edition: EditionRecord; scheme: string; regions: readonly RegionAggregate[] }) {
  return { edition: presentEdition(found.edition), scheme: found.scheme, regions: found.regions };
}

export function presentHistory(history: { country: string; region: string | null; subRegion: string | null; editions: readonly CountryHistoryEntry[] }) {
  return {
    country: history.country,
    region: history.region,
    sub_region: history.subRegion,
    editions: history.editions.map((e) => ({ edition: presentEdition(e.edition), pillars: e.pillars, overall: e.overall, tier: e.tier, rank: e.rank, countries: e.countries })),
  };
}

export function presentComparison(comparison: Comparison) {
  return { from: comparison.from, to: comparison.to, countries: comparison.countries, only_from: comparison.onlyFrom, only_to: comparison.onlyTo };
}

const number = (description: string): JsonSchema => ({ type: 'number', description });
const pillars = (description: string): JsonSchema => ({ type: 'object', additionalProperties: { type: 'number' }, description });

export const EDITION_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Edition: objectSchema({
    id: { type: 'string' },
    name: { type: 'string', description: 'unique regardless of case' },
    kind: { type: 'string', enum: ['scores-only', 'cycle'], description: 'scores-only: results published elsewhere; cycle: run here, from questionnaire to scores' },
    status: { type: 'string', enum: ['open', 'finalised', 'published'], description: 'open: answers and reviews go on; finalised: frozen and scored; published: public' },
    year: { type: ['integer', 'null'] },
    source: { type: ['string', 'null'], description: 'the file it was imported from' },
    created_at: { type: 'string', format: 'date-time' },
    framework: { type: ['object', 'null'], properties: { id: { type: 'string' }, version: { type: 'string' } }, description: 'the framework version a cycle runs on' },
    answers_due: { type: ['string', 'null'], format: 'date-time' },
    review_due: { type: ['string', 'null'], format: 'date-time' },
    tiers: { type: 'array', items: objectSchema({ code: { type: 'string' }, min: { type: 'number' } }), description: 'cut-offs on the overall score, highest first' },
    published_at: { type: ['string', 'null'], format: 'date-time' },
  }),
  CountryResult: objectSchema({
    country: { type: 'string', description: 'ISO 3166-1 alpha-2' },
    pillars: pillars('pillar id → score (0–20 for the GCA pillars); a pillar the source does not give is absent'),
    overall: number('overall score, 0–100'),
    tier: { type: 'string' },
    rank: { type: 'integer', description: '1 for the highest overall score; equal scores share a rank' },
  }),
  Results: objectSchema({ edition: ref('Edition'), results: listOf('CountryResult') }),
  Statistics: objectSchema({ count: { type: 'integer' }, mean: { type: 'number' }, median: { type: 'number' }, min: { type: 'number' }, max: { type: 'number' } }),
  Regions: objectSchema({
    edition: ref('Edition'),
    scheme: { type: 'string', description: '"m49" (UN M49 regions and sub-regions), or the name of the imported region scheme' },
    regions: {
      type: 'array',
      items: objectSchema({
        region: { type: 'string', description: 'M49 code, e.g. "002" Africa, "145" Western Asia; or the code of a region of the imported scheme' },
        countries: { type: 'integer', description: 'countries of the region with results' },
        pillars: { type: 'object', additionalProperties: ref('Statistics') },
        overall: ref('Statistics'),
      }),
    },
  }),
  CountryHistory: objectSchema({
    country: { type: 'string', description: 'ISO 3166-1 alpha-2' },
    region: { type: ['string', 'null'], description: 'UN M49 region code' },
    sub_region: { type: ['string', 'null'], description: 'UN M49 sub-region code' },
    editions: {
      type: 'array',
      items: objectSchema({
        edition: ref('Edition'),
        pillars: pillars('pillar id → score'),
        overall: number('overall score'),
        tier: { type: 'string' },
        rank: { type: 'integer' },
        countries: { type: 'integer', description: 'how many countries the edition ranks' },
      }),
    },
  }),
  Comparison: objectSchema({
    from: { type: 'string' },
    to: { type: 'string' },
    countries: {
      type: 'array',
      items: objectSchema({
        country: { type: 'string' },
        pillars: pillars('pillar id → change, where both editions give it'),
        overall: number('change of the overall score'),
        tier: objectSchema({ from: { type: 'string' }, to: { type: 'string' } }),
        rank: objectSchema({ from: { type: 'integer' }, to: { type: 'integer' } }),
      }),
    },
    only_from: { type: 'array', items: { type: 'string' } },
    only_to: { type: 'array', items: { type: 'string' } },
  }),
};
