// Roles over TAXII: a viewer granted read and write on a collection reads it but is refused every write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { envelope, indicator } from '../support/stix-factory.ts';
import { objectsPath, startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe.each(dialects)('TAXII and roles on %s', (dialect) => {
  let server: TestServer;
  let viewer: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const vera = await server.platform.users.addUser({ name: 'vera', password: 'vera-password', roles: ['viewer'] });
    await server.platform.collections.grant(SYSTEM, server.collectionId, `user:${vera.id}`, { read: true, write: true });
    viewer = basic('vera', 'vera-password');
  });
  afterAll(() => server.close());

  it('shows a viewer the collection as readable, not writable', async () => {
    const response = await taxii(server, `/thiqa/collections/${server.collectionId}/`, { auth: viewer });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: server.collectionId, can_read: true, can_write: false });
  });

  it('refuses a viewer adding or deleting objects (403), storing nothing', async () => {
    const object = indicator();
    const added = await taxii(server, objectsPath(server), { method: 'POST', body: envelope(object), auth: viewer });
    expect(added.status).toBe(403);
    expect(added.body.error_code).toBe('collection.write_forbidden');
    expect((await taxii(server, objectsPath(server, `${object.id}/`))).status).toBe(404);
    const written = indicator();
    expect((await taxii(server, objectsPath(server), { method: 'POST', body: envelope(written), auth: server.auth.alice })).status).toBe(202);
    const deleted = await taxii(server, objectsPath(server, `${written.id}/`), { method: 'DELETE', auth: viewer });
    expect(deleted.status).toBe(403);
    const read = await taxii(server, objectsPath(server, `${written.id}/`), { auth: viewer });
    expect(read.status).toBe(200);
    expect(read.body.objects).toEqual([written]);
  });

  it('lets the viewer write once given analyst, from the next request', async () => {
    await server.platform.users.addRole('vera', 'analyst');
    const response = await taxii(server, objectsPath(server), { method: 'POST', body: envelope(indicator()), auth: viewer });
    expect(response.status).toBe(202);
    expect(response.body.success_count).toBe(1);
  });
});
