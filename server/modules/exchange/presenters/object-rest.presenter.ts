/**
 * Objects as the REST API answers them for the web UI (summaries, an object's detail, the dashboard, an
 * import's outcome), and the JSON Schemas of those answers for the OpenAPI document. Times are ISO 8601.
 */
import { listOf, objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { formatKey, formatMicros } from '../../../../shared/stix/timestamp.ts';
import { TLP_LEVELS, tlpName } from '../../../../shared/stix/sharing.ts';
import type { Dashboard, Named, ObjectDetail, ObjectLink, ObjectSummary, SummaryPage } from '../services/object-browse.service.ts';
import type { ImportReport } from '../services/bundle-transfer.service.ts';

const versionText = (key: string): string | null => (key === '' ? null : formatKey(key));
const named = (value: Named | null) => value && { id: value.id, name: value.name };

/** An object in a few words. */
export function presentSummary(summary: ObjectSummary) {
  return {
    id: summary.id,
    type: summary.type,
    name: summary.name,
    description: summary.description,
    tlp: tlpName(summary.tlp),
    version: versionText(summary.version),
    date_added: formatMicros(summary.dateAdded),
    organisation: named(summary.organisation),
    collection: summary.collectionId,
    warning_lists: summary.warningLists.map((flag) => ({ name: flag.name, type: flag.type, matched_value: flag.matchedValue })),
  };
}

/** A page of summaries and the cursor of the next one. */
export function presentSummaryPage(page: SummaryPage) {
  return { objects: page.objects.map(presentSummary), next: page.next ?? null };
}

function presentLink(link: ObjectLink) {
  return {
    relationship: presentSummary(link.relationship),
    relationship_type: link.relationshipType,
    other: link.other && presentSummary(link.other),
    other_id: link.otherId,
  };
}

/** An object's visible version, its versions and its links. */
export function presentDetail(detail: ObjectDetail) {
  return {
    object: detail.object,
    summary: presentSummary(detail.summary),
    versions: detail.versions.map((v) => ({ version: versionText(v.version), date_added: formatMicros(v.dateAdded) })),
    relationships: { outgoing: detail.outgoing.map(presentLink), incoming: detail.incoming.map(presentLink) },
  };
}

export function presentDashboard(dashboard: Dashboard) {
  return {
    collections: dashboard.collections,
    recent: dashboard.recent.map(presentSummary),
    by_type: dashboard.byType.map(({ type, count }) => ({ type, count })),
    by_tlp: dashboard.byTlp.map(({ tlp, count }) => ({ tlp: tlpName(tlp), count })),
    activity: dashboard.activity.map((a) => ({
      community: named(a.community),
      collection: { id: a.collection.id, title: a.collection.title },
      organisation: named(a.organisation),
      objects: a.objects,
      last_added: formatMicros(a.lastAdded),
    })),
  };
}

export function presentImport(report: ImportReport) {
  return {
    total: report.total,
    stored: report.stored,
    duplicates: report.duplicates,
    rejected: report.rejected,
    redacted: report.redacted,
    personal_data: report.personalData,
    results: report.results.map((r) => ({ index: r.index, id: r.id, type: r.type, outcome: r.outcome, problems: r.problems })),
  };
}

const text = (description: string): JsonSchema => ({ type: 'string', description });
const maybe = (description: string): JsonSchema => ({ type: ['string', 'null'], description });
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
const organisation: JsonSchema = { oneOf: [objectSchema({ id: text('organisation id'), name: text('name') }), { type: 'null' }] };
const summaryOrNull: JsonSchema = { oneOf: [ref('ObjectSummary'), { type: 'null' }] };

/** Named schemas of the answers above. */
export const OBJECT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  ObjectSummary: objectSchema({
    id: text('STIX id'),
    type: text('STIX type'),
    name: maybe('name, else value (SCOs), at most 300 characters'),
    description: maybe('the first 300 characters of the description'),
    tlp: { type: 'string', enum: [...TLP_LEVELS], description: 'TLP level of the version' },
    version: maybe('modified (else created) of the version; null for objects with neither'),
    date_added: text('when the version was added to the collection'),
    organisation: { ...organisation, description: 'the organisation that stored it' },
    collection: text('collection id'),
    warning_lists: {
      type: 'array',
      items: objectSchema({ name: text('the warning list’s name'), type: text('its type: cidr, hostname, string, substring or regex'), matched_value: text('the object’s value on it: an observable’s value, or one its indicator’s pattern compares') }),
      description: 'the enabled MISP warning lists the object’s values are on (likely false positives); empty when none',
    },
  }),
  ObjectPage: objectSchema({ objects: listOf('ObjectSummary'), next: maybe('cursor of the next page (send it as next); null on the last page') }),
  ObjectLink: objectSchema({
    relationship: ref('ObjectSummary'),
    relationship_type: maybe('relationship_type of a relationship; null for a sighting'),
    other: { ...summaryOrNull, description: 'the object at the other end; null when the caller may not see it or it is not in the collection' },
    other_id: maybe('id of the other end (a sighting: where_sighted_refs[0] incoming, sighting_of_ref outgoing; null when absent)'),
  }),
  ObjectDetail: objectSchema({
    object: { type: 'object', description: 'the newest version the caller may see, as TAXII serves it' },
    summary: ref('ObjectSummary'),
    versions: { type: 'array', items: objectSchema({ version: maybe('modified, else created'), date_added: text('when added') }), description: 'visible versions, oldest first' },
    relationships: objectSchema({ outgoing: listOf('ObjectLink'), incoming: listOf('ObjectLink') }),
  }),
  Dashboard: objectSchema({
    collections: count('collections the caller may read'),
    recent: listOf('ObjectSummary'),
    by_type: { type: 'array', items: objectSchema({ type: text('STIX type'), count: count('latest versions') }) },
    by_tlp: { type: 'array', items: objectSchema({ tlp: { type: 'string', enum: [...TLP_LEVELS] }, count: count('latest versions') }) },
    activity: {
      type: 'array',
      items: objectSchema({
        community: objectSchema({ id: text('community id'), name: text('name') }),
        collection: objectSchema({ id: text('collection id'), title: text('title') }),
        organisation,
        objects: count('versions added in the last 30 days'),
        last_added: text('when the last of them was added'),
      }),
    },
  }),
  ImportReport: objectSchema({
    total: count('objects in the file'),
    stored: count('stored now'),
    duplicates: count('already stored (same id and version)'),
    rejected: count('refused'),
    redacted: count('findings of personal data replaced by [redacted] (personal_data=redact)'),
    personal_data: { type: ['string', 'null'], enum: ['confirm', 'redact', null], description: 'what the importer decided about personal data, when it was asked to' },
    results: {
      type: 'array',
      items: objectSchema({
        index: count('position in the bundle’s objects'),
        id: maybe('the object’s id'),
        type: maybe('the object’s type'),
        outcome: { type: 'string', enum: ['stored', 'duplicate', 'rejected'] },
        problems: {
          type: 'array',
          items: objectSchema(
            {
              rule: text('rule code (shared/stix/RULES.md, or a sharing rule)'),
              path: text('JSON path'),
              message: text('what is wrong'),
              params: { type: 'object', description: 'what a translated sentence needs beyond the path (a pattern error: line, column)', additionalProperties: { type: ['string', 'integer'] } },
            },
            ['params'],
          ),
        },
      }),
    },
  }),
};
