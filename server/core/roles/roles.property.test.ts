// Property: for any users, roles and organisations, `can()` answers exactly what the role declarations say,
// checked against a plain reading of the declarations (no resolving, no caching).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPrivileged, type Actor } from '../auth/actor.ts';
import { CORE_ROLES, type RoleDeclaration, type RoleSet } from './role-declarations.ts';
import { RoleTable, type PermissionScope } from './role-table.ts';
import { can, heldRoles } from './roles.ts';

const ORGANISATIONS = ['org-1', 'org-2', null] as const;

/** What the declarations say, read directly: a role, the roles it includes (transitively), their permissions. */
function declaredCan(roles: readonly RoleDeclaration[], actor: Actor, permission: string, scope: PermissionScope | undefined): boolean {
  if (actor.kind !== 'user') return actor.kind === 'system';
  const byName = new Map(roles.map((role) => [role.name, role]));
  const reached = new Set<string>();
  const visit = (name: string) => {
    if (reached.has(name) || !byName.has(name)) return;
    reached.add(name);
    for (const included of byName.get(name)!.includes ?? []) visit(included);
  };
  actor.roles.forEach(visit);
  const ownOrganisation = scope !== undefined && scope.organisationId !== null && scope.organisationId === actor.organisationId;
  return [...reached].some((name) => {
    const role = byName.get(name)!;
    if (role.permissions.includes('*') || role.permissions.includes(permission)) return true;
    return ownOrganisation && (role.organisationPermissions ?? []).includes(permission);
  });
}

const organisation = fc.constantFrom(...ORGANISATIONS);
const scope = fc.option(organisation.map((organisationId) => ({ organisationId })), { nil: undefined });
const actorWith = (roleNames: readonly string[]): fc.Arbitrary<Actor> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ roles: fc.subarray([...roleNames]), organisationId: organisation }).map(({ roles, organisationId }): Actor => ({ kind: 'user', userId: 'u', name: 'u', roles, organisationId })) },
    { weight: 1, arbitrary: fc.constantFrom<Actor>({ kind: 'system' }, { kind: 'anonymous' }) },
  );

describe('can()', () => {
  const coreRoles = CORE_ROLES.roles!;
  const corePermissions = ['*', ...CORE_ROLES.permissions!.map((p) => p.name)];

  it("answers what the core declarations say, for the platform's table", () => {
    fc.assert(
      fc.property(actorWith([...coreRoles.map((r) => r.name), 'retired-role']), fc.constantFrom(...corePermissions), scope, (actor, permission, where) => {
        expect(can(actor, permission, where)).toBe(declaredCan(coreRoles, actor, permission, where));
        const privileged = actor.kind === 'system' || (actor.kind === 'user' && actor.roles.includes('platform-admin'));
        expect(isPrivileged(actor)).toBe(privileged);
        if (actor.kind === 'user' && !privileged) expect(heldRoles(actor).has('platform-admin')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  // Random tables: roles include only roles declared before them, so there is never a cycle.
  const PERMISSIONS = ['area.one', 'area.two', 'other.three', 'other.four'];
  const table: fc.Arbitrary<RoleDeclaration[]> = fc.integer({ min: 1, max: 6 }).chain((count) =>
    fc.tuple(
      ...Array.from({ length: count }, (_, i) =>
        fc.record({
          permissions: fc.subarray(i === 0 ? [...PERMISSIONS, '*'] : PERMISSIONS),
          organisationPermissions: fc.subarray(PERMISSIONS),
          includes: fc.subarray(Array.from({ length: i }, (_, j) => `role-${j}`)),
        }).map((declared): RoleDeclaration => ({ name: `role-${i}`, description: `role ${i}`, ...declared })),
      ),
    ),
  );

  it('answers what any declared table says, and holders hold exactly the roles they reach', () => {
    fc.assert(
      fc.property(
        table.chain((roles) => fc.tuple(fc.constant(roles), actorWith(roles.map((r) => r.name)), fc.constantFrom('*', ...PERMISSIONS), scope)),
        ([roles, actor, permission, where]) => {
          const set: RoleSet = { permissions: PERMISSIONS.map((name) => ({ name, description: name })), roles };
          const built = new RoleTable(set);
          expect(built.can(actor, permission, where)).toBe(declaredCan(roles, actor, permission, where));
          const everything = declaredCan(roles, actor, '*', undefined);
          if (actor.kind === 'user' && !everything) {
            const expected = new Set<string>();
            const visit = (name: string) => {
              if (expected.has(name)) return;
              expected.add(name);
              for (const included of roles.find((r) => r.name === name)!.includes ?? []) visit(included);
            };
            actor.roles.forEach(visit);
            expect([...built.heldRoles(actor)].sort()).toEqual([...expected].sort());
          } else if (everything) {
            // Holders of every permission (and system) may hand out any role.
            expect(built.heldRoles(actor).size).toBe(roles.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
