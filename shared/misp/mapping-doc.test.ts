// MAPPING.md states the attribute table the code applies: the two never drift.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_TYPES } from './attribute-types.ts';
import { MAPPING_FILE, withCurrentTable } from './mapping-doc.ts';

describe('MAPPING.md', () => {
  it('holds the attribute table of attribute-types.ts (regenerate: npx node shared/misp/mapping-doc.ts --write)', () => {
    const text = fs.readFileSync(MAPPING_FILE, 'utf8');
    expect(text).toBe(withCurrentTable(text));
    for (const type of Object.keys(ATTRIBUTE_TYPES)) expect(text).toContain(`| \`${type}\` |`);
  });
});
