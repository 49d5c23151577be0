/**
 * The CSV feed (RFC 4180: CRLF line ends, a field quoted when it holds a comma, a double quote, CR or LF,
 * quotes doubled): a header, then one row per value and source object, in `sortEntries` order. Labels are
 * joined by `;`.
 */
import type { FeedEntry } from './feed-entries.ts';

export const CSV_COLUMNS = ['type', 'value', 'tlp', 'labels', 'confidence', 'valid_from', 'valid_until', 'source_id', 'source_type'] as const;

/** A field as RFC 4180 writes it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text of sorted entries. */
export function writeCsvFeed(entries: readonly FeedEntry[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const fields = [e.kind, e.value, e.tlp, e.labels.join(';'), e.confidence === undefined ? '' : String(e.confidence), e.validFrom ?? '', e.validUntil ?? '', e.sourceId, e.sourceType];
    rows.push(fields.map(csvField).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
