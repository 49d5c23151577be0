/**
 * A failure of one link's sync as a domain error with a stable code, whatever raised it: the peer's answer
 * (`TaxiiRemoteError`, as the TAXII client's `taxii_remote.*` codes), a refusal of the local store (a
 * `DomainError`, kept as it is), or anything else (`federation.sync_failed`). The link's status keeps its code
 * and message.
 */
import { DomainError } from '../../../core/errors.ts';
import { remoteFailure } from '../taxii-client/taxii-errors.ts';
import { TaxiiRemoteError } from '../taxii-client/taxii-remote.ts';

export function peerFailure(error: unknown, peerUrl: string): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof TaxiiRemoteError) return remoteFailure(error, peerUrl);
  return new DomainError('unavailable', 'federation.sync_failed', `the sync with ${peerUrl} failed: ${(error as Error)?.message ?? String(error)}`, { url: peerUrl });
}
