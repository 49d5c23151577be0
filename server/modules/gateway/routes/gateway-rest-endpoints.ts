/**
 * The Gateway module's REST endpoints as data. Published records, their accepted history, the search with its
 * facets and exports answer anyone, anonymous callers too; proposing needs a member of an organisation;
 * moderation and duplicates the moderators. Who may do what is decided in the services (`gateway-access.ts`).
 */
import { listOf, objectSchema, ref, type QueryParameter, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { RECORD_SCHEMAS } from '../presenters/record.presenter.ts';
import { SEARCH_SCHEMAS } from '../presenters/search.presenter.ts';
import { QUERY_MAX, SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX } from '../services/search.service.ts';

const tag = 'gateway';
const RECORD = { id: 'record id' };

/** The search's criteria, shared by the search and the export. */
export const CRITERIA: readonly QueryParameter[] = [
  { name: 'q', type: 'string', description: `words in any of the six languages (at most ${QUERY_MAX} characters): every one must be in the record, in any language` },
  { name: 'type', type: 'string', description: 'a record type: initiative, strategy, cirt, legislation, agreement, standard, exercise, resource, assistance' },
  { name: 'country', type: 'string', description: 'an ISO 3166-1 alpha-2 code the record names' },
  { name: 'region', type: 'string', description: 'a UN M49 area code: a region or sub-region of a country the record names, or an area it names' },
  { name: 'pillar', type: 'string', description: 'a GCA pillar the record concerns (legal, technical, organisational, capacity, cooperation)' },
  { name: 'language', type: 'string', description: 'a language the record is written in: ar, zh, en, fr, ru, es' },
  { name: 'year', type: 'string', description: 'a year of the record (adopted, signed, established, held…)' },
];
const PAGE: readonly QueryParameter[] = [
  { name: 'limit', type: 'integer', minimum: 1, maximum: 200, description: 'page size (default 50)' },
  { name: 'offset', type: 'integer', description: 'items to skip' },
];
const NOT_MODERATOR = 'not a Gateway moderator';
const PROBLEMS = 'the record has problems: nothing is stored, and error.problems lists each (rule, path, field, message) — gateway.record_problems';

export const GATEWAY_REST_ENDPOINTS = {
  searchRecords: {
    method: 'get',
    path: '/gateway/records',
    tag,
    summary: 'Search the published records in any language, with facet counts (public)',
    query: [
      ...CRITERIA,
      { name: 'limit', type: 'integer', minimum: 1, maximum: SEARCH_LIMIT_MAX, description: `page size (default ${SEARCH_LIMIT_DEFAULT})` },
      { name: 'cursor', type: 'string', description: 'next of the previous page' },
    ],
    anonymous: true,
    success: { status: 200, description: 'the total, this page newest published first, the counts of every facet value over all matching records, and the next cursor', schema: ref('GatewaySearch') },
    errors: { 400: 'a filter value, the cursor or the query is not usable' },
  },
  proposeRecord: {
    method: 'post',
    path: '/gateway/records',
    tag,
    summary: 'Propose a record (members of an organisation); it is pending until a moderator accepts it, and its likely duplicates are flagged',
    body: {
      fields: {
        type: { type: 'string', description: 'the record type' },
        record: { type: 'object', description: 'the record: its fields, texts by language ({"en": "…", "ar": "…"})' },
        note: { type: 'string', description: 'a word for the moderators' },
      },
      required: ['type', 'record'],
    },
    success: { status: 201, description: 'the record, pending, with its likely duplicates', schema: ref('GatewayRecord') },
    errors: { 400: PROBLEMS, 403: 'the caller belongs to no organisation' },
  },
  getRecord: {
    method: 'get',
    path: '/gateway/records/{id}',
    tag,
    summary: 'A record: published, for anyone; not yet published, for its proposer and the moderators',
    parameters: RECORD,
    anonymous: true,
    success: { status: 200, description: 'the record', schema: ref('GatewayRecord') },
    errors: { 404: 'no such record, or not visible to the caller' },
  },
  recordHistory: {
    method: 'get',
    path: '/gateway/records/{id}/history',
    tag,
    summary: "A record's revisions: the accepted ones for anyone; every one for the moderators; a proposer's own whole",
    parameters: RECORD,
    anonymous: true,
    success: { status: 200, description: 'the revisions the caller may see, oldest first', schema: ref('GatewayHistory') },
    errors: { 404: 'no such record, or not visible to the caller' },
  },
  reviseRecord: {
    method: 'post',
    path: '/gateway/records/{id}/revisions',
    tag,
    summary: 'Propose a new revision: a correction of a published record (members of an organisation), or the proposer’s new version of a record not yet published (after changes were asked for)',
    parameters: RECORD,
    body: {
      fields: {
        record: { type: 'object', description: 'the whole record as it should be' },
        note: { type: 'string', description: 'what it changes, and why' },
      },
      required: ['record'],
    },
    success: { status: 201, description: 'the record and the number of the new revision, pending', schema: ref('GatewayRevised') },
    errors: { 400: `${PROBLEMS}; or nothing changes`, 403: 'the caller may not propose, or the record is not published and the caller is not its proposer', 404: 'no such record, or not visible to the caller', 409: 'the record is rejected or merged, or changed meanwhile' },
  },
  moderationQueue: {
    method: 'get',
    path: '/gateway/moderation',
    tag,
    summary: 'The revisions awaiting moderation, oldest first (moderators)',
    query: PAGE,
    success: { status: 200, description: 'the pending revisions', schema: ref('GatewayQueue') },
    errors: { 403: NOT_MODERATOR },
  },
  moderateRevision: {
    method: 'post',
    path: '/gateway/records/{id}/revisions/{revision}/moderate',
    tag,
    summary: 'Accept (publish), reject, or ask for changes with a comment (moderators; never on their own revision)',
    parameters: { ...RECORD, revision: 'revision number' },
    body: {
      fields: {
        action: { type: 'string', description: 'accept, reject or request_changes' },
        comment: { type: 'string', description: 'why; required to ask for changes' },
      },
      required: ['action'],
    },
    success: { status: 200, description: 'the record after the decision', schema: ref('GatewayModerated') },
    errors: {
      400: 'unknown action, or a comment missing',
      403: `${NOT_MODERATOR}, or the caller proposed the revision`,
      404: 'no such record or revision',
      409: 'the revision is not pending, corrects an older published revision (gateway.revision_outdated), or the record changed meanwhile',
    },
  },
  listDuplicates: {
    method: 'get',
    path: '/gateway/duplicates',
    tag,
    summary: 'Flagged pairs of likely duplicates, oldest first (moderators)',
    query: [{ name: 'state', type: 'string', description: 'open (the default), dismissed or merged' }, ...PAGE],
    success: { status: 200, description: 'the pairs in that state', schema: objectSchema({ total: { type: 'integer' }, duplicates: listOf('GatewayDuplicate') }) },
    errors: { 400: 'unknown state', 403: NOT_MODERATOR },
  },
  dismissDuplicate: {
    method: 'post',
    path: '/gateway/duplicates/{id}/dismiss',
    tag,
    summary: 'The pair are not duplicates: the flag is dismissed, and never raised again (moderators)',
    parameters: { id: 'flag id' },
    success: { status: 200, description: 'the flag, dismissed', schema: ref('GatewayDuplicate') },
    errors: { 403: NOT_MODERATOR, 404: 'no such flag', 409: 'the flag is decided already' },
  },
  mergeDuplicate: {
    method: 'post',
    path: '/gateway/duplicates/{id}/merge',
    tag,
    summary: 'Fold one record of the pair into the other: into the published one, or both published, the one published first (moderators)',
    parameters: { id: 'flag id' },
    success: { status: 200, description: 'the flag, merged, and which record went into which', schema: ref('GatewayMerged') },
    errors: { 403: NOT_MODERATOR, 404: 'no such flag', 409: 'the flag is decided already, a record is rejected, neither is published, or one changed meanwhile' },
  },
  exportRecords: {
    method: 'get',
    path: '/gateway/export',
    tag,
    summary: 'Every published record a search finds, as a file: CSV of one type (as a bulk file reads back), or JSON (public)',
    query: [...CRITERIA, { name: 'format', type: 'string', description: 'csv or json (the default)' }],
    anonymous: true,
    success: {
      status: 200,
      description: 'CSV: the columns of the type (title_ar … summary_es, then each field), one row per record, newest published first. JSON: {"records": [{id, type, revision, published_at, updated_at, record}]}',
      schema: { type: 'string' },
      mediaType: 'text/csv; charset=utf-8',
      headers: { 'Content-Disposition': 'attachment; filename="gateway-<type>.csv" or "gateway.json"', 'Content-Type': 'text/csv; charset=utf-8 or application/json' },
    },
    errors: { 400: 'unknown format; CSV of results of several types (gateway.export_mixed_types): filter by type, or ask for JSON; or as the search' },
  },
} as const satisfies Record<string, RestEndpoint>;

export const GATEWAY_REST_API: RestApiPart = {
  endpoints: GATEWAY_REST_ENDPOINTS,
  schemas: { ...RECORD_SCHEMAS, ...SEARCH_SCHEMAS },
};
