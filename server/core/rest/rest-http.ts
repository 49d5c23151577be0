/**
 * JSON over HTTP for the REST API: request bodies in `application/json` only (415 otherwise), bounded in size
 * (413 beyond it), and the one mapping of domain errors to HTTP statuses and JSON error bodies:
 * `{"error": {"code", "message", "params"}}`, plus `problems` when an input is refused for several (a file).
 * Unknown errors answer 500 with an `error_id` that is logged.
 */
import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';
import { DomainError, isDomainError, type ErrorKind } from '../errors.ts';
import { REST_BASE } from './rest-endpoint.ts';
import { readBoundedJson } from '../http-body.ts';
import { errorMessage } from '../../../shared/i18n/error-messages.ts';
import { acceptedLanguages, FALLBACK_LANGUAGE, pickLanguage } from '../../../shared/i18n/languages.ts';

/** Largest REST request body, bytes: administration requests are small. */
export const REST_MAX_BODY_BYTES = 64 * 1024;

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
};

/** The challenge sent with every 401. */
export const WWW_AUTHENTICATE = 'Basic realm="thiqa", Bearer realm="thiqa"';

/**
 * The challenge sent to the web UI's own requests (marked `X-Thiqa-Request`): no Basic, for which a browser
 * would open its own password dialog over the page instead of letting the UI show its sign-in form.
 */
export const UI_WWW_AUTHENTICATE = 'Bearer realm="thiqa"';

/** Is this request one for the REST API (so its errors are REST errors)? */
export function isRestPath(path: string): boolean {
  return path === REST_BASE || path.startsWith(`${REST_BASE}/`);
}

const baseMediaType = (value: string) => value.split(';')[0]!.trim().toLowerCase();

/**
 * Checks that the request body is in one of `mediaTypes` (compared without parameters).
 * @throws DomainError `unsupported_media_type` `media.unsupported`.
 */
export function requireMediaType(c: Context, mediaTypes: readonly string[]): void {
  const contentType = c.req.header('content-type');
  if (!contentType || !mediaTypes.map(baseMediaType).includes(baseMediaType(contentType))) {
    throw new DomainError('unsupported_media_type', 'media.unsupported', `the Content-Type must be ${mediaTypes.join(' or ')}; got ${contentType ? `"${contentType}"` : 'none'}`, {
      contentType: contentType ?? '',
    });
  }
}

/**
 * Reads a JSON request body of at most `max` bytes.
 * @throws DomainError `unsupported_media_type` `media.unsupported`; `too_large` `content.too_large`;
 *   `invalid` `content.malformed_json`.
 */
export async function readJsonBody(c: Context, max: number): Promise<unknown> {
  requireMediaType(c, ['application/json']);
  return readBoundedJson(c.req.raw, max, 'the limit');
}

/** The JSON error response for any thrown error; unknown errors are logged under a correlation id. */
export function restError(error: unknown, c: Context, extraHeaders: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
  if (isDomainError(error)) {
    const status = STATUS[error.kind];
    if (status === 401) headers['www-authenticate'] = c.req.header('x-thiqa-request') ? UI_WWW_AUTHENTICATE : WWW_AUTHENTICATE;
    // The message in the language the client asks for; English keeps the service's own, fuller wording.
    const language = pickLanguage(acceptedLanguages(c.req.header('accept-language')));
    const translated = language === FALLBACK_LANGUAGE ? error.code : errorMessage(language, error.code, error.params);
    const message = translated === error.code ? error.message : translated;
    headers['content-language'] = message === error.message ? FALLBACK_LANGUAGE : language;
    const problems = error.problems ? { problems: error.problems } : {};
    return new Response(JSON.stringify({ error: { code: error.code, message, params: error.params, ...problems } }), { status, headers });
  }
  const errorId = randomUUID();
  console.error(JSON.stringify({ level: 'error', errorId, method: c.req.method, path: c.req.path, error: String((error as Error)?.stack ?? error) }));
  const body = { error: { code: 'internal', message: 'the server failed to answer; the error is logged under error_id', params: {}, error_id: errorId } };
  return new Response(JSON.stringify(body), { status: 500, headers });
}
