/**
 * The Assessment module's REST endpoints as data. Published results are public: the reads answer anonymous
 * callers too, so that anyone can check the numbers; importing a region scheme is for platform administrators.
 */
import { listOf, objectSchema, ref, type RestApiPart, type RestEndpoint, type UploadBody } from '../../../core/rest/rest-endpoint.ts';
import { CYCLE_SCHEMAS } from '../presenters/cycle.presenter.ts';
import { EDITION_SCHEMAS } from '../presenters/edition.presenter.ts';
import { REGION_SCHEME_SCHEMAS } from '../presenters/region-scheme.presenter.ts';
import { CYCLE_REST_ENDPOINTS } from './cycle-rest-endpoints.ts';

/** Largest region scheme file: every country in a few dozen regions is a few tens of kilobytes. */
export const REGION_SCHEME_MAX_BYTES = 1024 * 1024;

const REGION_SCHEME_UPLOAD: UploadBody = {
  mediaTypes: ['text/csv'],
  maxBytes: REGION_SCHEME_MAX_BYTES,
  description: 'a region scheme: CSV with the columns region, name, country (and name_ar … name_es, optional), one row per region and country',
  schema: { type: 'string', description: 'CSV (RFC 4180), UTF-8' },
};
const REFUSED_FILE = 'the file has problems: nothing is stored, and error.problems lists each (rule, line, column, message) — assessment.region_scheme_problems; or the name is not usable';
const NOT_ADMIN = 'the caller is not a platform administrator';

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
    summary: "An edition's aggregates per region of a scheme — UN M49 regions and sub-regions, or an imported scheme: mean, median, min and max per pillar and overall (public)",
    parameters: { name: 'edition name (any case)' },
    query: [{ name: 'scheme', type: 'string', description: 'm49 (the default), or the name of an imported region scheme (any case)' }],
    anonymous: true,
    success: { status: 200, description: 'the edition, the scheme, and one aggregate per region with results, by region code', schema: ref('Regions') },
    errors: { 404: 'no such edition, or no such region scheme' },
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
  listRegionSchemes: {
    method: 'get',
    path: '/assessment/region-schemes',
    tag: 'assessment',
    summary: 'List the imported region schemes (public); UN M49 is built in, as "m49"',
    anonymous: true,
    success: { status: 200, description: 'every imported scheme, by name', schema: objectSchema({ schemes: listOf('RegionScheme') }) },
    errors: {},
  },
  getRegionScheme: {
    method: 'get',
    path: '/assessment/region-schemes/{name}',
    tag: 'assessment',
    summary: 'An imported region scheme with its regions, their names and countries (public)',
    parameters: { name: 'scheme name (any case)' },
    anonymous: true,
    success: { status: 200, description: 'the scheme and its regions', schema: ref('RegionSchemeDetail') },
    errors: { 404: 'no such region scheme' },
  },
  importRegionScheme: {
    method: 'post',
    path: '/assessment/region-schemes',
    tag: 'assessment',
    summary: 'Import a region scheme from CSV under a new name (platform administrators); the file is checked whole',
    query: [{ name: 'name', type: 'string', description: 'the name of the new scheme, e.g. "ITU regions"' }],
    upload: REGION_SCHEME_UPLOAD,
    success: { status: 201, description: 'the scheme as stored', schema: ref('ImportedRegionScheme') },
    errors: { 400: REFUSED_FILE, 403: NOT_ADMIN, 409: 'there is a region scheme of that name already (PUT replaces it)' },
  },
  replaceRegionScheme: {
    method: 'put',
    path: '/assessment/region-schemes/{name}',
    tag: 'assessment',
    summary: 'Import a region scheme from CSV, replacing the scheme of that name whole, in one transaction, or making it (platform administrators)',
    parameters: { name: 'scheme name (any case); the name as written here is kept' },
    upload: REGION_SCHEME_UPLOAD,
    success: { status: 200, description: 'the scheme as stored; replaced says whether one was replaced', schema: ref('ImportedRegionScheme') },
    errors: { 400: REFUSED_FILE, 403: NOT_ADMIN },
  },
} as const satisfies Record<string, RestEndpoint>;

export const ASSESSMENT_REST_API: RestApiPart = {
  endpoints: { ...ASSESSMENT_REST_ENDPOINTS, ...CYCLE_REST_ENDPOINTS },
  schemas: { ...EDITION_SCHEMAS, ...REGION_SCHEME_SCHEMAS, ...CYCLE_SCHEMAS },
};
