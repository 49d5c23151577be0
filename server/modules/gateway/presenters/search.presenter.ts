/** Gateway search results and likely duplicates as the REST API answers them, and their JSON Schemas. */
import { isoTime } from '../../../core/admin/presenters/organisation.presenter.ts';
import { objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { FACETS } from '../../../../shared/gateway/record-index.ts';
import { recordLanguages } from '../../../../shared/gateway/record-index.ts';
import type { DuplicatePair, FlagRecord } from '../services/duplicate.service.ts';
import type { People, RecordSummary } from '../services/record-view.ts';
import type { SearchResult } from '../services/search.service.ts';
import type { StoredRecord } from '../services/record.service.ts';
import { person, presentSummary } from './record.presenter.ts';

/** A published record as search lists it (a reader's view: no proposer). */
export function presentPublished(record: StoredRecord) {
  return {
    id: record.id,
    type: record.type,
    revision: record.revision!,
    record: record.body!,
    languages: recordLanguages(record.type, record.body!),
    published_at: isoTime(record.publishedAt!),
    updated_at: isoTime(record.updatedAt!),
  };
}

export function presentSearch(result: SearchResult) {
  return { total: result.total, records: result.records.map(presentPublished), facets: result.facets, next: result.next };
}

function presentFlag(flag: FlagRecord, people: People) {
  return {
    id: flag.id,
    state: flag.state,
    reasons: flag.reasons,
    flagged_at: isoTime(flag.flaggedAt),
    decided_by: flag.decidedBy ? person(flag.decidedBy, people) : null,
    decided_at: flag.decidedAt === null ? null : isoTime(flag.decidedAt),
  };
}

export function presentPair(pair: DuplicatePair, people: People) {
  return { ...presentFlag(pair.flag, people), record: presentSummary(pair.record), other: presentSummary(pair.other) };
}

export function presentMerged(merged: { flag: FlagRecord; merged: RecordSummary; into: RecordSummary }, people: People) {
  return { ...presentFlag(merged.flag, people), merged: presentSummary(merged.merged), into: presentSummary(merged.into) };
}

const counts: JsonSchema = { type: 'array', items: objectSchema({ value: { type: 'string' }, count: { type: 'integer' } }), description: 'most frequent first, then by value' };
const flagFields = {
  id: { type: 'string' },
  state: { type: 'string', enum: ['open', 'dismissed', 'merged'] },
  reasons: { type: 'array', items: { type: 'string', enum: ['title', 'source_url'] } },
  flagged_at: { type: 'string', format: 'date-time' },
  decided_by: { oneOf: [objectSchema({ id: { type: 'string' }, name: { type: 'string' } }), { type: 'null' }] },
  decided_at: { type: ['string', 'null'], format: 'date-time' },
};

export const SEARCH_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  GatewayPublished: objectSchema({
    id: { type: 'string' },
    type: { type: 'string' },
    revision: { type: 'integer', description: 'the published revision' },
    record: { type: 'object', description: 'the published record: a JSON object of its fields' },
    languages: { type: 'array', items: { type: 'string' } },
    published_at: { type: 'string', format: 'date-time', description: 'first published' },
    updated_at: { type: 'string', format: 'date-time', description: 'last published' },
  }),
  GatewaySearch: objectSchema({
    total: { type: 'integer', description: 'published records matching, in all' },
    records: { type: 'array', items: ref('GatewayPublished'), description: 'this page, newest published first' },
    facets: objectSchema(Object.fromEntries(FACETS.map((facet) => [facet, counts]))),
    next: { type: ['string', 'null'], description: 'pass as cursor for the next page; null on the last' },
  }),
  GatewayDuplicate: objectSchema({ ...flagFields, record: ref('GatewayRecordSummary'), other: ref('GatewayRecordSummary') }),
  GatewayMerged: objectSchema({ ...flagFields, merged: ref('GatewayRecordSummary'), into: ref('GatewayRecordSummary') }),
};
