import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.ts';
import { startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

describe.each(dialects)('TAXII discovery, API roots and collections on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('asks for credentials with 401 and a WWW-Authenticate challenge', async () => {
    const response = await taxii(server, '/taxii2/', { auth: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/Basic/);
    expect(response.body).toMatchObject({ error_code: 'auth.required', http_status: '401' });
  });

  it('refuses wrong credentials without saying which part was wrong', async () => {
    const wrong = `Basic ${Buffer.from('alice:nope-nope-nope').toString('base64')}`;
    const response = await taxii(server, '/taxii2/', { auth: wrong });
    expect(response.status).toBe(401);
    expect(response.body.error_code).toBe('auth.bad_credentials');
  });

  it('lists API roots with the default one', async () => {
    const response = await taxii(server, '/taxii2/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/taxii+json;version=2.1');
    expect(response.body.api_roots).toEqual([`${server.url}/thiqa/`]);
    expect(response.body.default).toBe(`${server.url}/thiqa/`);
  });

  it('describes an API root with its versions and max_content_length', async () => {
    const response = await taxii(server, '/thiqa/');
    expect(response.body).toMatchObject({ versions: ['application/taxii+json;version=2.1'], max_content_length: expect.any(Number) });
    expect((await taxii(server, '/nowhere/')).status).toBe(404);
  });

  it('answers 406 when the Accept header lacks the TAXII 2.1 media type', async () => {
    for (const accept of ['application/json', 'application/taxii+json;version=2.0', '']) {
      const response = await taxii(server, '/taxii2/', { headers: { accept } });
      expect(response.status, accept).toBe(406);
      expect(response.body.error_code).toBe('media.not_acceptable');
    }
    const bare = await taxii(server, '/taxii2/', { headers: { accept: 'application/taxii+json' } });
    expect(bare.status).toBe(200);
  });

  it('shows each user only the collections granted to them, with can_read/can_write', async () => {
    const alice = await taxii(server, '/thiqa/collections/', { auth: server.auth.alice });
    expect(alice.body.collections).toEqual([
      expect.objectContaining({ id: server.collectionId, can_read: true, can_write: true, media_types: ['application/stix+json;version=2.1'] }),
    ]);
    const bob = await taxii(server, '/thiqa/collections/', { auth: server.auth.bob });
    expect(bob.status).toBe(200);
    expect(bob.body.collections).toBeUndefined();
  });

  it('answers 404 for a collection the caller may not see, exactly as for one that does not exist', async () => {
    const hidden = await taxii(server, `/thiqa/collections/${server.collectionId}/`, { auth: server.auth.bob });
    const absent = await taxii(server, '/thiqa/collections/00000000-0000-4000-8000-000000000000/', { auth: server.auth.bob });
    expect(hidden.status).toBe(404);
    expect(absent.status).toBe(404);
    expect(hidden.body.error_code).toBe(absent.body.error_code);
    const objects = await taxii(server, `/thiqa/collections/${server.collectionId}/objects/`, { auth: server.auth.bob });
    expect(objects.status).toBe(404);
  });

  it('rejects query parameters an endpoint does not take', async () => {
    const response = await taxii(server, '/thiqa/collections/?match[type]=indicator');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error_code: 'query.unknown_parameter', details: { parameter: 'match[type]' } });
  });

  it('publishes an OpenAPI description of every TAXII endpoint, with the filters each takes', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    const doc = (await response.json()) as { paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, unknown> }>> };
    // The REST API is described in the same document, below /api/v1/.
    expect(Object.keys(doc.paths).filter((path) => !path.startsWith('/api/'))).toHaveLength(9);
    const objects = doc.paths['/{root}/collections/{collection}/objects/'];
    expect(Object.keys(objects!).sort()).toEqual(['get', 'post']);
    expect(objects!.get!.parameters.map((p) => p.name)).toContain('match[spec_version]');
    expect(objects!.post!.responses['413']).toBeDefined();
    expect(doc.paths['/{root}/collections/{collection}/objects/{object}/']!.delete).toBeDefined();
  });

  it('answers an unknown path with a TAXII 404 and a wrong method with 405 and Allow', async () => {
    const missing = await taxii(server, '/thiqa/collections/x/nothing-here/');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ http_status: '404' });
    const put = await taxii(server, `/thiqa/collections/${server.collectionId}/objects/`, { method: 'PUT', body: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, HEAD');
    expect(put.body.error_code).toBe('request.method_not_allowed');
  });
});
