import { describe, expect, it } from 'vitest';
import { formatCountOf, formatTable, redactUrl } from './output.ts';

describe('output helpers', () => {
  it('aligns table columns, leaving the last one unpadded', () => {
    expect(formatTable(['ID', 'TITLE'], [['a', 'Short'], ['abcdef', 'Longer title']])).toEqual(['ID      TITLE', 'a       Short', 'abcdef  Longer title']);
  });

  it('counts with separators and a plural', () => {
    expect([formatCountOf(1, 'object'), formatCountOf(0, 'object'), formatCountOf(12345, 'warning')]).toEqual(['1 object', '0 objects', '12,345 warnings']);
  });

  it('never prints a database password', () => {
    expect(redactUrl('postgres://thiqa:s3cret@db:5432/thiqa?options=x')).toBe('postgres://thiqa:***@db:5432/thiqa?options=x');
    expect(redactUrl('postgresql://db/thiqa')).toBe('postgresql://db/thiqa');
    expect(redactUrl('sqlite:/var/lib/thiqa/thiqa.db')).toBe('sqlite:/var/lib/thiqa/thiqa.db');
  });
});
