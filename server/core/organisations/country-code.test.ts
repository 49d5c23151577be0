import { describe, expect, it } from 'vitest';
import { countryCodes, countryName, countryNames, normaliseCountryCode } from './country-code.ts';

describe('ISO 3166-1 alpha-2 country codes', () => {
  it.each([['SN', 'SN'], ['fr', 'FR'], [' gb ', 'GB'], ['AQ', 'AQ'], ['CD', 'CD'], ['PS', 'PS']])('takes %j as %s', (input, code) => {
    expect(normaliseCountryCode(input)).toBe(code);
  });

  it.each(['EU', 'EZ', 'UN', 'ZZ', 'XK', 'XA', 'QO', 'AA', 'XX', 'AC', 'IC', 'TA', 'DG'])('refuses %s, which is no assigned country', (code) => {
    expect(normaliseCountryCode(code)).toBeUndefined();
  });

  it.each(['UK', 'ZR', 'YU', 'SU', 'DD', 'AN'])('refuses the withdrawn code %s (ICU would rename it)', (code) => {
    expect(normaliseCountryCode(code)).toBeUndefined();
  });

  it.each(['001', '150', '', 'S', 'SEN', 'S1', 'é'])('refuses %j, which is not two letters', (code) => {
    expect(normaliseCountryCode(code)).toBeUndefined();
  });

  it('names a country in English', () => {
    expect(countryName('SN')).toBe('Senegal');
  });
});

describe('the list of countries', () => {
  it('holds the 249 codes ISO 3166-1 assigns, and none of those it refuses', () => {
    const codes = countryCodes();
    expect(codes).toHaveLength(249);
    for (const code of ['SN', 'PS', 'TW', 'AQ', 'SS']) expect(codes).toContain(code);
    for (const code of ['UK', 'EU', 'XK', 'ZZ', 'AC']) expect(codes).not.toContain(code);
  });

  it('names every country in each of the six languages as ICU writes it, sorted as the language sorts', () => {
    const named = (language: string, code: string) => countryNames(language).find((c) => c.code === code)?.name;
    expect([named('ar', 'EG'), named('zh', 'CN'), named('en', 'SN'), named('fr', 'DE'), named('ru', 'RU'), named('es', 'ES')]).toEqual([
      'مصر', '中国', 'Senegal', 'Allemagne', 'Россия', 'España',
    ]);
    const french = countryNames('fr').map((c) => c.name);
    expect(french.indexOf('Égypte')).toBeLessThan(french.indexOf('Espagne'));
    expect(countryNames('ru')).toHaveLength(249);
  });
});
