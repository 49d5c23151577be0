/** Country names in the reader's language, from the server's ICU (`GET /countries?lang=`): alpha-2 code → name. */
import { useMemo } from 'react';
import { currentLanguage } from '../i18n/i18n.ts';
import { useApi } from './useApi.ts';

export function useCountries(): Map<string, string> {
  const { data } = useApi<{ countries: { code: string; name: string }[] }>(`/countries?lang=${currentLanguage()}`);
  return useMemo(() => new Map((data?.countries ?? []).map((c) => [c.code, c.name])), [data]);
}
