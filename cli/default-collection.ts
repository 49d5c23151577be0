/** Finding the collection the first run created, for commands that show it (init, serve). */
import { DEFAULT_API_ROOT, DEFAULT_COLLECTION_ALIAS, type BootstrapResult } from '../server/bootstrap.ts';
import { SYSTEM } from '../server/core/auth/actor.ts';
import { isDomainError } from '../server/core/errors.ts';
import type { Platform } from '../server/platform.ts';

/** The id of the default collection, or undefined when an operator has removed it. */
export async function defaultCollectionId(platform: Platform, result: BootstrapResult): Promise<string | undefined> {
  if (result.collectionId) return result.collectionId;
  try {
    return (await platform.collections.get(SYSTEM, DEFAULT_API_ROOT, DEFAULT_COLLECTION_ALIAS)).id;
  } catch (error) {
    if (isDomainError(error) && error.kind === 'not_found') return undefined;
    throw error;
  }
}
