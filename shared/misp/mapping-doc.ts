/**
 * The generated tables of MAPPING.md: attributes from `ATTRIBUTE_TYPES`, object templates from
 * `OBJECT_TEMPLATES` (the test in mapping-doc.test.ts keeps the document and the code equal). Regenerate with
 * `npx node shared/misp/mapping-doc.ts --write`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ATTRIBUTE_TYPES } from './attribute-types.ts';
import { OBJECT_TEMPLATES } from './object-templates.ts';

export const TABLE_START = '<!-- attribute-table:start (generated from attribute-types.ts) -->';
export const TABLE_END = '<!-- attribute-table:end -->';
export const TEMPLATE_TABLE_START = '<!-- template-table:start (generated from object-templates.ts) -->';
export const TEMPLATE_TABLE_END = '<!-- template-table:end -->';

const KIND_TEXT = {
  observable: 'indicator if `to_ids`, else observed-data; with the observables',
  pattern: 'indicator (always: a detection rule)',
  vulnerability: 'vulnerability',
  'threat-actor': 'threat-actor',
  campaign: 'campaign',
  note: 'note on the report',
} as const;

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Markdown table, one row per mapped type, sorted by type. */
export function attributeTable(): string {
  const rows = Object.entries(ATTRIBUTE_TYPES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, mapping]) => `| \`${type}\` | ${KIND_TEXT[mapping.kind]} | ${cell(mapping.becomes)} |`);
  return ['| MISP type | STIX object | properties |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The Markdown table, one row per mapped template, sorted by name, its relations in the order they are read. */
export function templateTable(): string {
  const rows = Object.entries(OBJECT_TEMPLATES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, template]) => {
      const relations = Object.entries(template.relations).map(([relation, reader]) => `\`${relation}\` → ${reader.gives}${reader.many ? ' (every one)' : ''}${reader.as ? ` (the first of it and \`${reader.as}\`)` : ''}`);
      return `| \`${name}\` | ${cell(template.becomes)} | ${cell(relations.join('; '))} |`;
    });
  return ['| MISP template | STIX object | `object_relation` → property |', '| --- | --- | --- |', ...rows].join('\n');
}

export const MAPPING_FILE = path.join(import.meta.dirname, 'MAPPING.md');

/** `text` with the block between `start` and `end` replaced by `table`. */
function withBlock(text: string, start: string, end: string, table: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`MAPPING.md has no ${start} … ${end} block`);
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
}

/** MAPPING.md with its tables replaced by the ones the code gives. */
export function withCurrentTable(text: string): string {
  return withBlock(withBlock(text, TABLE_START, TABLE_END, attributeTable()), TEMPLATE_TABLE_START, TEMPLATE_TABLE_END, templateTable());
}

if (process.argv.includes('--write') && process.argv[1] === import.meta.filename) {
  fs.writeFileSync(MAPPING_FILE, withCurrentTable(fs.readFileSync(MAPPING_FILE, 'utf8')));
}
