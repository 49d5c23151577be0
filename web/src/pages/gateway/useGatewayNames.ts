/**
 * Names of what Gateway pages show, in the reader's language: record types, fields and their values from the
 * catalogs; countries from the server's ICU; UN M49 areas from the catalogs (the Assessment's, and the
 * Gateway's for the world and intermediate regions); GCA pillars and indicators from the framework; any
 * language by `Intl.DisplayNames`. A code nothing names is shown as it is.
 */
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facet } from '../../../../shared/gateway/record-index.ts';
import type { Language } from '../../../../shared/i18n/languages.ts';
import { useCountries } from '../../components/useCountries.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { gcaName } from './gca-names.ts';
import { areaKey, fieldKey, typeKey, valueKey } from './gateway-labels.ts';

export interface GatewayNames {
  language: Language;
  type(type: string): string;
  field(field: string): string;
  value(field: string, value: string): string;
  country(code: string): string;
  region(code: string): string;
  /** A pillar's or indicator's name, with its number for an indicator (`1.2 Data protection`). */
  gca(id: string): string;
  languageName(code: string): string;
  facetValue(facet: Facet, value: string): string;
  /** Countries sorted by their name in the reader's language, for pickers. */
  countryOptions: { code: string; name: string }[];
}

const NamesContext = createContext<GatewayNames | undefined>(undefined);

/** Gives the Gateway's pages their names, made once per language (one request for the country names, not one per value shown). */
export function GatewayNamesProvider({ children }: { children: ReactNode }) {
  return createElement(NamesContext.Provider, { value: useNamesOfLanguage() }, children);
}

/** The names of the reader's language, inside `GatewayNamesProvider` (`GatewayPages` puts every Gateway page in one). */
export function useGatewayNames(): GatewayNames {
  const names = useContext(NamesContext);
  if (!names) throw new Error('useGatewayNames outside GatewayNamesProvider');
  return names;
}

function useNamesOfLanguage(): GatewayNames {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useCountries();
  return useMemo(() => {
    const displayNames = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    const collator = new Intl.Collator(language);
    const names: GatewayNames = {
      language,
      type: (type) => t(typeKey(type), { defaultValue: type }),
      field: (field) => t(fieldKey(field), { defaultValue: field.replace(/_/g, ' ') }),
      value: (field, value) => t(valueKey(field, value), { defaultValue: value }),
      country: (code) => countries.get(code) ?? code,
      region: (code) => t(`assessment.region.${code}`, { defaultValue: t(areaKey(code), { defaultValue: code }) }),
      gca: (id) => {
        const { number, name } = gcaName(id, language);
        return number && number.includes('.') ? `${number} ${name}` : name;
      },
      languageName: (code) => {
        try {
          return displayNames.of(code) ?? code;
        } catch {
          return code;
        }
      },
      facetValue: (facet, value) => {
        if (facet === 'type') return names.type(value);
        if (facet === 'country') return names.country(value);
        if (facet === 'region') return names.region(value);
        if (facet === 'pillar') return names.gca(value);
        if (facet === 'language') return names.languageName(value);
        return value;
      },
      countryOptions: [...countries].map(([code, name]) => ({ code, name })).sort((a, b) => collator.compare(a.name, b.name)),
    };
    return names;
  }, [countries, language, t]);
}
