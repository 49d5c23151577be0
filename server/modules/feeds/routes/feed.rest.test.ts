// Feeds over real HTTP on both databases: who may make, list and revoke them; the content answered to the
// feed token alone (Bearer or ?token=), with its media type, ETag and 304; what it holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { request, startTestServer, type TestServer } from '../../../../test/support/taxii-server.ts';

const JSON_TYPE = 'application/json';

function indicator(n: number, domain: string, more: Record<string, unknown> = {}) {
  return {
    type: 'indicator', spec_version: '2.1', id: `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern: `[domain-name:value = '${domain}']`, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', ...more,
  };
}

describe.each(dialects)('feeds over REST on %s', (dialect) => {
  let server: TestServer;
  let token: string;
  let feedId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const alice = await server.platform.users.findUser('alice');
    const actor = { kind: 'user' as const, userId: alice!.id, name: 'alice', roles: alice!.roles, organisationId: null };
    const result = await server.platform.objects.ingest(actor, 'thiqa', server.collectionId, [
      indicator(1, 'green.example', { object_marking_refs: [TLP2_MARKINGS.green] }),
      indicator(2, 'clear.example', { object_marking_refs: [TLP2_MARKINGS.clear] }),
      indicator(3, 'strict.example', { object_marking_refs: [TLP2_MARKINGS['amber+strict']] }),
      indicator(4, 'expired.example', { valid_until: '2026-01-02T00:00:00Z' }),
      indicator(5, 'revoked.example', { revoked: true }),
      indicator(6, 'red.example', { object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['alice'] }),
    ]);
    expect(result.rejected).toEqual([]);
  });
  afterAll(async () => server?.close());

  const feedsApi = (path: string, options: Parameters<typeof request>[3] = {}) => request(server, `/api/v1${path}`, JSON_TYPE, options);

  it('makes a feed of a readable collection and answers its token once', async () => {
    const created = await feedsApi('/feeds', { auth: server.auth.alice, method: 'POST', body: { collection: server.collectionId, format: 'domain', name: 'Resolver blocklist' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.token).toMatch(/^thqf_[A-Za-z0-9_-]{43}$/);
    expect(created.body.feed).toMatchObject({ name: 'Resolver blocklist', format: 'domain', max_tlp: 'green', include_warninglisted: false, revoked_at: null, media_type: 'text/plain; charset=utf-8' });
    token = created.body.token;
    feedId = created.body.feed.id;
    expect(created.body.feed.path).toBe(`/api/v1/feeds/${feedId}/content`);
    expect(JSON.stringify((await feedsApi('/feeds', { auth: server.auth.alice })).body)).not.toContain(token);
  });

  it('refuses a collection the caller may not read, and formats and ceilings it does not know, in the caller’s language', async () => {
    const bob = await feedsApi('/feeds', { auth: server.auth.bob, method: 'POST', body: { collection: server.collectionId, format: 'csv' } });
    expect([403, 404]).toContain(bob.status);
    const format = await feedsApi('/feeds', { auth: server.auth.alice, method: 'POST', body: { collection: server.collectionId, format: 'snort' }, headers: { 'accept-language': 'fr' } });
    expect(format.status).toBe(400);
    expect(format.body.error.code).toBe('feed.invalid_format');
    expect(format.body.error.message).toContain('n’est pas un format de flux');
    const red = await feedsApi('/feeds', { auth: server.auth.alice, method: 'POST', body: { collection: server.collectionId, format: 'csv', max_tlp: 'red' } });
    expect(red.body.error.code).toBe('feed.invalid_tlp');
    const anonymous = await feedsApi('/feeds', { auth: null, method: 'POST', body: { collection: server.collectionId, format: 'csv' } });
    expect(anonymous.status).toBe(401);
  });

  it('serves the content to the feed token: CLEAR and GREEN, latest, valid and not revoked only', async () => {
    const response = await fetch(`${server.url}/api/v1/feeds/${feedId}/content`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('clear.example\ngreen.example\n');
    const byQuery = await fetch(`${server.url}/api/v1/feeds/${feedId}/content?token=${token}`);
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get('etag')).toBe(response.headers.get('etag'));
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(Date.parse(response.headers.get('last-modified')!)).toBeGreaterThan(0);
  });

  it('answers 304 to the current ETag, and a new ETag once the content changes', async () => {
    const first = await fetch(`${server.url}/api/v1/feeds/${feedId}/content`, { headers: { authorization: `Bearer ${token}` } });
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/api/v1/feeds/${feedId}/content`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await server.platform.objects.ingest(SYSTEM, 'thiqa', server.collectionId, [indicator(7, 'new.example', { object_marking_refs: [TLP2_MARKINGS.clear] })]);
    const changed = await fetch(`${server.url}/api/v1/feeds/${feedId}/content`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe('clear.example\ngreen.example\nnew.example\n');
  });

  it('refuses a missing, wrong or other feed’s token with 401', async () => {
    const none = await feedsApi(`/feeds/${feedId}/content`, { auth: null });
    expect([none.status, none.body.error.code]).toEqual([401, 'feed.token_required']);
    const wrong = await feedsApi(`/feeds/${feedId}/content`, { auth: `Bearer thqf_${'A'.repeat(43)}` });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'feed.invalid_token']);
    const other = await feedsApi('/feeds', { auth: server.auth.alice, method: 'POST', body: { collection: server.collectionId, format: 'csv' } });
    const crossed = await feedsApi(`/feeds/${other.body.feed.id}/content`, { auth: `Bearer ${token}` });
    expect([crossed.status, crossed.body.error.code]).toEqual([401, 'feed.invalid_token']);
    // A user's API token is no feed token.
    const apiToken = await feedsApi(`/feeds/${feedId}/content`, { auth: server.auth.admin });
    expect(apiToken.status).toBe(401);
  });

  it('lists a user’s own feeds (every feed for administrators) and lets only them revoke one', async () => {
    expect((await feedsApi('/feeds', { auth: server.auth.bob })).body.feeds).toEqual([]);
    expect((await feedsApi('/feeds', { auth: server.auth.alice })).body.feeds.map((f: { id: string }) => f.id)).toContain(feedId);
    expect((await feedsApi('/feeds')).body.feeds.length).toBeGreaterThanOrEqual(2);
    expect((await feedsApi(`/feeds/${feedId}/revoke`, { auth: server.auth.bob, method: 'POST' })).status).toBe(404);
    const revoked = await feedsApi(`/feeds/${feedId}/revoke`, { auth: server.auth.alice, method: 'POST' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    const after = await feedsApi(`/feeds/${feedId}/content`, { auth: `Bearer ${token}` });
    expect([after.status, after.body.error.code]).toEqual([401, 'feed.invalid_token']);
    const actions: string[] = [];
    for await (const entry of server.platform.audit.export(SYSTEM)) actions.push(entry.action);
    expect(actions).toEqual(expect.arrayContaining(['feed.create', 'feed.revoke']));
  });
});
