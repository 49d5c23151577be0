/** Gateway records, their history and the moderation queue as the REST API answers them, and their JSON Schemas. */
import { isoTime } from '../../../core/admin/presenters/organisation.presenter.ts';
import { listOf, objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { recordLanguages } from '../../../../shared/gateway/record-index.ts';
import { RECORD_TYPES } from '../../../../shared/gateway/record-types.ts';
import type { QueuedRevision } from '../services/moderation.service.ts';
import type { RecordHistory } from '../services/record.service.ts';
import type { People, RecordDetail, RecordSummary } from '../services/record-view.ts';

const time = (at: number | null) => (at === null ? null : isoTime(at));
export const person = (id: string, people: People) => ({ id, name: people.get(id) ?? id });

export function presentSummary(summary: RecordSummary) {
  return { id: summary.id, type: summary.type, status: summary.status, title: summary.title };
}

/** A record as its reader may see it; `proposed_by` and `duplicates` for its proposer and the moderators only. */
export function presentRecord(detail: RecordDetail) {
  const { record, shown } = detail;
  return {
    id: record.id,
    type: record.type,
    status: record.status,
    revision: shown.revision,
    revision_state: shown.state,
    record: shown.body,
    languages: recordLanguages(record.type, shown.body),
    proposed_at: isoTime(record.proposedAt),
    published_at: time(record.publishedAt),
    updated_at: time(record.updatedAt),
    merged_into: record.mergedInto,
    proposed_by: detail.insider ? person(record.proposedBy, detail.people) : null,
    duplicates: detail.duplicates.map(({ flag, other }) => ({ id: flag.id, reasons: flag.reasons, flagged_at: isoTime(flag.flaggedAt), other: other ? presentSummary(other) : null })),
  };
}

export function presentHistory(history: RecordHistory) {
  return {
    id: history.record.id,
    type: history.record.type,
    status: history.record.status,
    revisions: history.revisions.map(({ revision: r, whole }) => ({
      revision: r.revision,
      kind: r.kind,
      state: r.state,
      based_on: r.basedOn,
      record: r.body,
      proposed_at: isoTime(r.proposedAt),
      moderated_at: time(r.moderatedAt),
      proposed_by: whole ? person(r.proposedBy, history.people) : null,
      note: whole ? r.note : null,
      moderated_by: whole && r.moderatedBy ? person(r.moderatedBy, history.people) : null,
      comment: whole ? r.comment : null,
    })),
  };
}

export function presentQueue(queue: { items: QueuedRevision[]; total: number; people: People }) {
  return {
    total: queue.total,
    queue: queue.items.map(({ revision: r, type, status, duplicates }) => ({
      id: r.recordId,
      type,
      status,
      revision: r.revision,
      kind: r.kind,
      based_on: r.basedOn,
      title: r.body.title,
      record: r.body,
      note: r.note,
      proposed_by: person(r.proposedBy, queue.people),
      proposed_at: isoTime(r.proposedAt),
      duplicates,
    })),
  };
}

const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
const who = objectSchema({ id: { type: 'string' }, name: { type: 'string' } });
const date = { type: 'string', format: 'date-time' };
const nullableDate = { type: ['string', 'null'], format: 'date-time' };
const body: JsonSchema = { type: 'object', description: 'the record: a JSON object of its fields (see the record types)' };
const text: JsonSchema = { type: 'object', additionalProperties: { type: 'string' }, description: 'the text in each language it is written in' };
const type = { type: 'string', enum: [...RECORD_TYPES] };
const recordStatus = { type: 'string', enum: ['pending', 'published', 'rejected', 'merged'] };
const revisionState = { type: 'string', enum: ['pending', 'accepted', 'rejected', 'changes_requested', 'superseded'] };
const reasons = { type: 'array', items: { type: 'string', enum: ['title', 'source_url'] }, description: 'title: the same type, country and normalised title; source_url: the same normalised source address' };

export const RECORD_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  GatewayRecordSummary: objectSchema({ id: { type: 'string' }, type, status: recordStatus, title: text }),
  GatewayRecord: objectSchema({
    id: { type: 'string' },
    type,
    status: recordStatus,
    revision: { type: 'integer', description: 'the revision shown: the published one, or for a record not yet published its newest' },
    revision_state: revisionState,
    record: body,
    languages: { type: 'array', items: { type: 'string' }, description: 'the languages its texts are written in' },
    proposed_at: date,
    published_at: { ...nullableDate, description: 'first published' },
    updated_at: { ...nullableDate, description: 'last published (a correction accepted)' },
    merged_into: { type: ['string', 'null'], description: 'the record it was merged into, as a duplicate' },
    proposed_by: { ...nullable(who), description: 'for its proposer and the moderators; null for others' },
    duplicates: {
      type: 'array',
      description: 'open flags of likely duplicates, for its proposer and the moderators (empty for others); other is null when the reader may not see it',
      items: objectSchema({ id: { type: 'string' }, reasons, flagged_at: date, other: nullable(ref('GatewayRecordSummary')) }),
    },
  }),
  GatewayHistory: objectSchema({
    id: { type: 'string' },
    type,
    status: recordStatus,
    revisions: {
      type: 'array',
      description: 'oldest first: what the reader may see (the accepted revisions for anyone; all for the moderators; its own to a proposer); who and why only where null is not shown',
      items: objectSchema({
        revision: { type: 'integer' },
        kind: { type: 'string', enum: ['new', 'correction'] },
        state: revisionState,
        based_on: { type: ['integer', 'null'], description: 'a correction: the published revision it was made from' },
        record: body,
        proposed_at: date,
        moderated_at: nullableDate,
        proposed_by: nullable(who),
        note: { type: ['string', 'null'] },
        moderated_by: nullable(who),
        comment: { type: ['string', 'null'], description: 'the moderator’s comment' },
      }),
    },
  }),
  GatewayQueue: objectSchema({
    total: { type: 'integer', description: 'pending revisions in all' },
    queue: {
      type: 'array',
      items: objectSchema({
        id: { type: 'string', description: 'the record' },
        type,
        status: recordStatus,
        revision: { type: 'integer' },
        kind: { type: 'string', enum: ['new', 'correction'] },
        based_on: { type: ['integer', 'null'] },
        title: text,
        record: body,
        note: { type: ['string', 'null'] },
        proposed_by: who,
        proposed_at: date,
        duplicates: { type: 'integer', description: 'open duplicate flags of the record' },
      }),
    },
  }),
  GatewayModerated: objectSchema({ record: ref('GatewayRecord'), decision: { type: 'string', enum: ['accepted', 'rejected', 'changes_requested'] } }),
  GatewayRevised: objectSchema({ record: ref('GatewayRecord'), revision: { type: 'integer', description: 'the new revision' } }),
};

export const RECORD_LIST = listOf('GatewayRecord');
