// Who may add users and give or take away roles: platform admins anything, an org-admin its own organisation
// with roles it holds, others nothing; every refusal stores and records nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { SYSTEM, type Actor } from './actor.ts';
import type { User } from './user.service.ts';

const actorOf = (user: User): Actor => ({ kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId });
const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
const PASSWORD = 'a long password';

describe.each(dialects)('roles of users on %s', (dialect) => {
  let test: TestPlatform;
  let orgA: string;
  let orgB: string;
  let lead: Actor;
  let leadPrincipal: string;
  const users = () => test.platform.users;
  const head = async () => (await test.platform.audit.verify(SYSTEM)).head;

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    const organisations = test.platform.organisations;
    orgA = (await organisations.add(SYSTEM, { name: 'CERT-A', type: 'member-state', subtype: 'national-cirt', country: 'MA' })).id;
    orgB = (await organisations.add(SYSTEM, { name: 'CERT-B', type: 'member-state', subtype: 'national-cirt', country: 'TN' })).id;
    const leader = await users().addUser({ name: 'lead', password: PASSWORD, roles: ['org-admin'], organisation: orgA });
    lead = actorOf(leader);
    leadPrincipal = `user:${leader.id}`;
  });
  afterAll(() => test.close());

  it('gives a new user analyst unless roles are given; --admin stands for platform-admin', async () => {
    expect((await users().addUser({ name: 'plain', password: PASSWORD })).roles).toEqual(['analyst']);
    expect((await users().addUser({ name: 'looker', password: PASSWORD, roles: ['viewer', 'viewer'] })).roles).toEqual(['viewer']);
    expect(await users().addUser({ name: 'boss', password: PASSWORD, isAdmin: true })).toMatchObject({ roles: ['platform-admin'], isAdmin: true });
    expect((await users().findUser('looker'))?.roles).toEqual(['viewer']);
  });

  it('refuses an unknown role, naming it and the known ones, and stores nothing', async () => {
    const before = await head();
    await expect(users().addUser({ name: 'ghost', password: PASSWORD, roles: ['viewer', 'superuser'] })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'role.unknown',
      params: { role: 'superuser', known: 'analyst, assessment-reviewer, assessment-team, focal-point, gateway-moderator, incident-coordinator, org-admin, platform-admin, viewer' },
    });
    await expect(users().addRole('plain', 'superuser')).rejects.toMatchObject({ code: 'role.unknown' });
    expect(await users().findUser('ghost')).toBeUndefined();
    expect(await head()).toEqual(before);
  });

  it('lets an org-admin add a user to its own organisation with a role it holds', async () => {
    const added = await users().addUser({ name: 'ana', password: PASSWORD, roles: ['analyst'], organisation: orgA }, lead);
    expect(added).toMatchObject({ roles: ['analyst'], organisationId: orgA });
    expect((await users().addUser({ name: 'vera', password: PASSWORD, roles: ['viewer'], organisation: 'cert-a' }, lead)).roles).toEqual(['viewer']);
  });

  it('refuses an org-admin platform-admin, another organisation, or none, and stores nothing', async () => {
    const before = await head();
    const refusals: [Parameters<ReturnType<typeof users>['addUser']>[0], string][] = [
      [{ name: 'x1', password: PASSWORD, roles: ['platform-admin'], organisation: orgA }, 'role.not_held'],
      [{ name: 'x2', password: PASSWORD, isAdmin: true, organisation: orgA }, 'role.not_held'],
      [{ name: 'x3', password: PASSWORD, roles: ['analyst'], organisation: orgB }, 'user.manage_forbidden'],
      [{ name: 'x4', password: PASSWORD, roles: ['analyst'] }, 'user.manage_forbidden'],
    ];
    for (const [input, code] of refusals) await expect(users().addUser(input, lead)).rejects.toMatchObject({ kind: 'forbidden', code });
    const analyst = actorOf((await users().findUser('ana'))!);
    await expect(users().addUser({ name: 'x5', password: PASSWORD, organisation: orgA }, analyst)).rejects.toMatchObject({ code: 'user.manage_forbidden' });
    expect((await users().listUsers()).map((u) => u.name).filter((name) => name.startsWith('x'))).toEqual([]);
    expect(await head()).toEqual(before);
  });

  it('adds and removes roles, recording each change with the change and nothing for no change', async () => {
    const start = (await head()).seq;
    const ana = (await users().findUser('ana'))!;
    expect(await users().addRole('ana', 'viewer', lead)).toMatchObject({ changed: true, user: { roles: ['analyst', 'viewer'] } });
    expect(await users().addRole('ana', 'viewer', lead)).toMatchObject({ changed: false });
    expect(await users().removeRole('ana', 'analyst', lead)).toMatchObject({ changed: true, user: { roles: ['viewer'] } });
    expect(await users().removeRole('ana', 'analyst', lead)).toMatchObject({ changed: false });
    const entries = await test.platform.audit.list(SYSTEM, { after: start, limit: 10 });
    expect(entries.map((e) => [e.action, e.actor, e.target, JSON.parse(e.details)])).toEqual([
      ['user.role_add', leadPrincipal, ana.id, { name: 'ana', role: 'viewer' }],
      ['user.role_remove', leadPrincipal, ana.id, { name: 'ana', role: 'analyst' }],
    ]);
  });

  it("never lets an org-admin touch a role it does not hold, or another organisation's users", async () => {
    await users().addUser({ name: 'chief', password: PASSWORD, roles: ['platform-admin'], organisation: orgA });
    await users().addUser({ name: 'bea', password: PASSWORD, organisation: orgB });
    const before = await head();
    await expect(users().removeRole('chief', 'platform-admin', lead)).rejects.toMatchObject({ code: 'role.not_held' });
    await expect(users().addRole('ana', 'platform-admin', lead)).rejects.toMatchObject({ code: 'role.not_held' });
    await expect(users().addRole('bea', 'viewer', lead)).rejects.toMatchObject({ code: 'user.manage_forbidden' });
    await expect(users().addRole('nobody', 'viewer', lead)).rejects.toMatchObject({ code: 'user.not_found' });
    expect((await users().findUser('chief'))?.roles).toEqual(['platform-admin']);
    expect(await head()).toEqual(before);
  });

  it('signs a user in with its current roles, even after a cached sign-in', async () => {
    const header = basic('vera', PASSWORD);
    expect(await users().authenticate(header)).toMatchObject({ roles: ['viewer'], organisationId: orgA });
    await users().addRole('vera', 'analyst');
    expect(await users().authenticate(header)).toMatchObject({ roles: ['analyst', 'viewer'] });
    const { token } = await users().createToken('vera', 'ci');
    await users().removeRole('vera', 'viewer');
    expect(await users().authenticate(`Bearer ${token}`)).toMatchObject({ roles: ['analyst'] });
  });

  it('keeps a refused duplicate name from touching the roles of the user holding it', async () => {
    await expect(users().addUser({ name: 'ANA', password: PASSWORD, roles: ['org-admin'] })).rejects.toMatchObject({ code: 'user.exists' });
    expect((await users().findUser('ana'))?.roles).toEqual(['viewer']);
  });
});
