// Likely duplicates in the Gateway over REST, on both databases: flagged as a record is proposed when it has
// the same type and country and the same title once normalised (another language's title, case, accents,
// Arabic diacritics, plurals), or the same source address written otherwise; shown to the proposer with a
// link; dismissed (never flagged again) or merged by a moderator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, rest } from './rest-client.ts';

interface Flag {
  id: string;
  reasons: string[];
  other: { id: string; type: string; status: string; title: Record<string, string> } | null;
}

const strategy = (title: Record<string, string>, url: string, country = 'TN') => ({ type: 'strategy', record: { title, source_url: url, country } });

describe.each(dialects)('Gateway duplicates over REST on %s', (dialect) => {
  let server: TestServer;
  const amal = basic('amal');
  const mod = basic('mod');
  const ids: Record<string, string> = {};
  const propose = async (name: string, body: unknown) => {
    const response = await rest(server, '/gateway/records', { method: 'POST', auth: amal, body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    ids[name] = response.body.id;
    return response.body as { id: string; duplicates: Flag[] };
  };
  const accept = async (name: string, revision = 1) => {
    const response = await rest(server, `/gateway/records/${ids[name]}/revisions/${revision}/moderate`, { method: 'POST', auth: mod, body: { action: 'accept' } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };
  const openFlags = async () => (await rest(server, '/gateway/duplicates', { auth: mod })).body.duplicates as { id: string; reasons: string[]; record: { id: string }; other: { id: string } }[];
  const flagOf = async (a: string, b: string) => (await openFlags()).find((f) => [f.record.id, f.other.id].sort().join() === [ids[a], ids[b]].sort().join())!;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.platform.organisations.add(SYSTEM, { name: 'CERT-TN', type: 'member-state', country: 'TN' });
    await server.platform.users.addUser({ name: 'amal', password: 'amal-password', organisation: 'CERT-TN' });
    await server.platform.users.addUser({ name: 'mod', password: 'mod-password', roles: ['gateway-moderator'] });
    await propose('published', strategy({ fr: 'Stratégie nationale de cybersécurité', ar: 'الاستراتيجية الوطنية للأمن السيبراني' }, 'https://www.example.org/tn/strategy/?lang=fr&v=2'));
    await accept('published');
  });
  afterAll(() => server.close());

  it('flags the same type and country with a title alike in another language, case and accents', async () => {
    const proposed = await propose('sameTitle', strategy({ en: 'National strategy', fr: 'STRATEGIES NATIONALES DE LA CYBERSECURITE' }, 'https://example.org/other'));
    expect(proposed.duplicates).toEqual([{ id: expect.any(String), reasons: ['title'], flagged_at: expect.any(String), other: { id: ids.published, type: 'strategy', status: 'published', title: expect.objectContaining({ fr: 'Stratégie nationale de cybersécurité' }) } }]);
    const arabic = await propose('arabic', strategy({ ar: 'الإستراتيجيّة الوطنيّة للأَمن السيبراني' }, 'https://example.org/ar'));
    expect(arabic.duplicates.map((d) => [d.reasons, d.other?.id])).toEqual([[['title'], ids.published]]);
    // The pending ones resemble each other too? Only through the published one's title: not the same title.
    expect((await rest(server, `/gateway/records/${ids.arabic}`, { auth: amal })).body.duplicates.map((d: Flag) => d.other?.id)).toEqual([ids.published]);
  });

  it('flags the same source address written otherwise, whatever the type, and not another country’s strategy', async () => {
    const cirt = await propose('sameUrl', { type: 'cirt', record: { title: { en: 'tunCERT' }, source_url: 'http://example.org/tn/strategy?v=2&lang=fr#top', country: 'TN' } });
    expect(cirt.duplicates.map((d) => [d.reasons, d.other?.id])).toEqual([[['source_url'], ids.published]]);
    const morocco = await propose('morocco', strategy({ fr: 'Stratégie nationale de cybersécurité' }, 'https://example.org/ma/strategy', 'MA'));
    expect(morocco.duplicates).toEqual([]);
  });

  it('lists the open flags to moderators only, and dismisses one for good', async () => {
    expect((await rest(server, '/gateway/duplicates', { auth: amal })).body.error.code).toBe('gateway.moderate_forbidden');
    const open = await openFlags();
    expect(open).toHaveLength(3);
    const queue = (await rest(server, '/gateway/moderation', { auth: mod })).body.queue;
    expect(queue.find((q: { id: string }) => q.id === ids.sameUrl).duplicates).toBe(1);
    const flag = await flagOf('sameUrl', 'published');
    const dismissed = await rest(server, `/gateway/duplicates/${flag.id}/dismiss`, { method: 'POST', auth: mod });
    expect(dismissed.body).toMatchObject({ state: 'dismissed', decided_by: { id: expect.any(String) }, record: { id: ids.sameUrl }, other: { id: ids.published } });
    expect((await rest(server, `/gateway/duplicates/${flag.id}/dismiss`, { method: 'POST', auth: mod })).body.error).toMatchObject({ code: 'gateway.duplicate_decided', params: { state: 'dismissed' } });
    // A new revision of the record keeps the same key: the pair is not flagged again.
    const revised = await rest(server, `/gateway/records/${ids.sameUrl}/revisions`, { method: 'POST', auth: amal, body: { record: { title: { en: 'tunCERT', fr: 'tunCERT' }, source_url: 'http://example.org/tn/strategy?v=2&lang=fr', country: 'TN' } } });
    expect(revised.body.record.duplicates).toEqual([]);
    expect((await rest(server, '/gateway/duplicates?state=dismissed', { auth: mod })).body.total).toBe(1);
    expect((await rest(server, '/gateway/duplicates?state=maybe', { auth: mod })).body.error).toMatchObject({ code: 'gateway.invalid_filter', params: { field: 'state' } });
  });

  it('merges a pending proposal into the published record: it leaves the queue, and says where it went', async () => {
    const flag = await flagOf('sameTitle', 'published');
    const merged = await rest(server, `/gateway/duplicates/${flag.id}/merge`, { method: 'POST', auth: mod });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ state: 'merged', merged: { id: ids.sameTitle, status: 'merged' }, into: { id: ids.published, status: 'published' } });
    expect((await rest(server, `/gateway/duplicates/${flag.id}/merge`, { method: 'POST', auth: mod })).status).toBe(409);
    const read = await rest(server, `/gateway/records/${ids.sameTitle}`, { auth: amal });
    expect(read.body).toMatchObject({ status: 'merged', merged_into: ids.published, revision_state: 'superseded' });
    expect((await rest(server, `/gateway/records/${ids.sameTitle}`, { auth: null })).status).toBe(404);
    expect((await rest(server, '/gateway/moderation', { auth: mod })).body.queue.map((q: { id: string }) => q.id)).not.toContain(ids.sameTitle);
    const history = (await rest(server, `/gateway/records/${ids.sameTitle}/history`, { auth: mod })).body.revisions;
    expect(history.map((r: { state: string }) => r.state)).toEqual(['superseded']);
  });

  it('refuses to merge two records of which neither is published', async () => {
    await propose('pendingTwin', strategy({ ar: 'الاستراتيجية الوطنية للامن السيبراني' }, 'https://example.org/twin'));
    const flag = await flagOf('pendingTwin', 'arabic');
    expect(flag.reasons).toEqual(['title']);
    const refused = await rest(server, `/gateway/duplicates/${flag.id}/merge`, { method: 'POST', auth: mod });
    expect(refused.body.error.code).toBe('gateway.merge_unpublished');
  });

  it('merges two published records into the one published first: the other leaves the search', async () => {
    await accept('arabic');
    const flag = await flagOf('arabic', 'published');
    expect((await rest(server, '/gateway/records?q=الأمن%20السيبراني', { auth: null })).body.total).toBe(2);
    const merged = await rest(server, `/gateway/duplicates/${flag.id}/merge`, { method: 'POST', auth: mod });
    expect(merged.body).toMatchObject({ merged: { id: ids.arabic }, into: { id: ids.published } });
    const search = (await rest(server, '/gateway/records?q=الأمن%20السيبراني', { auth: null })).body;
    expect(search.records.map((r: { id: string }) => r.id)).toEqual([ids.published]);
    const read = await rest(server, `/gateway/records/${ids.arabic}`, { auth: null });
    expect(read.body).toMatchObject({ status: 'merged', merged_into: ids.published, revision: 1 });
    // Its flag with the pending twin has nothing left to decide; the twin's with the record kept stays open.
    const twins = (await openFlags()).filter((f) => f.record.id === ids.pendingTwin).map((f) => f.other.id);
    expect(twins).toEqual([ids.published]);
  });
});
