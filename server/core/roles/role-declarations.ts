/**
 * Roles as data: what each role may do, declared once. Checks never name a role; they ask for a permission
 * (`can(actor, 'exchange.write')`, see `roles.ts`). A module adds its roles by declaring a `RoleSet` of its
 * own and registering it in `server/platform.ts` (`registerRoles`), next to its migrations.
 */

/** A permission a check can ask for: `<area>.<verb>`, e.g. `exchange.write`. */
export interface PermissionDeclaration {
  name: string;
  description: string;
}

/** A role and what its holders may do. */
export interface RoleDeclaration {
  /** Lower-case letters, digits and `-`: `platform-admin`, `focal-point`. */
  name: string;
  description: string;
  /** Permissions held everywhere. `*` is every permission, of every module, present and future. */
  permissions: readonly string[];
  /** Permissions held only over the holder's own organisation: its users, its audit entries. */
  organisationPermissions?: readonly string[];
  /** Roles whose permissions this role holds too; a holder also counts as holding those roles. */
  includes?: readonly string[];
}

/** What a module declares: its permissions and its roles (which may include roles registered before). */
export interface RoleSet {
  permissions?: readonly PermissionDeclaration[];
  roles?: readonly RoleDeclaration[];
}

/** The permission standing for every permission (only `platform-admin` should hold it). */
export const EVERY_PERMISSION = '*';
/** The role of platform administrators: every permission. */
export const PLATFORM_ADMIN = 'platform-admin';
/** The role a new user gets when none is named. */
export const DEFAULT_ROLE = 'analyst';

/** The core's permissions and roles. */
export const CORE_ROLES: RoleSet = {
  permissions: [
    { name: 'exchange.read', description: 'read STIX objects in the collections granted to the user' },
    { name: 'exchange.write', description: 'add and delete STIX objects in the collections granted to the user' },
    { name: 'users.manage', description: 'add users and give or take away their roles' },
    { name: 'audit.read', description: "read other users' audit entries" },
  ],
  roles: [
    { name: PLATFORM_ADMIN, description: 'administers the whole platform: every permission', permissions: [EVERY_PERMISSION] },
    {
      name: 'org-admin',
      description: "manages its organisation's users and their roles and reads its organisation's audit entries; an analyst too",
      permissions: [],
      organisationPermissions: ['users.manage', 'audit.read'],
      includes: ['analyst'],
    },
    { name: 'analyst', description: 'reads and writes STIX objects where collections allow it', permissions: ['exchange.write'], includes: ['viewer'] },
    { name: 'viewer', description: 'reads STIX objects where collections allow it, never writes', permissions: ['exchange.read'] },
  ],
};
