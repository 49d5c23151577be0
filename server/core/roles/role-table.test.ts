// The role table: what the core's roles may do, registering a module's roles, and refusing bad declarations.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM, type Actor } from '../auth/actor.ts';
import { CORE_ROLES } from './role-declarations.ts';
import { RoleTable } from './role-table.ts';
import { listRoles, registerRoles } from './roles.ts';

const user = (roles: string[], organisationId: string | null = 'org-a'): Actor => ({ kind: 'user', userId: 'u', name: 'u', roles, organisationId });

describe('the core roles', () => {
  const table = new RoleTable(CORE_ROLES);

  it('let a viewer read, an analyst read and write, and neither manage users', () => {
    expect(['exchange.read', 'exchange.write', 'users.manage'].map((p) => table.can(user(['viewer']), p))).toEqual([true, false, false]);
    expect(['exchange.read', 'exchange.write', 'users.manage'].map((p) => table.can(user(['analyst']), p))).toEqual([true, true, false]);
  });

  it("let an org-admin manage users and read audit entries of its own organisation only, and work as an analyst", () => {
    const admin = user(['org-admin']);
    expect(table.can(admin, 'users.manage', { organisationId: 'org-a' })).toBe(true);
    expect(table.can(admin, 'audit.read', { organisationId: 'org-a' })).toBe(true);
    expect(table.can(admin, 'users.manage', { organisationId: 'org-b' })).toBe(false);
    expect(table.can(admin, 'users.manage', { organisationId: null })).toBe(false);
    expect(table.can(admin, 'users.manage')).toBe(false);
    expect(table.can(user(['org-admin'], null), 'users.manage', { organisationId: null })).toBe(false);
    expect(table.can(admin, 'exchange.write')).toBe(true);
    expect([...table.heldRoles(admin)].sort()).toEqual(['analyst', 'org-admin', 'viewer']);
  });

  it('let platform admins and system do everything and hold every role, anonymous callers nothing', () => {
    for (const actor of [user(['platform-admin']), SYSTEM]) {
      expect(table.can(actor, 'users.manage', { organisationId: 'org-z' })).toBe(true);
      expect(table.can(actor, '*')).toBe(true);
      expect(table.heldRoles(actor).has('platform-admin')).toBe(true);
    }
    expect(table.can(ANONYMOUS, 'exchange.read')).toBe(false);
    expect(table.heldRoles(ANONYMOUS).size).toBe(0);
  });

  it('give nothing for a stored role no longer declared, and refuse to check an undeclared permission', () => {
    expect(table.can(user(['retired-role']), 'exchange.read')).toBe(false);
    expect(() => table.can(user(['analyst']), 'exchange.wirte')).toThrow(/no permission "exchange.wirte"/);
  });

  it('name an unknown role and list the known ones', () => {
    expect(table.requireKnown(['viewer', 'viewer'])).toEqual(['viewer']);
    expect(() => table.requireKnown(['viewer', 'admin'])).toThrow(expect.objectContaining({
      kind: 'invalid',
      code: 'role.unknown',
      params: { role: 'admin', known: 'analyst, org-admin, platform-admin, viewer' },
      message: 'there is no role "admin"; the roles are: analyst, org-admin, platform-admin, viewer',
    }));
  });
});

describe('registering a module', () => {
  const assessment = {
    permissions: [{ name: 'assessment.review', description: 'review submitted assessments' }],
    roles: [{ name: 'reviewer', description: 'reviews assessments; a viewer too', permissions: ['assessment.review'], includes: ['viewer'] }],
  };

  it("adds its roles by data alone, and the very same declarations twice change nothing", () => {
    const table = new RoleTable(CORE_ROLES, assessment);
    table.register(assessment);
    expect(table.can(user(['reviewer']), 'assessment.review')).toBe(true);
    expect(table.can(user(['reviewer']), 'exchange.read')).toBe(true);
    expect(table.can(user(['platform-admin']), 'assessment.review')).toBe(true);
    expect(table.find('reviewer')).toMatchObject({ permissions: ['assessment.review', 'exchange.read'], holds: ['reviewer', 'viewer'] });
  });

  it('refuses bad declarations whole, keeping the table as it was', () => {
    const table = new RoleTable(CORE_ROLES);
    const role = (extra: object) => ({ roles: [{ name: 'x-role', description: 'x', permissions: [], ...extra }] });
    expect(() => table.register(role({ permissions: ['nothing.here'] }))).toThrow(/undeclared permission "nothing.here"/);
    expect(() => table.register(role({ includes: ['ghost'] }))).toThrow(/undeclared role "ghost"/);
    expect(() => table.register({ roles: [{ name: 'Viewer', description: 'x', permissions: [] }] })).toThrow(/lower-case/);
    expect(() => table.register({ roles: [{ ...CORE_ROLES.roles![3]!, permissions: ['exchange.write'] }] })).toThrow(/declared twice, differently/);
    expect(() => table.register({ permissions: [{ name: 'Bad', description: 'x' }] })).toThrow(/<area>.<verb>/);
    expect(() =>
      table.register({
        roles: [
          { name: 'a-role', description: 'a', permissions: [], includes: ['b-role'] },
          { name: 'b-role', description: 'b', permissions: [], includes: ['a-role'] },
        ],
      }),
    ).toThrow(/cycle/);
    expect(table.list().map((r) => r.name)).toEqual(['analyst', 'org-admin', 'platform-admin', 'viewer']);
  });

  it("reaches the platform's table through registerRoles", () => {
    registerRoles(CORE_ROLES);
    expect(listRoles().map((r) => r.name)).toEqual(['analyst', 'org-admin', 'platform-admin', 'viewer']);
  });
});
