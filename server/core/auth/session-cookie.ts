/**
 * The browser session cookie of the web UI, and the header that proves a request with it came from the UI.
 *
 * The cookie holds the session secret (an API token that ends, see `UserService.startSession`): `HttpOnly`
 * so page scripts never read it, `SameSite=Strict` so other sites' pages do not send it, `Secure` when the
 * server's public URL is https. A request it authenticates that may change something (any method but GET
 * and HEAD) must also carry `X-Thiqa-Request: 1`: a cross-site form cannot set a header, and a cross-site
 * script setting one is stopped by CORS (the server answers no CORS preflight).
 */
import { SESSION_LIFETIME_MS } from './user.service.ts';

export const SESSION_COOKIE = 'thiqa_session';
export const CSRF_HEADER = 'x-thiqa-request';

const attributes = (secure: boolean) => `HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;

/** The `Set-Cookie` value that starts a session. */
export function sessionCookie(secret: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${secret}; ${attributes(secure)}; Max-Age=${SESSION_LIFETIME_MS / 1000}`;
}

/** The `Set-Cookie` value that ends it in the browser. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; ${attributes(secure)}; Max-Age=0`;
}

/** Whether a request method may change something, and so needs the header with a session cookie. */
export function needsCsrfHeader(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}
