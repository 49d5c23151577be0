/**
 * The catalog keys of the Gateway's words. Codes of a small closed set (statuses, revision states, reasons,
 * facets, moderation actions) are written out whole, so the missing-translation check sees each one and a
 * new code without a text does not compile. What the record types declare as data (types, fields, enum
 * values) is keyed by its code, and `gateway-labels.test.ts` checks that the catalogs have every one.
 */
import type { Facet } from '../../../../shared/gateway/record-index.ts';
import type { DuplicateReason, FlagState, ModerationAction, RecordStatus, RevisionKind, RevisionState } from '../../api/gateway-types.ts';

/** Catalog keys as codes are written in them: `under-revision` → `under_revision`. */
const code = (value: string) => value.replace(/-/g, '_');

export const typeKey = (type: string) => `gateway.type.${type}`;
export const typeHintKey = (type: string) => `gateway.type_hint.${type}`;
export const fieldKey = (field: string) => `gateway.field.${field}`;
export const valueKey = (field: string, value: string) => `gateway.value.${field}.${code(value)}`;
/** UN M49 areas the Assessment catalogs do not name (the world, intermediate regions). */
export const areaKey = (area: string) => `gateway.area.${area}`;

export const RECORD_STATUS: Readonly<Record<RecordStatus, string>> = {
  pending: 'gateway.status_pending',
  published: 'gateway.status_published',
  rejected: 'gateway.status_rejected',
  merged: 'gateway.status_merged',
};

export const REVISION_STATE: Readonly<Record<RevisionState, string>> = {
  pending: 'gateway.state_pending',
  accepted: 'gateway.state_accepted',
  rejected: 'gateway.state_rejected',
  changes_requested: 'gateway.state_changes_requested',
  superseded: 'gateway.state_superseded',
};

export const REVISION_KIND: Readonly<Record<RevisionKind, string>> = {
  new: 'gateway.kind_new',
  correction: 'gateway.kind_correction',
};

export const DUPLICATE_REASON: Readonly<Record<DuplicateReason, string>> = {
  title: 'gateway.reason_title',
  source_url: 'gateway.reason_source_url',
};

export const FLAG_STATE: Readonly<Record<FlagState, string>> = {
  open: 'gateway.flag_open',
  dismissed: 'gateway.flag_dismissed',
  merged: 'gateway.flag_merged',
};

export const FACET_NAME: Readonly<Record<Facet, string>> = {
  type: 'gateway.facet_type',
  country: 'gateway.facet_country',
  region: 'gateway.facet_region',
  pillar: 'gateway.facet_pillar',
  language: 'gateway.facet_language',
  year: 'gateway.facet_year',
};

export const ACTION: Readonly<Record<ModerationAction, string>> = {
  accept: 'gateway.action_accept',
  reject: 'gateway.action_reject',
  request_changes: 'gateway.action_request_changes',
};
