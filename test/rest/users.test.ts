// Users and their API tokens over the REST API: administrators add, read, disable users and make tokens
// (shown once); anyone else is refused with 403 and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, recordedChanges, rest } from './rest-client.ts';

describe.each(dialects)('REST users on %s', (dialect) => {
  let server: TestServer;
  let organisationId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    organisationId = (await server.platform.organisations.add(SYSTEM, { name: 'NGCERT', type: 'member-state', country: 'NG' })).id;
  });
  afterAll(() => server.close());

  it('adds a user in an organisation, without ever answering a password', async () => {
    const added = await rest(server, '/users', { method: 'POST', body: { name: 'carol', password: 'carol-password', organisation: 'NGCERT' } });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: expect.any(String), name: 'carol', admin: false, roles: ['analyst'], language: null, disabled: false, organisation_id: organisationId, created_at: expect.any(String) });
    const admin = await rest(server, '/users', { method: 'POST', body: { name: 'dina', password: 'dina-password', admin: true } });
    expect(admin.body).toMatchObject({ admin: true, organisation_id: null });
    const listed = await rest(server, '/users');
    expect(listed.body.users.map((u: { name: string }) => u.name)).toEqual(['admin', 'alice', 'bob', 'carol', 'dina']);
    expect(listed.text).not.toMatch(/password|scrypt/);
    expect((await rest(server, '/users/CAROL')).body).toEqual(added.body);
  });

  it('answers 404 for an unknown user or organisation, 409 for a name taken', async () => {
    expect((await rest(server, '/users/nobody')).body.error.code).toBe('user.not_found');
    expect((await rest(server, '/users/nobody/tokens', { method: 'POST', body: { label: 'x' } })).status).toBe(404);
    expect((await rest(server, '/users/nobody/disabled', { method: 'PUT', body: { disabled: true } })).status).toBe(404);
    const noOrg = await rest(server, '/users', { method: 'POST', body: { name: 'erin', password: 'erin-password', organisation: 'Nowhere' } });
    expect(noOrg.status).toBe(404);
    expect(noOrg.body.error.code).toBe('organisation.not_found');
    const taken = await rest(server, '/users', { method: 'POST', body: { name: 'Carol', password: 'another-password' } });
    expect(taken.status).toBe(409);
    expect((await rest(server, '/users/erin')).status).toBe(404);
  });

  it('names the field of a bad input with 400', async () => {
    const cases: [body: unknown, code: string, field: string][] = [
      [{ name: 'has space', password: 'long enough' }, 'user.invalid_name', 'name'],
      [{ name: 'frank', password: 'short' }, 'user.password_too_short', 'password'],
      [{ name: 'frank', password: 'long enough', admin: 'yes' }, 'request.invalid_field', 'admin'],
      [{ name: 'frank' }, 'request.missing_field', 'password'],
    ];
    for (const [body, code, field] of cases) {
      const response = await rest(server, '/users', { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toMatchObject({ code, params: { field } });
    }
    expect((await rest(server, '/users/frank')).status).toBe(404);
  });

  it('makes an API token shown once, which then signs in as its user', async () => {
    const created = await rest(server, '/users/carol/tokens', { method: 'POST', body: { label: 'misp sync' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), label: 'misp sync', user: 'carol', token: expect.any(String) });
    const me = await rest(server, '/me', { auth: `Bearer ${created.body.token}` });
    expect(me.status).toBe(200);
    expect(me.body.user.name).toBe('carol');
    expect((await rest(server, '/users/carol')).text).not.toContain(created.body.token);
    const badLabel = await rest(server, '/users/carol/tokens', { method: 'POST', body: { label: '' } });
    expect(badLabel.body.error).toMatchObject({ code: 'token.invalid_label', params: { field: 'label' } });
  });

  it('disables a user, who then cannot sign in, and re-enables them', async () => {
    const disabled = await rest(server, '/users/carol/disabled', { method: 'PUT', body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ name: 'carol', disabled: true });
    const refused = await rest(server, '/me', { auth: basic('carol') });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('auth.user_disabled');
    expect((await rest(server, '/users/carol/disabled', { method: 'PUT', body: { disabled: false } })).body.disabled).toBe(false);
    expect((await rest(server, '/me', { auth: basic('carol') })).status).toBe(200);
  });

  it('refuses every user endpoint to a non-administrator with 403, changing nothing', async () => {
    const before = await recordedChanges(server);
    const requests: [string, { method?: string; body?: unknown }][] = [
      ['/users', {}],
      ['/users', { method: 'POST', body: { name: 'mallory', password: 'mallory-password', admin: true } }],
      ['/users/alice', {}],
      ['/users/alice/tokens', { method: 'POST', body: { label: 'stolen' } }],
      ['/users/alice/disabled', { method: 'PUT', body: { disabled: true } }],
    ];
    for (const [path, options] of requests) {
      const response = await rest(server, path, { ...options, auth: server.auth.bob });
      expect(response.status, `${options.method ?? 'GET'} ${path}`).toBe(403);
      expect(response.body.error.code).toBe('user.manage_forbidden');
    }
    expect(await recordedChanges(server)).toBe(before);
    expect((await rest(server, '/users/mallory')).status).toBe(404);
    expect((await rest(server, '/me', { auth: server.auth.alice })).status).toBe(200);
  });
});
