import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { envelope, identity, indicator } from '../support/stix-factory.ts';
import { objectsPath, startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

describe.each(dialects)('TAXII add objects on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('stores the valid objects of a bundle and reports the invalid ones with the reason', async () => {
    const good = indicator();
    const broken = indicator({ pattern_type: undefined, modified: '2020-01-01T00:00:00.000Z' });
    const response = await taxii(server, objectsPath(server), { method: 'POST', body: envelope(good, broken, identity()) });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: 'complete', total_count: 3, success_count: 2, failure_count: 1, pending_count: 0 });
    expect(response.body.successes).toContainEqual({ id: good.id, version: '2026-01-01T00:00:00.000Z' });
    const [failure] = response.body.failures;
    expect(failure.id).toBe(broken.id);
    expect(failure.message).toMatch(/objects\[1\]/);
    expect(failure.message).toMatch(/pattern_type/);
    expect(failure.message).toMatch(/modified/);
    const stored = await taxii(server, objectsPath(server, `${good.id}/`));
    expect(stored.body.objects).toEqual([good]);
    expect((await taxii(server, objectsPath(server, `${broken.id}/`))).status).toBe(404);
  });

  it('refuses an indicator whose STIX pattern does not parse, saying where it broke', async () => {
    const broken = indicator({ pattern: "[file:name = 'a.exe' AND file:size > ]" });
    const response = await taxii(server, objectsPath(server), { method: 'POST', body: envelope(broken) });
    expect(response.body).toMatchObject({ success_count: 0, failure_count: 1 });
    expect(response.body.failures[0].message).toBe("objects[0]: $.pattern: The STIX pattern is invalid at column 38: expected an orderable constant after > (string, number, binary, hex or timestamp), found ']'. [indicator-pattern-invalid]");
    expect((await taxii(server, objectsPath(server, `${broken.id}/`))).status).toBe(404);
  });

  it('treats the same id and version sent again as a success that stores nothing new', async () => {
    const object = indicator();
    await taxii(server, objectsPath(server), { method: 'POST', body: envelope(object) });
    const again = await taxii(server, objectsPath(server), { method: 'POST', body: envelope({ ...object, name: 'changed' }) });
    expect(again.body).toMatchObject({ success_count: 1, failure_count: 0 });
    expect(again.body.successes[0].message).toMatch(/already stored/);
    const versions = await taxii(server, objectsPath(server, `${object.id}/versions/`));
    expect(versions.body.versions).toEqual(['2026-01-01T00:00:00.000Z']);
    const stored = await taxii(server, objectsPath(server, `${object.id}/`));
    expect(stored.body.objects[0].name).toBe('Malicious site');
  });

  it('records a status resource its requester can read back, and nobody else', async () => {
    const posted = await taxii(server, objectsPath(server), { method: 'POST', body: envelope(indicator()), auth: server.auth.alice });
    const status = await taxii(server, `/thiqa/status/${posted.body.id}/`, { auth: server.auth.alice });
    expect(status.status).toBe(200);
    expect(status.body).toEqual(posted.body);
    expect((await taxii(server, `/thiqa/status/${posted.body.id}/`, { auth: server.auth.bob })).status).toBe(404);
    expect((await taxii(server, `/thiqa/status/${posted.body.id}/`)).status).toBe(200);
  });

  it('answers malformed JSON with 400 and where it broke, storing nothing', async () => {
    const response = await taxii(server, objectsPath(server), { method: 'POST', body: '{"objects": [ {"type": "indicator",, } ]}' });
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('content.malformed_json');
    expect(response.body.description).toMatch(/position|column/);
  });

  it('answers 415 for a body that is not TAXII JSON', async () => {
    const response = await taxii(server, objectsPath(server), {
      method: 'POST',
      body: envelope(indicator()),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(415);
    expect(response.body.error_code).toBe('media.unsupported');
  });

  it('refuses content that is not an envelope or a bundle', async () => {
    const response = await taxii(server, objectsPath(server), { method: 'POST', body: [indicator()] });
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('content.not_an_envelope');
  });

  it('answers 413 beyond the API root max_content_length and stays up', async () => {
    await server.platform.apiRoots.create(SYSTEM, { name: 'tiny', title: 'Tiny', maxContentLength: 2048 });
    const tiny = await server.platform.collections.create(SYSTEM, { apiRoot: 'tiny', title: 'Tiny collection' });
    const big = envelope(...Array.from({ length: 20 }, () => indicator()));
    const response = await taxii(server, `/tiny/collections/${tiny.id}/objects/`, { method: 'POST', body: big });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error_code: 'content.too_large', details: { max: 2048 } });
    const small = await taxii(server, `/tiny/collections/${tiny.id}/objects/`, { method: 'POST', body: envelope(indicator()) });
    expect(small.status).toBe(202);
  });

  it('does not let a reader without write access add objects', async () => {
    const readOnly = await server.platform.collections.create(SYSTEM, { apiRoot: 'thiqa', title: 'Read only' });
    const bob = await server.platform.users.findUser('bob');
    await server.platform.collections.grant(SYSTEM, readOnly.id, `user:${bob!.id}`, { read: true, write: false });
    const response = await taxii(server, `/thiqa/collections/${readOnly.id}/objects/`, {
      method: 'POST',
      body: envelope(indicator()),
      auth: server.auth.bob,
    });
    expect(response.status).toBe(403);
    expect(response.body.error_code).toBe('collection.write_forbidden');
  });
});
