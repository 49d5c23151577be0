/** Users, new API tokens and the caller's profile as the REST API answers them; never a password hash. */
import type { RoleChange, User } from '../../auth/user.service.ts';
import type { ResolvedRole } from '../../roles/role-table.ts';
import type { Caller } from '../../principals/principal.service.ts';
import { presentCommunity } from './community.presenter.ts';
import { isoTime, presentOrganisation } from './organisation.presenter.ts';

/** A user: who it is, whether it is an administrator or disabled, its organisation. */
export function presentUser(user: User) {
  return {
    id: user.id,
    name: user.name,
    admin: user.isAdmin,
    roles: user.roles,
    language: user.language,
    disabled: user.disabled,
    organisation_id: user.organisationId,
    created_at: isoTime(user.createdAt),
  };
}

/** A role with what it holds. */
export function presentRole(role: ResolvedRole) {
  return {
    name: role.name,
    description: role.description,
    includes: role.includes,
    permissions: role.permissions,
    organisation_permissions: role.organisationPermissions,
  };
}

/** A user after a role change, and whether anything changed. */
export function presentRoleChange(change: RoleChange) {
  return { user: presentUser(change.user), changed: change.changed };
}

/** A new API token: the only answer that ever holds the token itself. */
export function presentNewToken(created: { id: string; token: string }, label: string, userName: string) {
  return { id: created.id, label, user: userName, token: created.token };
}

/** The caller: user, organisation and that organisation's communities. */
export function presentCaller(caller: Caller) {
  return {
    user: presentUser(caller.user),
    organisation: caller.organisation && presentOrganisation(caller.organisation),
    communities: caller.communities.map(presentCommunity),
  };
}
