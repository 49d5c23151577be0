import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDataDir } from '../../test/support/reference-data.ts';
import { parseCsv } from './csv.ts';
import { COUNTRY_CODES, countryByAlpha2, countryByNumeric } from './iso3166.ts';

describe('ISO 3166-1 numeric codes', () => {
  it('gives every country of the table a distinct three-digit code', () => {
    const codes = COUNTRY_CODES.map((c) => c.numeric);
    for (const code of codes) expect(code).toMatch(/^\d{3}$/);
    expect(new Set(codes).size).toBe(COUNTRY_CODES.length);
  });

  it('finds a country by its numeric code, written with or without leading zeros', () => {
    expect(countryByNumeric('788')?.alpha2).toBe('TN');
    expect(countryByNumeric('004')?.alpha2).toBe('AF');
    expect(countryByNumeric(4)?.alpha2).toBe('AF');
    expect(countryByNumeric('840')?.alpha3).toBe('USA');
    expect(countryByNumeric('999')).toBeUndefined();
    expect(countryByAlpha2('ye')?.numeric).toBe('887');
  });

  it('agrees with the reference ISO 3166 / M49 list for every country', () => {
    const rows = parseCsv(fs.readFileSync(path.join(referenceDataDir(), 'countries', 'iso3166-m49.csv'), 'utf8'));
    const header = rows[0]!.fields;
    const [alpha2, numeric] = [header.indexOf('alpha-2'), header.indexOf('country-code')];
    const reference = new Map(rows.slice(1).map((row) => [row.fields[alpha2]!, row.fields[numeric]!]));
    expect(reference.size).toBe(COUNTRY_CODES.length);
    const differing = COUNTRY_CODES.filter((c) => reference.get(c.alpha2) !== c.numeric).map((c) => `${c.alpha2}:${c.numeric}≠${reference.get(c.alpha2)}`);
    expect(differing).toEqual([]);
  });
});
