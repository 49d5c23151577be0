// What the TAXII API records in the audit log: one entry per add request, deletions, sign-ins and failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { AuditEntry } from '../../server/core/audit/audit-chain.ts';
import { dialects } from '../support/databases.ts';
import { envelope, indicator } from '../support/stix-factory.ts';
import { objectsPath, startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe.each(dialects)('audit entries from TAXII on %s', (dialect) => {
  let server: TestServer;
  let aliceId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    aliceId = (await server.platform.users.findUser('alice'))!.id;
  });
  afterAll(() => server.close());

  const headSeq = async () => (await server.platform.audit.verify(SYSTEM)).head.seq;
  const since = (seq: number): Promise<AuditEntry[]> => server.platform.audit.list(SYSTEM, { after: seq, limit: 100 });

  it('records the set-up itself: API root, collection, users, grant, token', async () => {
    const actions = (await since(0)).map((entry) => entry.action);
    expect(actions).toEqual(['api_root.create', 'collection.create', 'user.add', 'user.add', 'user.add', 'collection.grant', 'token.create']);
  });

  it('records one entry per POST with its counts and status, and a password sign-in once while cached', async () => {
    const start = await headSeq();
    const good = indicator();
    const broken = indicator({ pattern_type: undefined });
    const posted = await taxii(server, objectsPath(server), { method: 'POST', body: envelope(good, broken), auth: server.auth.alice });
    expect(posted.status).toBe(202);
    await taxii(server, objectsPath(server), { method: 'POST', body: envelope(good), auth: server.auth.alice });
    const entries = await since(start);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['auth.sign_in', `user:${aliceId}`],
      ['objects.add', `user:${aliceId}`],
      ['objects.add', `user:${aliceId}`],
    ]);
    expect(entries[1]!.target).toBe(server.collectionId);
    expect(JSON.parse(entries[1]!.details)).toEqual({ stored: 1, duplicates: 0, rejected: 1, status: posted.body.id });
    expect(JSON.parse(entries[2]!.details)).toMatchObject({ stored: 0, duplicates: 1, rejected: 0 });
    expect((await server.platform.audit.verify(SYSTEM)).ok).toBe(true);
  });

  it('records a deletion with the number of versions deleted', async () => {
    const object = indicator();
    await taxii(server, objectsPath(server), { method: 'POST', body: envelope(object) });
    const start = await headSeq();
    expect((await taxii(server, objectsPath(server, `${object.id}/`), { method: 'DELETE' })).status).toBe(200);
    const [entry] = await since(start);
    expect(entry).toMatchObject({ action: 'objects.delete', target: object.id });
    expect(JSON.parse(entry!.details)).toEqual({ collection: server.collectionId, versions: 1 });
  });

  it('records every failed sign-in under the attempted name, never the password', async () => {
    const start = await headSeq();
    expect((await taxii(server, '/taxii2/', { auth: basic('alice', 'not-her-password') })).status).toBe(401);
    expect((await taxii(server, '/taxii2/', { auth: basic('alice', 'not-her-password') })).status).toBe(401);
    expect((await taxii(server, '/taxii2/', { auth: 'Bearer not-a-real-token' })).status).toBe(401);
    const entries = await since(start);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['auth.sign_in_failed', 'alice'],
      ['auth.sign_in_failed', 'alice'],
      ['auth.sign_in_failed', 'anonymous'],
    ]);
    expect(JSON.parse(entries[0]!.details)).toEqual({ scheme: 'basic', reason: 'auth.bad_credentials' });
    expect(JSON.stringify(entries)).not.toMatch(/not-her-password|not-a-real-token/);
  });
});
