// A bundle file in and out of a collection over the REST API on both databases: the outcome of every object
// (stored, duplicate, rejected with rule codes, sharing rules included), a file broken mid-way keeps what came
// before it, write access is needed; the download is one STIX bundle of what the caller may see, streamed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator, malware } from '../support/stix-factory.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { rest } from './rest-client.ts';

const bundleOf = (...objects: unknown[]) => ({ type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects });

describe.each(dialects)('REST bundle import and export on %s', (dialect) => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    base = `/collections/${server.collectionId}`;
    await server.platform.collections.grant(SYSTEM, server.collectionId, 'authenticated', { read: true, write: false });
  });
  afterAll(() => server.close());

  const upload = (body: unknown, options: { auth?: string; contentType?: string } = {}) =>
    rest(server, `${base}/import`, { method: 'POST', auth: options.auth ?? server.auth.alice, body, headers: { 'content-type': options.contentType ?? 'application/json' } });

  it('answers the outcome of every object: stored, duplicate, rejected with its rules', async () => {
    const kept = indicator();
    expect((await upload(bundleOf(kept))).body).toMatchObject({ total: 1, stored: 1 });
    const broken = indicator({ pattern: undefined });
    const amber = malware({ object_marking_refs: [TLP2_MARKINGS.amber] });
    const fresh = malware();
    const response = await upload(JSON.stringify(bundleOf(kept, broken, 'not an object', amber, fresh, fresh)), { contentType: 'application/stix+json;version=2.1' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 6, stored: 1, duplicates: 2, rejected: 3 });
    const results = response.body.results as { index: number; id: string | null; type: string | null; outcome: string; problems: { rule: string; path: string }[] }[];
    expect(results.map((r) => [r.index, r.id, r.type, r.outcome])).toEqual([
      [0, kept.id, 'indicator', 'duplicate'],
      [1, broken.id, 'indicator', 'rejected'],
      [2, null, null, 'rejected'],
      [3, amber.id, 'malware', 'rejected'],
      [4, fresh.id, 'malware', 'stored'],
      [5, fresh.id, 'malware', 'duplicate'],
    ]);
    expect(results[1]!.problems).toEqual([expect.objectContaining({ rule: 'required-property', path: '$.pattern', message: expect.any(String) })]);
    expect(results[2]!.problems.map((p) => p.rule)).toEqual(['not-an-object']);
    // The default collection is in no community: AMBER is refused there.
    expect(results[3]!.problems.map((p) => p.rule)).toEqual(['tlp-amber-outside-community']);
    expect(results[0]!.problems).toEqual([]);
  });

  it("gives a pattern's error its line and column, for the sentence in the reader's language", async () => {
    const bad = indicator({ pattern: "[ipv4-addr:value = '198.51.100.1'\n AND ipv4-addr:value = ]" });
    const response = await upload(bundleOf(bad));
    expect(response.body).toMatchObject({ rejected: 1 });
    const [problem] = (response.body.results as { problems: { rule: string; message: string; params?: unknown }[] }[])[0]!.problems;
    expect(problem).toMatchObject({ rule: 'indicator-pattern-invalid', params: { line: 2, column: 24 } });
    expect(problem!.message).toMatch(/line 2, column 24/);
  });

  it('keeps the objects before a syntax error and says how many were stored', async () => {
    const before = [indicator(), indicator()];
    const text = JSON.stringify(bundleOf(...before)).replace(/\]\}$/, ', {"type": "indicator", "id": ]}');
    const response = await upload(text);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'import.malformed_bundle', params: { stored: 2, total: 2, reason: 'json.syntax', line: 1 } });
    expect(response.body.error.message).toMatch(/2 objects stored before that point/);
    for (const object of before) expect((await rest(server, `${base}/objects/${object.id}`)).status).toBe(200);
    const french = await rest(server, `${base}/import`, { method: 'POST', auth: server.auth.alice, body: '{"objects": [', headers: { 'content-type': 'application/json', 'accept-language': 'fr' } });
    expect(french.body.error.message).toContain('paquet STIX');
  });

  it('needs write access, a JSON media type and credentials', async () => {
    const bob = await upload(bundleOf(indicator()), { auth: server.auth.bob });
    expect(bob.status).toBe(403);
    expect(bob.body.error.code).toBe('collection.write_forbidden');
    const elsewhere = await rest(server, '/collections/no-such-collection/import', { method: 'POST', auth: server.auth.alice, body: bundleOf() });
    expect(elsewhere.status).toBe(404);
    const text = await upload('{}', { contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('media.unsupported');
    expect((await rest(server, `${base}/import`, { method: 'POST', auth: null, body: bundleOf() })).status).toBe(401);
  });

  it('downloads the collection as one STIX bundle of what the caller may see', async () => {
    const red = indicator({ object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['alice'] });
    expect((await upload(bundleOf(red))).body.stored).toBe(1);
    const response = await fetch(`${server.url}/api/v1${base}/export`, { headers: { authorization: server.auth.alice } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/stix+json;version=2.1');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="default.json"`);
    const bundle = (await response.json()) as { type: string; objects: { id: string }[] };
    expect(bundle.type).toBe('bundle');
    const alice = await server.platform.users.actAs(SYSTEM, 'alice');
    expect(bundle.objects).toHaveLength(await server.platform.objects.count(alice, 'thiqa', server.collectionId, false, 'export'));
    expect(bundle.objects.length).toBeGreaterThan(0);
    // Nothing TLP:RED ever leaves through an export, not even to its recipient.
    expect(bundle.objects.map((x) => x.id)).not.toContain(red.id);
    const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
    expect(entries.filter((e) => e.action === 'collection.export').at(-1)).toMatchObject({ target: server.collectionId });
    expect((await rest(server, '/collections/no-such-collection/export', { auth: server.auth.alice })).status).toBe(404);
  });
});
