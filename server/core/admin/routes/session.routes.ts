/**
 * REST handlers of browser sessions: signing in (reachable without credentials) sets the session cookie and
 * answers the caller as `GET /me` does; signing out ends the session and clears the cookie.
 */
import type { PrincipalService } from '../../principals/principal.service.ts';
import { RestReply, type RestRouter } from '../../rest/rest-router.ts';
import type { UserService } from '../../auth/user.service.ts';
import { clearedSessionCookie, sessionCookie } from '../../auth/session-cookie.ts';
import { presentCaller } from '../presenters/user.presenter.ts';
import { ADMIN_ENDPOINTS as E } from './admin-endpoints.ts';

/** Registers `POST /session` and `DELETE /session`; `secure`: the cookie is marked Secure (https). */
export function sessionRoutes(router: RestRouter, principals: PrincipalService, users: UserService, secure: boolean): void {
  router.handle<{ username: string; password: string }>(E.signIn, async ({ body }) => {
    const { actor, secret } = await users.startSession(body.username, body.password);
    return new RestReply(presentCaller(await principals.describe(actor)), { 'set-cookie': sessionCookie(secret, secure) });
  });

  router.handle(E.signOut, async ({ actor, session }) => {
    if (session !== undefined) await users.endSession(actor, session);
    return new RestReply({ signed_out: true }, { 'set-cookie': clearedSessionCookie(secure) });
  });
}
