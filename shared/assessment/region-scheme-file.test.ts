import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryByAlpha2 } from './iso3166.ts';
import { readRegionScheme } from './region-scheme-file.ts';

const HEADER = 'region,name,country';
const where = (text: string) => readRegionScheme(text).problems.map((p) => `${p.rule} ${p.path}`);

describe('readRegionScheme', () => {
  it('reads regions with their names and countries; a country may be in several regions', () => {
    const text = [
      'Region,Name,Country,name_ar,name_fr',
      'ARB,Arab States,tn,الدول العربية,États arabes',
      'ARB,,EG,,',
      '"LDC","Least developed countries, UN",YE,,',
      ',,,,',
      'ARB,Arab States,YE,الدول العربية,',
      '',
    ].join('\r\n');
    const { regions, problems } = readRegionScheme(text);
    expect(problems).toEqual([]);
    expect(regions).toEqual([
      { region: 'ARB', name: 'Arab States', names: { ar: 'الدول العربية', fr: 'États arabes' }, countries: ['EG', 'TN', 'YE'] },
      { region: 'LDC', name: 'Least developed countries, UN', names: {}, countries: ['YE'] },
    ]);
  });

  it.each([
    ['an unknown country code', `${HEADER}\nARB,Arab States,TN\nARB,,EG\nARB,,XX\n`, ['region-scheme-unknown-country line 4, country'], 'unknown country code "XX": not an assigned ISO 3166-1 alpha-2 code'],
    ['a withdrawn country code', `${HEADER}\nEU1,Europe,UK\n`, ['region-scheme-unknown-country line 2, country'], 'unknown country code "UK"'],
    ['an alpha-3 code', `${HEADER}\nARB,Arab States,TUN\n`, ['region-scheme-unknown-country line 2, country'], '"TUN"'],
    ['an empty country code', `${HEADER}\nARB,Arab States,\n`, ['region-scheme-unknown-country line 2, country'], 'the country code is empty'],
    ['an empty region code', `${HEADER}\n,Arab States,TN\n`, ['region-scheme-bad-region line 2, region'], 'the region code is empty'],
    ['a region code with a space', `${HEADER}\nArab States,Arab States,TN\n`, ['region-scheme-bad-region line 2, region'], 'is not a region code'],
    ['a duplicate row', `${HEADER}\nARB,Arab States,TN\nARB,,EG\narb,x,TN\nARB,,tn\n`, ['region-scheme-duplicate-row line 5, country'], 'TN is in region "ARB" already (line 2)'],
    ['a region with two names', `${HEADER}\nARB,Arab States,TN\nARB,Arab states,EG\n`, ['region-scheme-conflicting-name line 3, name'], 'region "ARB" is named "Arab States" on line 2 and "Arab states" here'],
    ['two names in one language', `${HEADER},name_fr\nARB,Arab States,TN,États arabes\nARB,,EG,Pays arabes\n`, ['region-scheme-conflicting-name line 3, name_fr'], 'named "États arabes" on line 2'],
    ['a region with no name', `${HEADER}\nARB,,TN\nARB,,EG\n`, ['region-scheme-bad-name line 2, name'], 'region "ARB" has no name on any of its lines'],
    ['a name too long', `${HEADER}\nARB,${'x'.repeat(201)},TN\n`, ['region-scheme-bad-name line 2, name'], 'more than 200'],
    ['a missing column', 'region,country\nARB,TN\n', ['region-scheme-missing-column line 1'], 'it lacks name'],
    ['an unknown column', `${HEADER},name_de\nARB,Arab States,TN,Arabische Staaten\n`, ['region-scheme-unknown-column line 1, name_de'], '"name_de" is not a column'],
    ['a column named twice', `${HEADER},name\nARB,Arab States,TN,Arab States\n`, ['region-scheme-duplicate-column line 1, name'], 'named twice'],
    ['a line longer than the header', `${HEADER}\nARB,Arab States,TN,extra\n`, ['region-scheme-bad-row line 2'], 'the line has 4 fields, the header 3'],
    ['no regions', `${HEADER}\n\n,,\n`, ['region-scheme-empty line 1'], 'no regions'],
    ['an empty file', '', ['region-scheme-missing-column line 1'], 'lacks region, name, country'],
  ])('refuses %s, naming the line and column', (_case, text, expected, message) => {
    const { regions, problems } = readRegionScheme(text);
    expect(regions).toBeUndefined();
    expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(expected);
    expect(problems[0]!.message).toContain(message);
    expect(problems[0]!.line).toBe(Number(/line (\d+)/.exec(expected[0]!)![1]));
  });

  it('lists every problem of a file, in line order, and reads nothing from it', () => {
    const text = `${HEADER},colour\nARB,Arab States,TN,\nARB,Arab States,QQ,\n,Nowhere,FR,\nARB,Arab States,TN,\nLDC,,YE,\n`;
    expect(where(text)).toEqual([
      'region-scheme-unknown-column line 1, colour',
      'region-scheme-unknown-country line 3, country',
      'region-scheme-bad-region line 4, region',
      'region-scheme-duplicate-row line 5, country',
      'region-scheme-bad-name line 6, name',
    ]);
    const { problems } = readRegionScheme(text);
    expect(problems.find((p) => p.line === 3)).toMatchObject({ line: 3, column: 'country', path: 'line 3, country' });
  });

  const known = fc.constantFrom(...COUNTRY_CODES.map((c) => c.alpha2));
  const unknown = fc.stringMatching(/^[A-Z]{2}$/).filter((code) => countryByAlpha2(code) === undefined);
  const schemes = fc.dictionary(fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/), fc.uniqueArray(known, { minLength: 1, maxLength: 8 }), { minKeys: 1, maxKeys: 6 });

  /** The rows of a scheme, each region named on its first row only, in an order set by `seed`. */
  const rowsOf = (scheme: Record<string, string[]>, seed: number) => {
    const rows = Object.entries(scheme).flatMap(([region, countries]) => countries.map((country, i) => `${region},${i === 0 ? `Region ${region}` : ''},${country}`));
    return rows.map((row, i) => ({ row, key: (i * 7919 + seed) % 104729 })).sort((a, b) => a.key - b.key).map((r) => r.row);
  };

  it('reads back any scheme written as a file, whatever the order of its rows', () => {
    fc.assert(
      fc.property(schemes, fc.nat(), (scheme, seed) => {
        const { regions, problems } = readRegionScheme([HEADER, ...rowsOf(scheme, seed)].join('\n'));
        expect(problems).toEqual([]);
        expect(Object.fromEntries(regions!.map((r) => [r.region, r.countries]))).toEqual(Object.fromEntries(Object.entries(scheme).map(([r, c]) => [r, [...c].sort()])));
        for (const region of regions!) expect(region.name).toBe(`Region ${region.region}`);
      }),
    );
  });

  it('refuses any scheme with an unknown country code, naming exactly that line and code', () => {
    fc.assert(
      fc.property(schemes, fc.nat(), unknown, fc.nat(), (scheme, seed, code, at) => {
        const rows = rowsOf(scheme, seed);
        const index = at % (rows.length + 1);
        const region = Object.keys(scheme)[0]!;
        rows.splice(index, 0, `${region},,${code}`);
        const { regions, problems } = readRegionScheme([HEADER, ...rows].join('\n'));
        expect(regions).toBeUndefined();
        expect(problems).toEqual([expect.objectContaining({ rule: 'region-scheme-unknown-country', line: index + 2, column: 'country', message: expect.stringContaining(`"${code}"`) })]);
      }),
    );
  });
});
