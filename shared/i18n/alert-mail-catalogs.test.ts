// The alert e-mail catalogs: every language has every sentence, with the English one's placeholders, in its own words.
import { describe, expect, it } from 'vitest';
import { ALERT_MAIL_CATALOGS, alertMailText } from './alert-mail-messages.ts';
import { placeholdersOf } from './interpolate.ts';
import { LANGUAGES } from './languages.ts';

describe('alert e-mail catalogs', () => {
  const keys = Object.keys(ALERT_MAIL_CATALOGS.en).sort();
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every sentence, with the placeholders of the English one, in its own words', (language) => {
    const catalog = ALERT_MAIL_CATALOGS[language] as Record<string, string>;
    expect(Object.keys(catalog).sort()).toEqual(keys);
    for (const key of keys) {
      expect(placeholdersOf(catalog[key]!), `${language} ${key}`).toEqual(placeholdersOf((ALERT_MAIL_CATALOGS.en as Record<string, string>)[key]!));
      expect(catalog[key], `${language} ${key}`).not.toBe((ALERT_MAIL_CATALOGS.en as Record<string, string>)[key]);
    }
  });

  it('fills a sentence in the language asked for, and in English for none', () => {
    expect(alertMailText('fr', 'subject_alert', { subscription: 'SOC', object: 'x' })).toBe('Alerte Thiqa : SOC : x');
    expect(alertMailText(null, 'subject_alert', { subscription: 'SOC', object: 'x' })).toBe('Thiqa alert: SOC: x');
  });
});
