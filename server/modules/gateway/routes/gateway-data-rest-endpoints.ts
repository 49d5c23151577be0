/**
 * The Gateway's data endpoints as data: bulk import (moderators), and the public reads built on published
 * records — the feeds of the newest, the agreements network, the gaps by country and region, a country's
 * facts, and a country's needs (from the Assessment module) matched with assistance offers.
 */
import { ref, type RestApiPart, type RestEndpoint, type UploadBody } from '../../../core/rest/rest-endpoint.ts';
import { MAX_RECORD_FILE_BYTES, MAX_RECORD_FILE_ROWS } from '../../../../shared/gateway/record-file.ts';
import { FACTS_SCHEMAS } from '../presenters/facts.presenter.ts';
import { IMPORT_SCHEMAS } from '../presenters/import.presenter.ts';
import { MATCHING_SCHEMAS } from '../presenters/matching.presenter.ts';
import { CRITERIA } from './gateway-rest-endpoints.ts';

const tag = 'gateway';
export const FEED_LIMIT_DEFAULT = 50;
export const FEED_LIMIT_MAX = 100;

const IMPORT_UPLOAD: UploadBody = {
  mediaTypes: ['text/csv', 'application/json'],
  maxBytes: MAX_RECORD_FILE_BYTES,
  description: `records of one type, at most ${MAX_RECORD_FILE_ROWS} and ${MAX_RECORD_FILE_BYTES} bytes: CSV (columns title_ar … summary_es, then each field by name, lists separated by ";"; or the EU CSIRTs Network list, as cirt) or JSON (a list of records, or {"records": […]})`,
  schema: { type: 'string', description: 'CSV (RFC 4180) or JSON, UTF-8' },
};

const LANG = { name: 'lang', type: 'string', description: 'the language to read it in: ar, zh, en (the default), fr, ru, es' } as const;
const FEED_QUERY = [...CRITERIA, { name: 'limit', type: 'integer', minimum: 1, maximum: FEED_LIMIT_MAX, description: `entries (default ${FEED_LIMIT_DEFAULT})` }, LANG] as const;
const FEED_ENTRIES = 'the newest published records (first publication), newest first; filters as the search';

