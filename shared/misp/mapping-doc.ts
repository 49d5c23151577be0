/**
 * The attribute table of MAPPING.md, written from `ATTRIBUTE_TYPES` (the test in mapping-doc.test.ts keeps
 * the two equal). Regenerate with `npx node shared/misp/mapping-doc.ts --write`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ATTRIBUTE_TYPES } from './attribute-types.ts';

export const TABLE_START = '<!-- attribute-table:start (generated from attribute-types.ts) -->';
export const TABLE_END = '<!-- attribute-table:end -->';

const KIND_TEXT = {
  observable: 'indicator if `to_ids`, else observed-data; with the observables',
  pattern: 'indicator (always: a detection rule)',
  vulnerability: 'vulnerability',
  'threat-actor': 'threat-actor',
  campaign: 'campaign',
  note: 'note on the report',
} as const;

/** The Markdown table, one row per mapped type, sorted by type. */
export function attributeTable(): string {
  const rows = Object.entries(ATTRIBUTE_TYPES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, mapping]) => `| \`${type}\` | ${KIND_TEXT[mapping.kind]} | ${mapping.becomes.replace(/\|/g, '\\|')} |`);
  return ['| MISP type | STIX object | properties |', '| --- | --- | --- |', ...rows].join('\n');
}

export const MAPPING_FILE = path.join(import.meta.dirname, 'MAPPING.md');

/** MAPPING.md with its table replaced by the one the code gives. */
export function withCurrentTable(text: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`MAPPING.md has no ${TABLE_START} … ${TABLE_END} block`);
  return `${text.slice(0, start + TABLE_START.length)}\n${attributeTable()}\n${text.slice(end)}`;
}

if (process.argv.includes('--write') && process.argv[1] === import.meta.filename) {
  fs.writeFileSync(MAPPING_FILE, withCurrentTable(fs.readFileSync(MAPPING_FILE, 'utf8')));
}
