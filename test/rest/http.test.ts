// The REST API's HTTP rules: credentials on every endpoint (401 with a challenge), JSON bodies only (415),
// bounded bodies (413), malformed bodies (400), 405 and 404 in JSON, and unknown errors as 500 with a
// correlation id that is logged.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REST_BASE } from '../../server/core/rest/rest-endpoint.ts';
import { REST_MAX_BODY_BYTES } from '../../server/core/rest/rest-http.ts';
import { REST_ENDPOINTS } from '../../server/rest-api.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, recordedChanges, rest } from './rest-client.ts';

const organisation = { name: 'CERT-MU', type: 'member-state', country: 'MU' };

describe.each(dialects)('REST over HTTP on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('answers 401 with a challenge on every declared endpoint without credentials (but signing in and out, published results, the Gateway’s public reads and a feed’s content)', async () => {
    expect(REST_ENDPOINTS.length).toBeGreaterThanOrEqual(20);
    expect(REST_ENDPOINTS.filter((e) => e.anonymous).map((e) => `${e.method} ${e.path}`)).toEqual([
      'post /session',
      'delete /session',
      'get /assessment/editions',
      'get /assessment/editions/{name}/results',
      'get /assessment/editions/{name}/results.csv',
      'get /assessment/editions/{name}/regions',
      'get /assessment/countries/{country}',
      'get /assessment/compare',
      'get /assessment/region-schemes',
      'get /assessment/region-schemes/{name}',
      'get /assessment/frameworks',
      'get /assessment/frameworks/{id}',
      'get /assessment/editions/{name}',
      'get /assessment/editions/{name}/countries/{country}/answers',
      'get /assessment/editions/{name}/countries/{country}/answers/{question}/history',
      'get /assessment/evidence/{id}',
      'get /assessment/editions/{name}/edition.json',
      'get /assessment/editions/{name}/answers.csv',
      'get /assessment/countries/{country}/profile',
      'get /gateway/records',
      'get /gateway/records/{id}',
      'get /gateway/records/{id}/history',
      'get /gateway/export',
      'get /gateway/feed.json',
      'get /gateway/feed.atom',
      'get /gateway/network',
      'get /gateway/gaps',
      'get /gateway/countries/{country}/facts',
      'get /gateway/matching',
      // Authenticated by its feed token alone (tested in server/modules/feeds/routes/feed.rest.test.ts).
      'get /feeds/{id}/content',
    ]);
    for (const endpoint of REST_ENDPOINTS.filter((e) => !e.anonymous)) {
      const path = endpoint.path.replace(/\{\w+\}/g, 'x');
      const response = await rest(server, path, { method: endpoint.method.toUpperCase(), auth: null, body: endpoint.body ? {} : undefined });
      expect(response.status, `${endpoint.method} ${path}`).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="thiqa", Bearer/);
      expect(response.body.error.code).toBe('auth.required');
    }
  });

  it('challenges the web UI’s own requests with Bearer only, so the browser opens no password dialog of its own', async () => {
    const fromUi = await fetch(`${server.url}${REST_BASE}/me`, { headers: { accept: 'application/json', 'x-thiqa-request': '1' } });
    expect(fromUi.status).toBe(401);
    expect(fromUi.headers.get('www-authenticate')).toBe('Bearer realm="thiqa"');
    const fromClient = await fetch(`${server.url}${REST_BASE}/me`, { headers: { accept: 'application/json' } });
    expect(fromClient.headers.get('www-authenticate')).toBe('Basic realm="thiqa", Bearer realm="thiqa"');
  });

  it('answers wrong credentials with a REST 401, not a TAXII one', async () => {
    const response = await rest(server, '/me', { auth: basic('alice', 'not-her-password') });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({ error: { code: 'auth.bad_credentials', message: expect.any(String), params: {} } });
  });

  it('takes bodies in application/json only (415), storing nothing', async () => {
    const before = await recordedChanges(server);
    for (const contentType of ['text/plain', 'application/taxii+json;version=2.1', 'application/x-www-form-urlencoded']) {
      const response = await rest(server, '/organisations', { method: 'POST', body: JSON.stringify(organisation), headers: { 'content-type': contentType } });
      expect(response.status, contentType).toBe(415);
      expect(response.body.error).toMatchObject({ code: 'media.unsupported', params: { contentType } });
    }
    const charset = await rest(server, '/organisations', { method: 'POST', body: organisation, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(charset.status).toBe(201);
    expect(await recordedChanges(server)).toBe(before + 1);
  });

  it('refuses a body beyond the limit with 413, storing nothing', async () => {
    const before = await recordedChanges(server);
    const big = { ...organisation, name: 'Big', sector: 'x'.repeat(REST_MAX_BODY_BYTES) };
    const response = await rest(server, '/organisations', { method: 'POST', body: big });
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ code: 'content.too_large', params: { max: REST_MAX_BODY_BYTES } });
    // Sent in chunks without a Content-Length: counted while read.
    const chunks = [JSON.stringify(big).slice(0, 1000), JSON.stringify(big).slice(1000)];
    const streamed = await fetch(`${server.url}${REST_BASE}/organisations`, {
      method: 'POST',
      headers: { authorization: server.auth.admin, 'content-type': 'application/json' },
      body: new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(new TextEncoder().encode(chunks.shift())) : controller.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await recordedChanges(server)).toBe(before);
    expect((await rest(server, '/organisations/Big')).status).toBe(404);
  });

  it('answers malformed JSON and a body that is no object with 400', async () => {
    const malformed = await rest(server, '/organisations', { method: 'POST', body: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('content.malformed_json');
    for (const body of ['[]', '"text"', 'null']) {
      const response = await rest(server, '/organisations', { method: 'POST', body });
      expect(response.status, body).toBe(400);
      expect(response.body.error.code).toBe('request.invalid_body');
    }
  });

  it('answers another method on a known path with 405 and Allow, an unknown path with a JSON 404', async () => {
    const patch = await rest(server, '/organisations', { method: 'PATCH', body: {} });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, POST, HEAD');
    expect(patch.body.error.code).toBe('request.method_not_allowed');
    const missing = await rest(server, '/nothing/here');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'route.not_found', params: { path: `${REST_BASE}/nothing/here` } });
  });

  it('answers an unexpected failure with 500 and an error_id that is logged', async () => {
    const failing = vi.spyOn(server.platform.organisations, 'list').mockRejectedValueOnce(new Error('disk on fire'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await rest(server, '/organisations');
      expect(response.status).toBe(500);
      expect(response.body.error).toMatchObject({ code: 'internal', error_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(response.text).not.toContain('disk on fire');
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(response.body.error.error_id));
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('disk on fire'));
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
    expect((await rest(server, '/organisations')).status).toBe(200);
  });
});
