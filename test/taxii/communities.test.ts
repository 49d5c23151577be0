// A community's collection over TAXII: its members' users read and write it in the community's API root,
// anyone else gets the 404 of a collection that does not exist, and membership changes hold at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { envelope, indicator } from '../support/stix-factory.ts';
import { startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

const basic = (user: string) => `Basic ${Buffer.from(`${user}:${user}-password`).toString('base64')}`;

describe.each(dialects)('TAXII community collections on %s', (dialect) => {
  let server: TestServer;
  let collectionPath: string;
  const absentPath = '/arab-cirts/collections/00000000-0000-4000-8000-000000000000/';
  const object = indicator();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { platform } = server;
    await platform.organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', country: 'MU' });
    await platform.organisations.add(SYSTEM, { name: 'Q-CERT', type: 'member-state', country: 'QA' });
    await platform.users.addUser({ name: 'carol', password: 'carol-password', organisation: 'CERT-MU' });
    await platform.users.addUser({ name: 'dave', password: 'dave-password', organisation: 'Q-CERT' });
    await platform.users.addUser({ name: 'erin', password: 'erin-password' });
    await platform.communityApiRoots.add(SYSTEM, { name: 'Arab CIRTs' });
    await platform.communities.join(SYSTEM, 'Arab CIRTs', 'CERT-MU');
    const { collection } = await platform.communityApiRoots.createCollection(SYSTEM, 'Arab CIRTs', { title: 'Shared indicators' });
    collectionPath = `/arab-cirts/collections/${collection.id}/`;
  });
  afterAll(() => server.close());

  it('lets a member organisation’s user list, write and read the collection in the community’s API root', async () => {
    const listed = await taxii(server, '/arab-cirts/collections/', { auth: basic('carol') });
    expect(listed.status).toBe(200);
    expect(listed.body.collections).toMatchObject([{ title: 'Shared indicators', can_read: true, can_write: true }]);
    const added = await taxii(server, `${collectionPath}objects/`, { method: 'POST', auth: basic('carol'), body: envelope(object) });
    expect(added.status).toBe(202);
    const read = await taxii(server, `${collectionPath}objects/`, { auth: basic('carol') });
    expect(read.status).toBe(200);
    expect(read.body.objects.map((o: { id: string }) => o.id)).toEqual([object.id]);
  });

  it('answers a non-member’s user and a user without organisation as if the collection did not exist', async () => {
    const absent = await taxii(server, absentPath, { auth: basic('dave') });
    expect(absent.status).toBe(404);
    for (const user of ['dave', 'erin']) {
      const listed = await taxii(server, '/arab-cirts/collections/', { auth: basic(user) });
      expect(listed.status).toBe(200);
      expect(listed.body.collections).toBeUndefined();
      for (const path of [collectionPath, `${collectionPath}objects/`]) {
        const hidden = await taxii(server, path, { auth: basic(user) });
        expect(hidden.status).toBe(404);
        expect(hidden.body.error_code).toBe(absent.body.error_code);
      }
      const post = await taxii(server, `${collectionPath}objects/`, { method: 'POST', auth: basic(user), body: envelope(indicator()) });
      expect(post.status).toBe(404);
    }
  });

  it('applies joining and leaving from the next request', async () => {
    // A first request puts dave's credentials in the cache: membership must not be cached with them.
    expect((await taxii(server, collectionPath, { auth: basic('dave') })).status).toBe(404);
    await server.platform.communities.join(SYSTEM, 'arab cirts', 'q-cert');
    const joined = await taxii(server, `${collectionPath}objects/`, { auth: basic('dave') });
    expect(joined.status).toBe(200);
    expect(joined.body.objects).toHaveLength(1);
    await server.platform.communities.leave(SYSTEM, 'Arab CIRTs', 'Q-CERT');
    expect((await taxii(server, `${collectionPath}objects/`, { auth: basic('dave') })).status).toBe(404);
    await server.platform.communities.leave(SYSTEM, 'Arab CIRTs', 'CERT-MU');
    expect((await taxii(server, collectionPath, { auth: basic('carol') })).status).toBe(404);
  });

  it('grants to an organisation reach its users only', async () => {
    const org = await server.platform.organisations.find(SYSTEM, 'Q-CERT');
    await server.platform.collections.grant(SYSTEM, server.collectionId, `org:${org.id}`, { read: true, write: false });
    const path = `/thiqa/collections/${server.collectionId}/`;
    expect((await taxii(server, path, { auth: basic('dave') })).body).toMatchObject({ can_read: true, can_write: false });
    expect((await taxii(server, path, { auth: basic('carol') })).status).toBe(404);
    expect((await taxii(server, path, { auth: basic('erin') })).status).toBe(404);
  });
});
