/** REST handler of the caller's profile: user, organisation and communities. */
import type { PrincipalService } from '../../principals/principal.service.ts';
import type { RestRouter } from '../../rest/rest-router.ts';
import { presentCaller } from '../presenters/user.presenter.ts';
import { ADMIN_ENDPOINTS as E } from './admin-endpoints.ts';

/** Registers `GET /me` on `router`. */
export function meRoutes(router: RestRouter, principals: PrincipalService): void {
  router.handle(E.me, async ({ actor }) => presentCaller(await principals.describe(actor)));
}
