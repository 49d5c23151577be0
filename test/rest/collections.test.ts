// Collections and grants over the REST API: administrators add collections (to an API root or a community)
// and set who may use them; a grant names a principal of a known kind that exists; users list what they see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { recordedChanges, rest } from './rest-client.ts';

const ABSENT = '00000000-0000-4000-8000-000000000000';

describe.each(dialects)('REST collections and grants on %s', (dialect) => {
  let server: TestServer;
  let bobId: string;
  let aliceId: string;
  let organisationId: string;
  let communityId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { platform } = server;
    bobId = (await platform.users.findUser('bob'))!.id;
    aliceId = (await platform.users.findUser('alice'))!.id;
    organisationId = (await platform.organisations.add(SYSTEM, { name: 'Q-CERT', type: 'member-state', country: 'QA' })).id;
    communityId = (await platform.communityApiRoots.add(SYSTEM, { name: 'Gulf CIRTs' })).community.id;
  });
  afterAll(() => server.close());

  const grantsOf = async (id: string) => (await rest(server, `/collections/${id}/grants`)).body.grants;

  it('adds a collection to an API root', async () => {
    const added = await rest(server, '/collections', { method: 'POST', body: { title: 'Phishing', api_root: 'thiqa', alias: 'phishing', description: 'Reported lures' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ api_root: 'thiqa', title: 'Phishing', alias: 'phishing', description: 'Reported lures', can_read: true, can_write: true });
    expect(await grantsOf(added.body.id)).toEqual([]);
  });

  it('adds a collection for a community, in its API root, granted to its members', async () => {
    const added = await rest(server, '/collections', { method: 'POST', body: { title: 'Shared', community: 'Gulf CIRTs' } });
    expect(added.status).toBe(201);
    expect(added.body.api_root).toBe('gulf-cirts');
    expect(await grantsOf(added.body.id)).toEqual([{ principal: `community:${communityId}`, read: true, write: true }]);
  });

  it('lists to each caller only the collections it may read or write', async () => {
    const all = await rest(server, '/collections');
    expect(all.body.collections.map((c: { title: string }) => c.title).sort()).toEqual(['Default collection', 'Phishing', 'Shared']);
    const alice = await rest(server, '/collections', { auth: server.auth.alice });
    expect(alice.body.collections).toEqual([expect.objectContaining({ id: server.collectionId, can_read: true, can_write: true })]);
    expect((await rest(server, '/collections', { auth: server.auth.bob })).body.collections).toEqual([]);
  });

  it('refuses a collection without title, place, or with both places, naming the field, and stores nothing', async () => {
    const before = await recordedChanges(server);
    const cases: [body: unknown, status: number, code: string, field?: string][] = [
      [{ api_root: 'thiqa' }, 400, 'request.missing_field', 'title'],
      [{ title: '   ', api_root: 'thiqa' }, 400, 'collection.title_required', 'title'],
      [{ title: 'T' }, 400, 'request.missing_field', 'api_root'],
      [{ title: 'T', api_root: 'thiqa', community: 'Gulf CIRTs' }, 400, 'request.conflicting_fields', 'community'],
      [{ title: 'T', api_root: 'thiqa', alias: 'Not An Alias' }, 400, 'collection.invalid_alias', 'alias'],
      [{ title: 'T', api_root: 'nowhere' }, 404, 'api_root.not_found'],
      [{ title: 'T', community: 'nowhere' }, 404, 'community.not_found'],
    ];
    for (const [body, status, code, field] of cases) {
      const response = await rest(server, '/collections', { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error.code, JSON.stringify(body)).toBe(code);
      if (field) expect(response.body.error.params.field).toBe(field);
    }
    expect(await recordedChanges(server)).toBe(before);
    expect((await rest(server, '/collections')).body.collections).toHaveLength(3);
  });

  it('sets and removes a grant, which holds over TAXII from the next request', async () => {
    const path = `/collections/${server.collectionId}/grants/user:${bobId}`;
    const granted = await rest(server, path, { method: 'PUT', body: { read: true, write: false } });
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({ principal: `user:${bobId}`, read: true, write: false });
    expect((await rest(server, '/collections', { auth: server.auth.bob })).body.collections).toEqual([
      expect.objectContaining({ id: server.collectionId, can_read: true, can_write: false }),
    ]);
    const listed = await rest(server, `/collections/${server.collectionId}/grants`);
    expect(listed.body).toEqual({
      collection_id: server.collectionId,
      grants: expect.arrayContaining([{ principal: `user:${aliceId}`, read: true, write: true }, { principal: `user:${bobId}`, read: true, write: false }]),
    });
    expect((await rest(server, path, { method: 'PUT', body: { read: false, write: false } })).status).toBe(200);
    expect((await rest(server, '/collections', { auth: server.auth.bob })).body.collections).toEqual([]);
  });

  it('takes every kind of principal, by id', async () => {
    for (const principal of [`org:${organisationId}`, `community:${communityId}`, 'authenticated', `user:${aliceId}`]) {
      const response = await rest(server, `/collections/${server.collectionId}/grants/${encodeURIComponent(principal)}`, { method: 'PUT', body: { read: true, write: true } });
      expect(response.status, principal).toBe(200);
      expect(response.body.principal).toBe(principal);
    }
  });

  it('refuses an unknown kind of principal (400) or one naming nothing (404), changing nothing', async () => {
    const before = await grantsOf(server.collectionId);
    const changes = await recordedChanges(server);
    const cases: [principal: string, status: number, code: string][] = [
      ['group:admins', 400, 'principal.invalid_kind'],
      ['everyone', 400, 'principal.invalid_kind'],
      ['anonymous', 400, 'collection.anonymous_write'],
      ['user:', 400, 'principal.invalid_kind'],
      ['bob', 400, 'principal.invalid_kind'],
      [`user:${ABSENT}`, 404, 'principal.not_found'],
      [`org:${ABSENT}`, 404, 'principal.not_found'],
      ['org:Q-CERT', 404, 'principal.not_found'],
      [`community:${ABSENT}`, 404, 'principal.not_found'],
    ];
    for (const [principal, status, code] of cases) {
      const response = await rest(server, `/collections/${server.collectionId}/grants/${encodeURIComponent(principal)}`, { method: 'PUT', body: { read: true, write: true } });
      expect(response.status, principal).toBe(status);
      expect(response.body.error, principal).toMatchObject({ code, params: { principal, field: 'principal' } });
    }
    const missingField = await rest(server, `/collections/${server.collectionId}/grants/authenticated`, { method: 'PUT', body: { read: true } });
    expect(missingField.body.error).toMatchObject({ code: 'request.missing_field', params: { field: 'write' } });
    expect(await grantsOf(server.collectionId)).toEqual(before);
    expect(await recordedChanges(server)).toBe(changes);
  });

  it('answers 404 for an unknown collection', async () => {
    expect((await rest(server, `/collections/${ABSENT}/grants`)).body.error.code).toBe('collection.not_found');
    expect((await rest(server, `/collections/${ABSENT}/grants/authenticated`, { method: 'PUT', body: { read: true, write: true } })).status).toBe(404);
  });

  it('refuses collection changes and grant lists to a non-administrator with 403, changing nothing', async () => {
    const changes = await recordedChanges(server);
    const requests: [string, string, unknown][] = [
      ['POST', '/collections', { title: 'Mine', api_root: 'thiqa' }],
      ['GET', `/collections/${server.collectionId}/grants`, undefined],
      ['PUT', `/collections/${server.collectionId}/grants/user:${bobId}`, { read: true, write: true }],
    ];
    for (const [method, path, body] of requests) {
      const response = await rest(server, path, { method, body, auth: server.auth.alice });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect(await recordedChanges(server)).toBe(changes);
    expect((await rest(server, '/collections', { auth: server.auth.bob })).body.collections.map((c: { id: string }) => c.id)).toEqual([server.collectionId]);
  });
});
