/**
 * Loads a country's profile (GET /assessment/countries/{country}/profile) in the edition the address asks for,
 * or in the newest edition with a result for it. When the asked edition is unknown to the reader, or has no
 * result for the country, the newest one is loaded instead and `missing` names the edition asked for.
 */
import type { CountryProfile } from '../../../api/assessment.ts';
import type { ApiError } from '../../../api/client.ts';
import { useApi } from '../../../components/useApi.ts';

/** The server's code for an edition that does not exist or that the reader may not see (an error code, not a catalog key). */
const EDITION_NOT_FOUND = 'assessment.edition_not_found';

export const profileApiPath = (country: string, edition?: string) =>
  `/assessment/countries/${encodeURIComponent(country)}/profile${edition === undefined ? '' : `?edition=${encodeURIComponent(edition)}`}`;

export interface LoadedProfile {
  profile: CountryProfile | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** The edition asked for, when the newest is shown in its stead. */
  missing: string | null;
}

export function useProfile(country: string, asked: string | null): LoadedProfile {
  const first = useApi<CountryProfile>(profileApiPath(country, asked ?? undefined));
  // Decided once the asked edition's answer is in: an error belongs to it, data without an error too.
  const unknown = asked !== null && !first.loading && (first.error ? first.error.code === EDITION_NOT_FOUND : first.data?.result === null);
  const newest = useApi<CountryProfile>(unknown ? profileApiPath(country) : undefined);
  if (unknown) return { profile: newest.data, error: newest.error, loading: newest.loading || (!newest.data && !newest.error), missing: asked };
  return { profile: first.error ? undefined : first.data, error: first.error, loading: first.loading, missing: null };
}
