/**
 * What changed between two versions of an object, property by property (top level, in the order of the
 * newer version, then those only the older one had). Values compare by their canonical JSON, so key order
 * inside nested objects does not count as a change.
 */

export type Change = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  property: string;
  change: Change;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted at every depth. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export function diffObjects(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const [property, value] of Object.entries(after)) {
    if (!(property in before)) rows.push({ property, change: 'added', before: undefined, after: value });
    else rows.push({ property, change: canonical(before[property]) === canonical(value) ? 'unchanged' : 'changed', before: before[property], after: value });
  }
  for (const [property, value] of Object.entries(before)) if (!(property in after)) rows.push({ property, change: 'removed', before: value, after: undefined });
  return rows;
}
