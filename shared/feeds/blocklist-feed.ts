/** Plain blocklists: the values of one kind, one a line, in normal form, sorted (code point order), each once. */
import type { FeedEntry } from './feed-entries.ts';
import type { ValueKind } from './feed-values.ts';

/** The distinct values of one kind, sorted. */
export function distinctValues(entries: readonly FeedEntry[], kind: ValueKind): string[] {
  const values = [...new Set(entries.filter((e) => e.kind === kind).map((e) => e.value))];
  return values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The blocklist text of one kind: LF line ends, a final LF when not empty. */
export function writeBlocklist(entries: readonly FeedEntry[], kind: ValueKind): string {
  const values = distinctValues(entries, kind);
  return values.length ? `${values.join('\n')}\n` : '';
}
