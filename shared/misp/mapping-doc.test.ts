// MAPPING.md states the attribute and template tables the code applies: the two never drift.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_TYPES } from './attribute-types.ts';
import { MAPPING_FILE, withCurrentTable } from './mapping-doc.ts';
import { OBJECT_TEMPLATES } from './object-templates.ts';

describe('MAPPING.md', () => {
  it('holds the tables of attribute-types.ts and object-templates.ts (regenerate: npx node shared/misp/mapping-doc.ts --write)', () => {
    const text = fs.readFileSync(MAPPING_FILE, 'utf8');
    expect(text).toBe(withCurrentTable(text));
    for (const type of Object.keys(ATTRIBUTE_TYPES)) expect(text).toContain(`| \`${type}\` |`);
    for (const name of Object.keys(OBJECT_TEMPLATES)) expect(text).toContain(`| \`${name}\` |`);
  });
});
