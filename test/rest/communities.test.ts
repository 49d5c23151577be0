// Communities over the REST API: administrators add them (each with its TAXII API root) and change their
// members; any signed-in user lists and reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';
import { recordedChanges, rest } from './rest-client.ts';

describe.each(dialects)('REST communities on %s', (dialect) => {
  let server: TestServer;
  let organisationId: string;
  let communityId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    organisationId = (await server.platform.organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', country: 'MU' })).id;
  });
  afterAll(() => server.close());

  it('adds a community with its TAXII API root', async () => {
    const added = await rest(server, '/communities', { method: 'POST', body: { name: 'Arab CIRTs', description: 'Regional sharing' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Arab CIRTs', slug: 'arab-cirts', api_root: 'arab-cirts', description: 'Regional sharing' });
    communityId = added.body.id;
    expect((await taxii(server, '/arab-cirts/')).body).toMatchObject({ title: 'Arab CIRTs' });
    const listed = await rest(server, '/communities', { auth: server.auth.bob });
    expect(listed.body.communities).toEqual([expect.objectContaining({ id: communityId, members: 0 })]);
  });

  it('joins and leaves an organisation, saying whether anything changed', async () => {
    const path = `/communities/${communityId}/members/${organisationId}`;
    expect((await rest(server, path, { method: 'PUT' })).body).toEqual({ community_id: communityId, organisation_id: organisationId, member: true, changed: true });
    expect((await rest(server, '/communities/arab cirts/members/cert-mu', { method: 'PUT' })).body).toMatchObject({ member: true, changed: false });
    const found = await rest(server, `/communities/${communityId}`, { auth: server.auth.alice });
    expect(found.status).toBe(200);
    expect(found.body.members).toEqual([{ organisation_id: organisationId, joined_at: expect.any(String) }]);
    expect((await rest(server, path, { method: 'DELETE' })).body).toMatchObject({ member: false, changed: true });
    expect((await rest(server, path, { method: 'DELETE' })).body).toMatchObject({ member: false, changed: false });
    expect((await rest(server, `/communities/${communityId}`)).body.members).toEqual([]);
  });

  it('answers 404 for an unknown community or organisation, 409 for a name taken, 400 naming the field', async () => {
    expect((await rest(server, '/communities/nowhere')).body.error.code).toBe('community.not_found');
    expect((await rest(server, '/communities/nowhere/members/cert-mu', { method: 'PUT' })).status).toBe(404);
    const noOrg = await rest(server, `/communities/${communityId}/members/nobody`, { method: 'PUT' });
    expect(noOrg.status).toBe(404);
    expect(noOrg.body.error.code).toBe('organisation.not_found');
    expect((await rest(server, '/communities', { method: 'POST', body: { name: 'ARAB CIRTS' } })).status).toBe(409);
    const missing = await rest(server, '/communities', { method: 'POST', body: { description: 'no name' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'request.missing_field', params: { field: 'name' } });
    const control = await rest(server, '/communities', { method: 'POST', body: { name: 'bad\u0007name' } });
    expect(control.body.error).toMatchObject({ code: 'community.invalid_name', params: { field: 'name' } });
  });

  it('refuses changes to a non-administrator with 403, changing nothing', async () => {
    const before = await recordedChanges(server);
    const path = `/communities/${communityId}/members/${organisationId}`;
    for (const [method, target, body] of [['POST', '/communities', { name: 'Rogue' }], ['PUT', path, undefined], ['DELETE', path, undefined]] as const) {
      const response = await rest(server, target, { method, body, auth: server.auth.bob });
      expect(response.status, `${method} ${target}`).toBe(403);
      expect(response.body.error.code).toBe('community.forbidden');
    }
    expect(await recordedChanges(server)).toBe(before);
    expect((await rest(server, '/communities')).body.communities).toHaveLength(1);
    expect((await rest(server, `/communities/${communityId}`)).body.members).toEqual([]);
  });
});
