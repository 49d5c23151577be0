// Roles over the REST API: the role table as data, users added with roles, roles given and taken away; an
// organisation's administrator manages its own organisation's users with the roles it holds, and no other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, recordedChanges, rest } from './rest-client.ts';

describe.each(dialects)('REST roles on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.platform.organisations.add(SYSTEM, { name: 'GHCERT', type: 'member-state', country: 'GH' });
    await server.platform.organisations.add(SYSTEM, { name: 'KECERT', type: 'member-state', country: 'KE' });
    await server.platform.users.addUser({ name: 'oscar', password: 'oscar-password', organisation: 'GHCERT', roles: ['org-admin'] });
  });
  afterAll(() => server.close());

  it('lists the roles with what each holds', async () => {
    const listed = await rest(server, '/roles', { auth: basic('alice', 'alice-password') });
    expect(listed.status).toBe(200);
    const byName = new Map(listed.body.roles.map((r: { name: string }) => [r.name, r]));
    expect([...byName.keys()].sort()).toEqual(['analyst', 'assessment-reviewer', 'assessment-team', 'focal-point', 'gateway-moderator', 'incident-coordinator', 'org-admin', 'platform-admin', 'viewer']);
    expect(byName.get('viewer')).toMatchObject({ permissions: ['exchange.read'] });
    expect(byName.get('platform-admin')).toMatchObject({ permissions: ['*'] });
  });

  it('adds a user with roles, gives and takes a role, and says when nothing changed', async () => {
    const added = await rest(server, '/users', { method: 'POST', body: { name: 'vera', password: 'vera-password', roles: ['viewer'] } });
    expect([added.status, added.body.roles]).toEqual([201, ['viewer']]);
    const given = await rest(server, '/users/vera/roles/analyst', { method: 'PUT' });
    expect([given.status, given.body.changed, given.body.user.roles]).toEqual([200, true, ['analyst', 'viewer']]);
    expect((await rest(server, '/users/vera/roles/analyst', { method: 'PUT' })).body.changed).toBe(false);
    const taken = await rest(server, '/users/vera/roles/viewer', { method: 'DELETE' });
    expect([taken.body.changed, taken.body.user.roles]).toEqual([true, ['analyst']]);
  });

  it('refuses an unknown role or a list that is not of strings, naming what is wrong, and stores nothing', async () => {
    const changes = await recordedChanges(server);
    const unknown = await rest(server, '/users/vera/roles/superuser', { method: 'PUT' });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'role.unknown']);
    const notList = await rest(server, '/users', { method: 'POST', body: { name: 'walt', password: 'walt-password', roles: 'viewer' } });
    expect([notList.status, notList.body.error.code, notList.body.error.params.field]).toEqual([400, 'request.invalid_field', 'roles']);
    const badRole = await rest(server, '/users', { method: 'POST', body: { name: 'walt', password: 'walt-password', roles: ['viewer', 'king'] } });
    expect([badRole.status, badRole.body.error.code]).toEqual([400, 'role.unknown']);
    expect((await rest(server, '/users/walt')).status).toBe(404);
    expect(await recordedChanges(server)).toBe(changes);
  });

  it('lets an organisation administrator add analysts to its own organisation only, never what it does not hold', async () => {
    const oscar = basic('oscar', 'oscar-password');
    const own = await rest(server, '/users', { method: 'POST', auth: oscar, body: { name: 'gina', password: 'gina-password', organisation: 'GHCERT', roles: ['analyst'] } });
    expect([own.status, own.body.roles]).toEqual([201, ['analyst']]);
    const other = await rest(server, '/users', { method: 'POST', auth: oscar, body: { name: 'kofi', password: 'kofi-password', organisation: 'KECERT' } });
    expect([other.status, other.body.error.code]).toEqual([403, 'user.manage_forbidden']);
    const escalate = await rest(server, '/users/gina/roles/platform-admin', { method: 'PUT', auth: oscar });
    expect([escalate.status, escalate.body.error.code]).toEqual([403, 'role.not_held']);
    const analyst = await rest(server, '/users/vera/roles/viewer', { method: 'PUT', auth: basic('alice', 'alice-password') });
    expect(analyst.status).toBe(403);
  });
});
