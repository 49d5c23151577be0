/**
 * A table of roles and permissions built from declarations (`role-declarations.ts`), and the answers generic
 * code needs from it: may this actor do that, which roles does it hold, which roles exist. Pure: no storage.
 */
import type { Actor } from '../auth/actor.ts';
import { invalid } from '../errors.ts';
import { EVERY_PERMISSION, type PermissionDeclaration, type RoleDeclaration, type RoleSet } from './role-declarations.ts';

/** A role with what it holds through its includes, worked out once. */
export interface ResolvedRole {
  name: string;
  description: string;
  /** The roles it includes directly. */
  includes: readonly string[];
  /** Every permission held everywhere, own and included, sorted; `['*']` for every permission. */
  permissions: readonly string[];
  /** Every permission held over the holder's own organisation, own and included, sorted. */
  organisationPermissions: readonly string[];
  /** This role and every role it includes, directly or not. */
  holds: readonly string[];
}

/** What a scoped permission is asked about: the organisation of the user, or of the entries, concerned. */
export interface PermissionScope {
  organisationId: string | null;
}

const ROLE_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const PERMISSION_NAME = /^[a-z][a-z_]*\.[a-z][a-z_]*$/;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Roles and permissions. Declarations are code, so a bad one (unknown permission or included role, a
 * cycle, a name declared twice differently) throws a plain Error when registered, at start-up.
 */
export class RoleTable {
  private readonly permissionDeclarations = new Map<string, PermissionDeclaration>();
  private readonly declarations = new Map<string, RoleDeclaration>();
  private resolved = new Map<string, ResolvedRole>();

  constructor(...sets: readonly RoleSet[]) {
    for (const set of sets) this.register(set);
  }

  /**
   * Adds a module's permissions and roles. Registering the very same declarations again changes nothing
   * (several platforms may open in one process); all of a set is checked before any of it is kept.
   */
  register(set: RoleSet): void {
    const permissions = new Map(this.permissionDeclarations);
    const roles = new Map(this.declarations);
    for (const permission of set.permissions ?? []) {
      if (!PERMISSION_NAME.test(permission.name)) throw new Error(`permission "${permission.name}" is not <area>.<verb> in lower case`);
      const known = permissions.get(permission.name);
      if (known && !sameJson(known, permission)) throw new Error(`permission "${permission.name}" is declared twice, differently`);
      permissions.set(permission.name, permission);
    }
    for (const role of set.roles ?? []) {
      if (!ROLE_NAME.test(role.name)) throw new Error(`role "${role.name}" is not 1 to 40 lower-case letters, digits or "-"`);
      const known = roles.get(role.name);
      if (known && !sameJson(known, role)) throw new Error(`role "${role.name}" is declared twice, differently`);
      roles.set(role.name, role);
    }
    for (const role of roles.values()) {
      for (const permission of [...role.permissions, ...(role.organisationPermissions ?? [])]) {
        if (permission !== EVERY_PERMISSION && !permissions.has(permission)) throw new Error(`role "${role.name}" names undeclared permission "${permission}"`);
      }
      for (const included of role.includes ?? []) {
        if (!roles.has(included)) throw new Error(`role "${role.name}" includes undeclared role "${included}"`);
      }
    }
    const resolved = new Map<string, ResolvedRole>();
    for (const name of roles.keys()) resolve(name, roles, resolved, []);
    this.permissionDeclarations.clear();
    for (const [name, permission] of permissions) this.permissionDeclarations.set(name, permission);
    this.declarations.clear();
    for (const [name, role] of roles) this.declarations.set(name, role);
    this.resolved = resolved;
  }

  /** Every role, by name. */
  list(): ResolvedRole[] {
    return [...this.resolved.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every declared permission, by name. */
  permissions(): PermissionDeclaration[] {
    return [...this.permissionDeclarations.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The role of that name, or undefined. */
  find(name: string): ResolvedRole | undefined {
    return this.resolved.get(name);
  }

  /**
   * The names given, checked and without repeats, in the order given.
   * @throws DomainError `invalid` `role.unknown`, naming the first unknown role and listing the known ones.
   */
  requireKnown(names: readonly string[]): string[] {
    for (const name of names) {
      if (!this.resolved.has(name)) {
        const known = this.list().map((role) => role.name).join(', ');
        throw invalid('role.unknown', `there is no role "${name}"; the roles are: ${known}`, { role: name, known });
      }
    }
    return [...new Set(names)];
  }

  /**
   * Whether the actor holds `permission` (`*`: every permission). Without `scope` the permission must be held
   * everywhere; with it, a permission held over the actor's own organisation counts when `scope` is that
   * organisation. `system` may do anything, anonymous callers nothing; roles not (or no longer) declared give
   * nothing.
   * @throws Error for a permission nobody declared (a check that could never pass is a programming error).
   */
  can(actor: Actor, permission: string, scope?: PermissionScope): boolean {
    if (permission !== EVERY_PERMISSION && !this.permissionDeclarations.has(permission)) throw new Error(`no permission "${permission}" is declared`);
    if (actor.kind !== 'user') return actor.kind === 'system';
    const inOwnOrganisation = scope !== undefined && scope.organisationId !== null && scope.organisationId === actor.organisationId;
    return actor.roles.some((name) => {
      const role = this.resolved.get(name);
      if (!role) return false;
      if (role.permissions.includes(EVERY_PERMISSION) || role.permissions.includes(permission)) return true;
      return inOwnOrganisation && role.organisationPermissions.includes(permission);
    });
  }

  /**
   * The roles the actor holds, its own and those they include. `system` and holders of every permission hold
   * every role: they may hand out any of them.
   */
  heldRoles(actor: Actor): Set<string> {
    if (this.can(actor, EVERY_PERMISSION)) return new Set(this.resolved.keys());
    if (actor.kind !== 'user') return new Set();
    return new Set(actor.roles.flatMap((name) => this.resolved.get(name)?.holds ?? []));
  }
}

function resolve(name: string, roles: ReadonlyMap<string, RoleDeclaration>, done: Map<string, ResolvedRole>, path: readonly string[]): ResolvedRole {
  const finished = done.get(name);
  if (finished) return finished;
  if (path.includes(name)) throw new Error(`roles include each other in a cycle: ${[...path, name].join(' → ')}`);
  const role = roles.get(name)!;
  const included = (role.includes ?? []).map((other) => resolve(other, roles, done, [...path, name]));
  const permissions = new Set([...role.permissions, ...included.flatMap((r) => r.permissions)]);
  const resolved: ResolvedRole = {
    name,
    description: role.description,
    includes: [...(role.includes ?? [])],
    permissions: permissions.has(EVERY_PERMISSION) ? [EVERY_PERMISSION] : [...permissions].sort(),
    organisationPermissions: [...new Set([...(role.organisationPermissions ?? []), ...included.flatMap((r) => r.organisationPermissions)])].sort(),
    holds: [...new Set([name, ...included.flatMap((r) => r.holds)])].sort(),
  };
  done.set(name, resolved);
  return resolved;
}
