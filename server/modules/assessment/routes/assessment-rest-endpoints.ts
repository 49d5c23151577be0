/**
 * The Assessment module's REST endpoints as data. Published results are public: these endpoints answer
 * anonymous callers too, so that anyone can check the numbers.
 */
import { listOf, objectSchema, ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { CYCLE_SCHEMAS } from '../presenters/cycle.presenter.ts';
import { EDITION_SCHEMAS } from '../presenters/edition.presenter.ts';
import { CYCLE_REST_ENDPOINTS } from './cycle-rest-endpoints.ts';

export const ASSESSMENT_REST_ENDPOINTS = {
  listEditions: {
    method: 'get',
    path: '/assessment/editions',
    tag: 'assessment',
    summary: 'List the editions of the commitment index (public)',
    anonymous: true,
    success: { status: 200, description: 'every edition, oldest year first', schema: objectSchema({ editions: listOf('Edition') }) },
    errors: {},
  },
  getResults: {
    method: 'get',
    path: '/assessment/editions/{name}/results',
    tag: 'assessment',
    summary: "An edition's results: per country, pillar scores, overall score, tier and rank (public)",
    parameters: { name: 'edition name (any case)' },
    anonymous: true,
    success: { status: 200, description: 'the edition and its ranked results', schema: ref('Results') },
    errors: { 404: 'no such edition' },
  },
  getResultsCsv: {
    method: 'get',
    path: '/assessment/editions/{name}/results.csv',
    tag: 'assessment',
    summary: "An edition's results as CSV, one row per country by rank (public)",
    parameters: { name: 'edition name (any case)' },
    anonymous: true,
    success: {
      status: 200,
      description: 'country (ISO alpha-2), one column per pillar (empty where the edition gives none), overall, tier, rank; scores at full precision',
      schema: { type: 'string' },
      mediaType: 'text/csv; charset=utf-8',
      headers: { 'Content-Disposition': 'attachment; filename="<edition name>.csv"' },
    },
    errors: { 404: 'no such edition' },
  },
  getRegions: {
    method: 'get',
    path: '/assessment/editions/{name}/regions',
    tag: 'assessment',
    summary: "An edition's aggregates per UN M49 region and sub-region: mean, median, min and max per pillar and overall (public)",
    parameters: { name: 'edition name (any case)' },
    anonymous: true,
    success: { status: 200, description: 'the edition and one aggregate per region with results, by M49 code', schema: ref('Regions') },
    errors: { 404: 'no such edition' },
  },
  getCountry: {
    method: 'get',
    path: '/assessment/countries/{country}',
    tag: 'assessment',
    summary: "A country's results in every edition that has one, oldest first, with its UN M49 region (public)",
    parameters: { country: 'ISO 3166-1 alpha-2 code (any case)' },
    anonymous: true,
    success: { status: 200, description: 'the country and its history', schema: ref('CountryHistory') },
    errors: { 400: 'not an ISO 3166-1 alpha-2 code' },
  },
  compareEditions: {
    method: 'get',
    path: '/assessment/compare',
    tag: 'assessment',
    summary: 'How each country moved between two editions (public)',
    query: [
      { name: 'from', type: 'string', description: 'the earlier edition' },
      { name: 'to', type: 'string', description: 'the later edition' },
    ],
    anonymous: true,
    success: { status: 200, description: 'per country: pillar and overall changes, tier and rank moves', schema: ref('Comparison') },
    errors: { 400: 'from or to is missing', 404: 'no such edition' },
  },
} as const satisfies Record<string, RestEndpoint>;

export const ASSESSMENT_REST_API: RestApiPart = { endpoints: { ...ASSESSMENT_REST_ENDPOINTS, ...CYCLE_REST_ENDPOINTS }, schemas: { ...EDITION_SCHEMAS, ...CYCLE_SCHEMAS } };
