/**
 * A `TaxiiRemoteError` as a domain error, for the adapters (CLI, REST) that map domain errors once: a stable
 * code per failure kind (`taxii_remote.*`, in the error catalogs), the remote address without credentials
 * and the HTTP status as parameters; the English detail stays in the message.
 */
import { DomainError } from '../../../core/errors.ts';
import { shownUrl } from './taxii-http.ts';
import type { TaxiiRemoteError } from './taxii-remote.ts';

export function remoteFailure(error: TaxiiRemoteError, url: string): DomainError {
  const params = { url: shownUrl(url), status: error.status ?? null };
  const message = `TAXII server: ${error.message}`;
  switch (error.kind) {
    case 'unreachable':
      return new DomainError('unavailable', 'taxii_remote.unreachable', message, params);
    case 'unauthorised':
      return new DomainError('forbidden', 'taxii_remote.unauthorised', message, params);
    case 'not_found':
      return new DomainError('not_found', 'taxii_remote.not_found', message, params);
    case 'server':
      return new DomainError('unavailable', 'taxii_remote.server', message, params);
    case 'refused':
      return new DomainError('invalid', 'taxii_remote.refused', message, params);
    case 'protocol':
      return new DomainError('invalid', 'taxii_remote.protocol', message, params);
  }
}
