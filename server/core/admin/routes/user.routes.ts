/** REST handlers of users: list, add, get, create an API token, disable or re-enable, roles. */
import type { UserService } from '../../auth/user.service.ts';
import type { RestRouter } from '../../rest/rest-router.ts';
import { listRoles } from '../../roles/roles.ts';
import { presentNewToken, presentRole, presentRoleChange, presentUser } from '../presenters/user.presenter.ts';
import { ADMIN_ENDPOINTS as E } from './admin-endpoints.ts';

interface NewUserBody {
  [field: string]: string | boolean | readonly string[] | undefined;
  name: string;
  password: string;
  organisation?: string;
  admin?: boolean;
  roles?: readonly string[];
}

/** Registers the user endpoints on `router`. */
export function userRoutes(router: RestRouter, users: UserService): void {
  router.handle(E.listUsers, async ({ actor }) => ({ users: (await users.list(actor)).map(presentUser) }));

  router.handle<NewUserBody>(E.addUser, async ({ actor, body }) => {
    const { name, password, organisation, admin, roles } = body;
    return presentUser(await users.addUser({ name, password, organisation, isAdmin: admin ?? false, roles }, actor));
  });

  router.handle(E.getUser, async ({ actor, params }) => presentUser(await users.get(actor, params.name!)));

  router.handle<{ label: string }>(E.createToken, async ({ actor, params, body }) => {
    const created = await users.createToken(params.name!, body.label, actor);
    return presentNewToken(created, body.label, params.name!);
  });

  router.handle(E.listRoles, async () => ({ roles: listRoles().map(presentRole) }));
  router.handle(E.addUserRole, async ({ actor, params }) => presentRoleChange(await users.addRole(params.name!, params.role!, actor)));
  router.handle(E.removeUserRole, async ({ actor, params }) => presentRoleChange(await users.removeRole(params.name!, params.role!, actor)));

  router.handle<{ disabled: boolean }>(E.setUserDisabled, async ({ actor, params, body }) => presentUser(await users.setDisabled(params.name!, body.disabled, actor)));
}
