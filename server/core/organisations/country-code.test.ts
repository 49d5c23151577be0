import { describe, expect, it } from 'vitest';
import { countryName, normaliseCountryCode } from './country-code.ts';

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
