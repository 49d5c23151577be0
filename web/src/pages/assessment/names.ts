/** Names of what Assessment pages show, in the reader's language: countries (by the server's ICU), UN M49 regions, measures. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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
