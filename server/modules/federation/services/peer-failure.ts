/**
 * A failure of one link's sync as a domain error with a stable code, whatever raised it: the peer's answer
 * (`TaxiiRemoteError`, by its kind), a refusal of the local store (a `DomainError`, kept as it is), or anything
 * else (`federation.sync_failed`). The status of the link keeps its code and message.
 */
import { DomainError } from '../../../core/errors.ts';
import { TaxiiRemoteError } from '../taxii-client/taxii-remote.ts';

export function peerFailure(error: unknown, peer: string): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof TaxiiRemoteError) {
    const params = { peer, status: error.status ?? null };
    switch (error.kind) {
      case 'unreachable':
        return new DomainError('unavailable', 'federation.peer_unreachable', `peer "${peer}" cannot be reached: ${error.message}`, params);
      case 'unauthorised':
        return new DomainError('unavailable', 'federation.peer_unauthorised', `peer "${peer}" refused the credentials: ${error.message}`, params);
      case 'not_found':
        return new DomainError('unavailable', 'federation.peer_not_found', `peer "${peer}" has no such collection or object: ${error.message}`, params);
      case 'protocol':
        return new DomainError('unavailable', 'federation.peer_protocol', `peer "${peer}" did not answer as a TAXII 2.1 server: ${error.message}`, params);
      case 'server':
        return new DomainError('unavailable', 'federation.peer_server_error', `peer "${peer}" failed: ${error.message}`, params);
      case 'refused':
        return new DomainError('unavailable', 'federation.peer_refused', `peer "${peer}" refused the request: ${error.message}`, params);
    }
  }
  return new DomainError('unavailable', 'federation.sync_failed', `the sync with peer "${peer}" failed: ${(error as Error)?.message ?? String(error)}`, { peer });
}
