/**
 * Who sees which collection, for any grants and memberships: a user lists exactly the collections granted to
 * them, to every authenticated user, to their organisation or to a community their organisation belongs to;
 * reads only where read was granted, and any other collection answers not_found exactly like one that does
 * not exist.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.ts';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { openPlatform, type Platform } from '../../../platform.ts';
import { createTestStore, dialects, type TestStore } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';

const USERS = 4;
const COLLECTIONS = 4;
const ORGS = 2;
const COMMUNITIES = 2;
const PRINCIPALS = ['user:0', 'user:1', 'user:2', 'user:3', 'authenticated', 'org:0', 'org:1', 'community:0', 'community:1'] as const;

const grantArbitrary = fc.record({
  collection: fc.nat(COLLECTIONS - 1),
  principal: fc.constantFrom(...PRINCIPALS),
  read: fc.boolean(),
  write: fc.boolean(),
});

const scenarioArbitrary = fc.record({
  grants: fc.array(grantArbitrary, { maxLength: 12 }),
  // Each user's organisation: an index, or null for none.
  userOrgs: fc.array(fc.option(fc.nat(ORGS - 1), { nil: null }), { minLength: USERS, maxLength: USERS }),
  memberships: fc.array(fc.record({ community: fc.nat(COMMUNITIES - 1), org: fc.nat(ORGS - 1), joined: fc.boolean() }), { maxLength: 6 }),
});

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

  it('follows the grants and memberships exactly, whatever they are', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ({ grants, userOrgs, memberships }) => {
        const root = `r${++round}`;
        await platform.apiRoots.create(SYSTEM, { name: root, title: root, maxContentLength: 1024 });
        const collections = [];
        for (let i = 0; i < COLLECTIONS; i++) collections.push(await platform.collections.create(SYSTEM, { apiRoot: root, title: `c${i}` }));
        const orgs: string[] = [];
        for (let o = 0; o < ORGS; o++) orgs.push((await platform.organisations.add(SYSTEM, { name: `o${round}-${o}`, type: 'regional-international' })).id);
        const communities: string[] = [];
        for (let k = 0; k < COMMUNITIES; k++) communities.push((await platform.communityApiRoots.add(SYSTEM, { name: `k${round}-${k}` })).community.id);
        // The last join or leave of a (community, organisation) pair wins.
        const members = new Set<string>();
        for (const { community, org, joined } of memberships) {
          if (joined) await platform.communities.join(SYSTEM, communities[community]!, orgs[org]!);
          else await platform.communities.leave(SYSTEM, communities[community]!, orgs[org]!);
          if (joined) members.add(`${community}|${org}`);
          else members.delete(`${community}|${org}`);
        }
        const actors: Actor[] = [];
        for (let u = 0; u < USERS; u++) {
          const org = userOrgs[u];
          const user = await platform.users.addUser({ name: `u${round}-${u}`, password: 'password-123', organisation: org == null ? undefined : orgs[org] });
          actors.push({ kind: 'user', userId: user.id, name: user.name, roles: ['analyst'], organisationId: user.organisationId });
        }
        const ids = (kind: string) => (kind === 'user' ? actors.map((a) => (a as { userId: string }).userId) : kind === 'org' ? orgs : communities);
        // The last grant for a (collection, principal) pair wins, as in the store.
        const expected = new Map<string, { read: boolean; write: boolean }>();
        for (const grant of grants) {
          const [kind, index] = grant.principal.split(':') as [string, string | undefined];
          const principal = index === undefined ? kind : `${kind}:${ids(kind)[Number(index)]}`;
          await platform.collections.grant(SYSTEM, collections[grant.collection]!.id, principal, { read: grant.read, write: grant.write });
          expected.set(`${grant.collection}|${grant.principal}`, { read: grant.read, write: grant.write });
        }
        for (let u = 0; u < USERS; u++) {
          const actor = actors[u]!;
          const org = userOrgs[u];
          const principals = [`user:${u}`, 'authenticated'];
          if (org != null) {
            principals.push(`org:${org}`);
            for (let k = 0; k < COMMUNITIES; k++) if (members.has(`${k}|${org}`)) principals.push(`community:${k}`);
          }
          const access = (c: number) => {
            const held = principals.map((p) => expected.get(`${c}|${p}`) ?? { read: false, write: false });
            return { read: held.some((a) => a.read), write: held.some((a) => a.write) };
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
