/** Names of what Assessment pages show, in the reader's language: countries (by the server's ICU), UN M49 regions, measures. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Text } from '../../../../shared/assessment/framework.ts';
import type { Language } from '../../../../shared/i18n/languages.ts';
import { useCountries } from '../../components/useCountries.ts';
import { measureKey, type Measure } from './measures.ts';

export interface Names {
  country(code: string): string;
  region(code: string | null): string;
  measure(measure: Measure): string;
}

/** The names of this language; a country ICU does not name is shown by its code. */
export function useNames(): Names {
  const { t } = useTranslation();
  const countries = useCountries();
  return useMemo(
    () => ({
      country: (code) => countries.get(code) ?? code,
      region: (code) => (code === null ? '—' : t(`assessment.region.${code}`, { defaultValue: code })),
      measure: (measure) => t(measureKey(measure), { defaultValue: measure }),
    }),
    [countries, t],
  );
}

/**
 * The same names, a pillar the catalogs do not know (another framework's) named by its own title in
 * `language` (English if the framework lacks it) instead of its id.
 */
export function withPillarTitles(names: Names, pillars: readonly { id: string; title: Partial<Text> }[], language: Language): Names {
  const titles = new Map(pillars.map((p) => [p.id, p.title[language] ?? p.title.en]));
  return {
    ...names,
    measure: (measure) => {
      const named = names.measure(measure);
      return named === measure ? (titles.get(measure) ?? measure) : named;
    },
  };
}
