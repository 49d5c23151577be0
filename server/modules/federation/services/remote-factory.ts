/**
 * How the sync reaches a peer's collection: the TAXII client (`../taxii-client/`), one per link run, with
 * the peer's credentials. `platform.ts` takes the factory as a parameter, so tests may put another in.
 */
import { TaxiiClient } from '../taxii-client/taxii-client.ts';
import type { RemoteCollectionClient, TaxiiCredentials } from '../taxii-client/taxii-remote.ts';

export type RemoteFactory = (apiRootUrl: string, collectionId: string, credentials: TaxiiCredentials, signal?: AbortSignal) => Promise<RemoteCollectionClient>;

export const taxiiRemote: RemoteFactory = (apiRootUrl, collectionId, credentials, signal) =>
  new TaxiiClient({ credentials }).collectionClient(apiRootUrl, collectionId, signal ? { signal } : {});
