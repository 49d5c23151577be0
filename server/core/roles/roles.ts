/**
 * The platform's role table: the core's roles (`CORE_ROLES`) plus those modules register at start-up. Checks
 * ask for a permission, never a role:
 *
 * ```ts
 * if (!can(actor, 'users.manage', { organisationId: user.organisationId })) throw forbidden(…);
 * ```
 *
 * A module adds roles by declaring a `RoleSet` and calling `registerRoles` from `server/platform.ts`.
 */
import type { Actor } from '../auth/actor.ts';
import { CORE_ROLES, type RoleSet } from './role-declarations.ts';
import { RoleTable, type PermissionScope, type ResolvedRole } from './role-table.ts';

const table = new RoleTable(CORE_ROLES);

/** Adds a module's permissions and roles to the platform's table (see `RoleTable.register`). */
export function registerRoles(set: RoleSet): void {
  table.register(set);
}

/** Whether the actor holds `permission`, everywhere or (with `scope`) over its own organisation. See `RoleTable.can`. */
export function can(actor: Actor, permission: string, scope?: PermissionScope): boolean {
  return table.can(actor, permission, scope);
}

/** The roles the actor holds, directly or through includes (every role for `system` and platform admins). */
export function heldRoles(actor: Actor): Set<string> {
  return table.heldRoles(actor);
}

/**
 * The role names given, checked, without repeats.
 * @throws DomainError `invalid` `role.unknown` (naming the role and listing the known ones).
 */
export function requireKnownRoles(names: readonly string[]): string[] {
  return table.requireKnown(names);
}

/** Every role with everything it holds, by name. */
export function listRoles(): ResolvedRole[] {
  return table.list();
}
