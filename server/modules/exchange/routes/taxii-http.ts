/**
 * TAXII 2.1 over HTTP: the media type (406 / 415 on anything else), request-body reading bounded by the
 * API root's `max_content_length` (413 beyond it), query parameters checked against what each endpoint
 * takes, and the one mapping of domain errors to TAXII error messages.
 */
import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';
import { DomainError, invalid, isDomainError, type ErrorKind } from '../../../core/errors.ts';
import type { ObjectFilter } from '../services/object-query.ts';
import { readBoundedJson } from '../../../core/http-body.ts';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  not_acceptable: 406,
  method_not_allowed: 405,
  unavailable: 503,
};

const TITLE: Record<ErrorKind, string> = {
  invalid: 'Bad request',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  too_large: 'Request too large',
  unsupported_media_type: 'Unsupported media type',
  not_acceptable: 'Not acceptable',
  method_not_allowed: 'Method not allowed',
  unavailable: 'Service unavailable',
};

/** Is `value` the TAXII 2.1 media type (a missing version parameter means the latest, which is 2.1)? */
function isTaxiiMediaType(value: string): boolean {
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/taxii+json') return false;
  const version = params.find((p) => p.startsWith('version='));
  return version === undefined || version.replace(/\s/g, '') === 'version=2.1';
}

export function checkAccept(c: Context): void {
  const accept = c.req.header('accept');
  if (!accept || !accept.split(',').some((entry) => isTaxiiMediaType(entry.split(';q=')[0] ?? ''))) {
    throw new DomainError('not_acceptable', 'media.not_acceptable', `the Accept header must include ${TAXII_MEDIA_TYPE}; got ${accept ? `"${accept}"` : 'none'}`, {
      accept: accept ?? '',
    });
  }
}

/** Reads a JSON request body no larger than `max` bytes. */
export async function readJsonBody(c: Context, max: number): Promise<unknown> {
  const contentType = c.req.header('content-type');
  if (!contentType || !isTaxiiMediaType(contentType)) {
    throw new DomainError('unsupported_media_type', 'media.unsupported', `the Content-Type must be ${TAXII_MEDIA_TYPE}; got ${contentType ? `"${contentType}"` : 'none'}`, {
      contentType: contentType ?? '',
    });
  }
  return readBoundedJson(c.req.raw, max, "this API root's max_content_length");
}

const MATCH = /^match\[(id|type|version|spec_version)\]$/;

/** Parses TAXII filters, refusing any parameter the endpoint does not take. */
export function parseFilter(c: Context, allowed: readonly string[]): ObjectFilter {
  const filter: ObjectFilter = {};
  const url = new URL(c.req.url);
  const list = (key: string) => url.searchParams.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const key of new Set(url.searchParams.keys())) {
    if (!allowed.includes(key)) {
      throw invalid('query.unknown_parameter', `this endpoint takes no "${key}" parameter; it takes ${allowed.length ? allowed.join(', ') : 'none'}`, {
        parameter: key,
      });
    }
    const single = url.searchParams.getAll(key);
    if (key === 'limit') {
      if (single.length > 1 || !/^\d+$/.test(single[0]!)) {
        throw invalid('query.invalid_limit', `limit must be one whole number of at least 1, got "${single.join(',')}"`, { filter: 'limit' });
      }
      filter.limit = Number(single[0]);
    } else if (key === 'added_after' || key === 'next') {
      if (single.length > 1) throw invalid('query.repeated_parameter', `"${key}" may be given once`, { parameter: key });
      if (key === 'next') filter.next = single[0];
      else filter.addedAfter = single[0];
    } else {
      const name = MATCH.exec(key)?.[1];
      if (name === 'id') filter.ids = list(key);
      if (name === 'type') filter.types = list(key);
      if (name === 'version') filter.versions = list(key);
      if (name === 'spec_version') filter.specVersions = list(key);
    }
  }
  return filter;
}

/** A TAXII error message for any thrown error; unknown errors are logged with a correlation id. */
export function taxiiError(error: unknown, c: Context, extraHeaders: Record<string, string> = {}): Response {
  if (isDomainError(error)) {
    const status = STATUS[error.kind];
    const headers: Record<string, string> = { 'content-type': TAXII_MEDIA_TYPE, ...extraHeaders };
    if (status === 401) headers['www-authenticate'] = 'Basic realm="thiqa", Bearer realm="thiqa"';
    const body = { title: TITLE[error.kind], description: error.message, error_code: error.code, http_status: String(status), details: error.params };
    return new Response(JSON.stringify(body), { status, headers });
  }
  const errorId = randomUUID();
  console.error(JSON.stringify({ level: 'error', errorId, method: c.req.method, path: c.req.path, error: String((error as Error)?.stack ?? error) }));
  const body = { title: 'Internal error', description: 'the server failed to answer; the error is logged under error_id', error_id: errorId, error_code: 'internal', http_status: '500' };
  return new Response(JSON.stringify(body), { status: 500, headers: { 'content-type': TAXII_MEDIA_TYPE } });
}