export const GATEWAY_DATA_REST_ENDPOINTS = {
  importRecords: {
    method: 'post',
    path: '/gateway/import',
    tag,
    summary: 'Import records of one type from a CSV or JSON file, published at once, or check the file only (dry_run); every problem by row and column (moderators)',
    query: [
      { name: 'type', type: 'string', description: 'the records’ type (required)' },
      { name: 'dry_run', type: 'string', description: 'true: read and check the file, list its problems and likely duplicates, store nothing' },
      { name: 'valid_only', type: 'string', description: 'true: import the valid rows of a file some rows of which have problems (without it, any problem imports nothing)' },
      { name: 'source', type: 'string', description: 'the file’s name, kept with each record and in the audit log' },
    ],
    upload: IMPORT_UPLOAD,
    success: { status: 200, description: 'the report: rows read, records imported with their rows, problems (of rows left out), likely duplicates flagged; on a dry run, what an import would do', schema: ref('GatewayImport') },
    errors: {
      400: 'the file stores nothing (gateway.import_problems: error.problems lists each, with rule, path, line, column or index); or the type or a flag is not usable',
      403: 'the caller is not a Gateway moderator or platform administrator',
    },
  },
  feedJson: {
    method: 'get',
    path: '/gateway/feed.json',
    tag,
    summary: 'JSON Feed 1.1 of the newest published records (public)',
    query: FEED_QUERY,
    anonymous: true,
    success: { status: 200, description: `${FEED_ENTRIES}; each item's title in the feed's language where the record has it (item language), every language in _thiqa`, schema: { type: 'object', description: 'a JSON Feed 1.1 document' }, mediaType: 'application/feed+json' },
    errors: { 400: 'a filter, limit or language is not usable' },
  },
  feedAtom: {
    method: 'get',
    path: '/gateway/feed.atom',
    tag,
    summary: 'Atom 1.0 feed of the newest published records (public)',
    query: FEED_QUERY,
    anonymous: true,
    success: { status: 200, description: `${FEED_ENTRIES}; each entry's title with its xml:lang, every language in the XHTML content`, schema: { type: 'string', description: 'an Atom 1.0 feed (RFC 4287), UTF-8 XML' }, mediaType: 'application/atom+xml; charset=utf-8' },
    errors: { 400: 'a filter, limit or language is not usable' },
  },
  network: {
    method: 'get',
    path: '/gateway/network',
    tag,
    summary: 'The cooperation network of the published agreements: parties (countries, organisations), agreements, and pairs by form and status (public)',
    query: [
      { name: 'form', type: 'string', description: 'bilateral or multilateral' },
      { name: 'status', type: 'string', description: 'negotiation, signed, in-force, expired or terminated' },
      { name: 'country', type: 'string', description: 'agreements naming this ISO 3166-1 alpha-2 country' },
      { name: 'region', type: 'string', description: 'agreements naming a country of this UN M49 region or sub-region' },
    ],
    anonymous: true,
    success: { status: 200, description: 'nodes, agreements (newest published first) and edges', schema: ref('GatewayNetwork') },
    errors: { 400: 'a filter value is not usable' },
  },
  gaps: {
    method: 'get',
    path: '/gateway/gaps',
    tag,
    summary: 'Per country of the UN list: a national CIRT, a national strategy, a cooperation agreement on record (yes, unconfirmed, no); coverage by M49 region; JSON or CSV (public)',
    query: [
      { name: 'region', type: 'string', description: 'only the countries of this UN M49 region or sub-region' },
      { name: 'format', type: 'string', description: 'json (the default) or csv (one row per country)' },
      { ...LANG, description: 'CSV: the language of the country names (default en)' },
    ],
    anonymous: true,
    success: {
      status: 200,
      description: 'JSON: every country with its facts, the coverage by region and sub-region, and per fact the countries with nothing on record (gaps) or whose records leave it open (unconfirmed). CSV: country,name,region,sub_region,national_cirt,strategy,agreement and the records behind each',
      schema: ref('GatewayGaps'),
      headers: { 'Content-Type': 'application/json, or text/csv; charset=utf-8 with format=csv', 'Content-Disposition': 'with format=csv: attachment; filename="gateway-gaps.csv"' },
    },
    errors: { 400: 'the region or format is not usable' },
  },
  countryFacts: {
    method: 'get',
    path: '/gateway/countries/{country}/facts',
    tag,
    summary: 'What the published records say of a country: its facts (as in the gaps) and every record naming it, as evidence (public)',
    parameters: { country: 'ISO 3166-1 alpha-2 code' },
    anonymous: true,
    success: { status: 200, description: 'the facts and the records, newest published first', schema: ref('GatewayCountryFacts') },
    errors: { 400: 'not a country code' },
  },
  matching: {
    method: 'get',
    path: '/gateway/matching',
    tag,
    summary: 'A country’s needs from its assessment profile, highest priority first, each with the published assistance offers for its indicator that reach the country (public)',
    query: [
      { name: 'country', type: 'string', description: 'ISO 3166-1 alpha-2 code (required)' },
      { name: 'edition', type: 'string', description: 'the assessment edition (default: the newest published one with a result for the country)' },
    ],
    anonymous: true,
    success: { status: 200, description: 'the needs with their offers', schema: ref('GatewayMatching') },
    errors: { 400: 'no country, or not a country code', 404: 'no such edition, or not visible to the caller' },
  },
} as const satisfies Record<string, RestEndpoint>;

export const GATEWAY_DATA_REST_API: RestApiPart = {
  endpoints: GATEWAY_DATA_REST_ENDPOINTS,
  schemas: { ...IMPORT_SCHEMAS, ...FACTS_SCHEMAS, ...MATCHING_SCHEMAS },
};
