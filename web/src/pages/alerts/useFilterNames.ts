/** The names of the collections and communities the caller may see, by id, to say what a subscription watches. */
import type { Collection, Community } from '../../api/types.ts';
import { useApi } from '../../components/useApi.ts';

export function useFilterNames(): { collections: Collection[]; communities: Community[]; names: ReadonlyMap<string, string> } {
  const collections = useApi<{ collections: Collection[] }>('/collections').data?.collections ?? [];
  const communities = useApi<{ communities: Community[] }>('/communities').data?.communities ?? [];
  const names = new Map<string, string>([...collections.map((c) => [c.id, c.title] as const), ...communities.map((c) => [c.id, c.name] as const)]);
  return { collections, communities, names };
}
