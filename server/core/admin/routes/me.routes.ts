/** REST handlers of the caller's profile: user, organisation and communities; the language it chose. */
import type { PrincipalService } from '../../principals/principal.service.ts';
import type { RestRouter } from '../../rest/rest-router.ts';
import type { UserService } from '../../auth/user.service.ts';
import { presentCaller, presentUser } from '../presenters/user.presenter.ts';
import { ADMIN_ENDPOINTS as E } from './admin-endpoints.ts';

/** Registers `GET /me` and `PUT /me/language` on `router`. */
export function meRoutes(router: RestRouter, principals: PrincipalService, users: UserService): void {
  router.handle(E.me, async ({ actor }) => presentCaller(await principals.describe(actor)));
  router.handle<{ language?: string }>(E.setMyLanguage, async ({ actor, body }) => presentUser(await users.setOwnLanguage(actor, body.language ?? null)));
}
