// The audit log and the caller's profile over the REST API: administrators page through every entry and
// verify the chain, other users see their own entries; /me answers the user as stored, with its organisation
// and that organisation's communities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, rest } from './rest-client.ts';

describe.each(dialects)('REST audit and me on %s', (dialect) => {
  let server: TestServer;
  let bobId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { platform } = server;
    bobId = (await platform.users.findUser('bob'))!.id;
    await platform.organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', country: 'MU' });
    await platform.users.addUser({ name: 'carol', password: 'carol-password', organisation: 'CERT-MU' });
    await platform.communityApiRoots.add(SYSTEM, { name: 'Arab CIRTs' });
    await platform.communityApiRoots.add(SYSTEM, { name: 'Global' });
    await platform.communities.join(SYSTEM, 'Arab CIRTs', 'CERT-MU');
  });
  afterAll(() => server.close());

  it('pages through every entry for an administrator with after and limit', async () => {
    const first = await rest(server, '/audit?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.entries.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    expect(first.body.next_after).toBe(2);
    expect(first.body.entries[0]).toMatchObject({ actor: 'system', action: 'api_root.create', details: { title: 'Thiqa' }, prev_hash: '0'.repeat(64) });
    const second = await rest(server, `/audit?after=${first.body.next_after}&limit=2`);
    expect(second.body.entries.map((e: { seq: number }) => e.seq)).toEqual([3, 4]);
    const remaining = await rest(server, '/audit?after=4');
    expect(remaining.body.entries.length).toBeGreaterThan(0);
    expect(remaining.body.next_after).toBeNull();
  });

  it('shows any other user only the entries it is the actor of', async () => {
    await rest(server, '/me', { auth: server.auth.bob });
    const own = await rest(server, '/audit', { auth: server.auth.bob });
    expect(own.status).toBe(200);
    expect(own.body.entries.length).toBeGreaterThan(0);
    expect(new Set(own.body.entries.map((e: { actor: string }) => e.actor))).toEqual(new Set([`user:${bobId}`]));
  });

  it('refuses paging parameters out of range or unknown, naming them', async () => {
    const cases: [query: string, code: string, field: string][] = [
      ['limit=0', 'request.invalid_field', 'limit'],
      ['limit=1001', 'request.invalid_field', 'limit'],
      ['limit=ten', 'request.invalid_field', 'limit'],
      ['after=-1', 'request.invalid_field', 'after'],
      ['after=1&after=2', 'request.repeated_parameter', 'after'],
      ['page=2', 'request.unknown_parameter', 'page'],
    ];
    for (const [query, code, field] of cases) {
      const response = await rest(server, `/audit?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error, query).toMatchObject({ code, params: { field, in: 'query' } });
    }
  });

  it('verifies the chain for an administrator, against a head recorded earlier too', async () => {
    const verified = await rest(server, '/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, problems: [], head: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const { seq, hash } = verified.body.head;
    expect((await rest(server, `/audit/verify?expect_head=${seq}:${hash}`)).body.ok).toBe(true);
    expect((await rest(server, `/audit/verify?expect_head=${seq}:${'0'.repeat(64)}`)).body.ok).toBe(false);
    expect((await rest(server, '/audit/verify?expect_head=latest')).body.error.code).toBe('audit.invalid_anchor');
    const refused = await rest(server, '/audit/verify', { auth: server.auth.bob });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('audit.verify_forbidden');
  });

  it('describes the caller with its organisation and that organisation’s communities', async () => {
    const carol = await rest(server, '/me', { auth: basic('carol') });
    expect(carol.status).toBe(200);
    expect(carol.body.user).toMatchObject({ name: 'carol', admin: false });
    expect(carol.body.organisation).toMatchObject({ name: 'CERT-MU', country: 'MU' });
    expect(carol.body.communities.map((c: { name: string }) => c.name)).toEqual(['Arab CIRTs']);
    await server.platform.communities.join(SYSTEM, 'Global', 'CERT-MU');
    expect((await rest(server, '/me', { auth: basic('carol') })).body.communities.map((c: { slug: string }) => c.slug)).toEqual(['arab-cirts', 'global']);
    const bob = await rest(server, '/me', { auth: server.auth.bob });
    expect(bob.body).toMatchObject({ user: { name: 'bob' }, organisation: null, communities: [] });
  });
});
