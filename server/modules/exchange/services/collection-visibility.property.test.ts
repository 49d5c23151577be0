/**
 * Who sees which collection, for any grants: a user lists exactly the collections granted to them (or to
 * every authenticated user), reads only where read was granted, and any other collection answers not_found
 * exactly like one that does not exist.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.ts';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { isDomainError } from '../../../core/errors.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';

const USERS = 3;
const COLLECTIONS = 4;
const PRINCIPALS = ['user:0', 'user:1', 'user:2', 'authenticated'] as const;

const grantArbitrary = fc.record({
  collection: fc.nat(COLLECTIONS - 1),
  principal: fc.constantFrom(...PRINCIPALS),
  read: fc.boolean(),
  write: fc.boolean(),
});

async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

describe.each(dialects)('collection visibility on %s', (dialect) => {
  let store: TestStore;
  let platform: Platform;
  let round = 0;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    platform = await openPlatform(loadConfig({ databaseUrl: store.url, dataDir: '.tmp' }, {}));
  });
  afterAll(async () => {
    await platform.close();
    await store.drop();
  });

  it('follows the grants exactly, whatever they are', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(grantArbitrary, { maxLength: 10 }), async (grants) => {
        const root = `r${++round}`;
        await platform.apiRoots.create(SYSTEM, { name: root, title: root, maxContentLength: 1024 });
        const collections = [];
        for (let i = 0; i < COLLECTIONS; i++) collections.push(await platform.collections.create(SYSTEM, { apiRoot: root, title: `c${i}` }));
        const actors: Actor[] = [];
        for (let u = 0; u < USERS; u++) {
          const user = await platform.users.addUser({ name: `u${round}-${u}`, password: 'password-123' });
          actors.push({ kind: 'user', userId: user.id, name: user.name, isAdmin: false });
        }
        // The last grant for a (collection, principal) pair wins, as in the store.
        const expected = new Map<string, { read: boolean; write: boolean }>();
        for (const grant of grants) {
          const principal = grant.principal === 'authenticated' ? 'authenticated' : `user:${(actors[Number(grant.principal.slice(5))] as { userId: string }).userId}`;
          await platform.collections.grant(SYSTEM, collections[grant.collection]!.id, principal, { read: grant.read, write: grant.write });
          expected.set(`${grant.collection}|${grant.principal}`, { read: grant.read, write: grant.write });
        }
        for (let u = 0; u < USERS; u++) {
          const actor = actors[u]!;
          const access = (c: number) => {
            const own = expected.get(`${c}|user:${u}`) ?? { read: false, write: false };
            const all = expected.get(`${c}|authenticated`) ?? { read: false, write: false };
            return { read: own.read || all.read, write: own.write || all.write };
          };
          const listed = (await platform.collections.list(actor, root)).map((c) => c.title).sort();
          const visible = collections.map((_, c) => c).filter((c) => access(c).read || access(c).write).map((c) => `c${c}`);
          expect(listed).toEqual(visible);
          for (let c = 0; c < COLLECTIONS; c++) {
            const { read, write } = access(c);
            const code = await errorCode(platform.objects.list(actor, root, collections[c]!.id, {}));
            expect(code).toBe(read ? undefined : write ? 'collection.read_forbidden' : 'collection.not_found');
          }
          expect(await errorCode(platform.collections.get(actor, root, '00000000-0000-4000-8000-000000000000'))).toBe('collection.not_found');
        }
      }),
      { numRuns: 15 },
    );
  });
});
