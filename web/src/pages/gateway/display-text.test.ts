import { describe, expect, it } from 'vitest';
import { displayText, preferenceOrder, textsOf } from './display-text.ts';

describe('displayText', () => {
  it('shows the reader’s own language when the text has it', () => {
    expect(displayText({ en: 'National strategy', ar: 'الاستراتيجية الوطنية' }, 'ar')).toEqual({ language: 'ar', text: 'الاستراتيجية الوطنية', dir: 'rtl', own: true });
  });

  it('falls back to English, then to the six in their order', () => {
    expect(displayText({ fr: 'Stratégie', en: 'Strategy' }, 'ru')).toMatchObject({ language: 'en', own: false, dir: 'ltr' });
    expect(displayText({ es: 'Estrategia', fr: 'Stratégie' }, 'ru')).toMatchObject({ language: 'fr' });
    expect(displayText({ zh: '国家战略', es: 'Estrategia' }, 'ar')).toMatchObject({ language: 'zh' });
  });

  it('skips empty texts and gives nothing for a value that is not a text by language', () => {
    expect(displayText({ ar: '  ', fr: 'Stratégie' }, 'ar')).toMatchObject({ language: 'fr' });
    expect(displayText({}, 'en')).toBeUndefined();
    expect(displayText('plain', 'en')).toBeUndefined();
    expect(displayText(['en'], 'en')).toBeUndefined();
    expect(displayText(null, 'en')).toBeUndefined();
  });

  it('ignores keys that are not one of the six languages', () => {
    expect([...textsOf({ pt: 'Estratégia', en: 'Strategy' }).keys()]).toEqual(['en']);
  });

  it('tries each language once', () => {
    expect(preferenceOrder('en')).toEqual(['en', 'ar', 'zh', 'fr', 'ru', 'es']);
    expect(preferenceOrder('ru')).toEqual(['ru', 'en', 'ar', 'zh', 'fr', 'es']);
  });
});
