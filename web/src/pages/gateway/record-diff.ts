/**
 * What a revision changes in a record, field by field in the order of the type's declaration (a correction
 * against the published version, a revision against the one before it). Values compare by their JSON with
 * keys sorted, so the order of a text's languages is no change; a list's order is one.
 */
import { RECORD_TYPE_SPECS, type GatewayRecord, type RecordType } from '../../../../shared/gateway/record-types.ts';

export type FieldChange = 'added' | 'removed' | 'changed';

export interface FieldDiff {
  field: string;
  change: FieldChange;
  before: unknown;
  after: unknown;
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${sortedJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The fields that differ between `before` and `after` (none when they are the same record). */
export function diffRecord(type: RecordType, before: GatewayRecord, after: GatewayRecord): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const { name } of RECORD_TYPE_SPECS[type].fields) {
    const was = before[name];
    const is = after[name];
    if (was === undefined && is === undefined) continue;
    if (was === undefined) diffs.push({ field: name, change: 'added', before: undefined, after: is });
    else if (is === undefined) diffs.push({ field: name, change: 'removed', before: was, after: undefined });
    else if (sortedJson(was) !== sortedJson(is)) diffs.push({ field: name, change: 'changed', before: was, after: is });
  }
  return diffs;
}
