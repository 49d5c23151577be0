// Communities with their API roots, members, who may change them, and what the audit log records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { ANONYMOUS, SYSTEM, type Actor } from '../auth/actor.ts';

describe.each(dialects)('communities on %s', (dialect) => {
  let test: TestPlatform;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    orgA = (await test.platform.organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', country: 'MU' })).id;
    orgB = (await test.platform.organisations.add(SYSTEM, { name: 'Q-CERT', type: 'member-state', country: 'QA' })).id;
  });
  afterAll(() => test.close());

  const admin: Actor = { kind: 'user', userId: 'z9', name: 'root', roles: ['platform-admin'], organisationId: null };
  const alice: Actor = { kind: 'user', userId: 'a1', name: 'alice', roles: ['analyst'], organisationId: null };
  const head = async () => (await test.platform.audit.verify(SYSTEM)).head.seq;
  const since = async (start: number) => (await test.platform.audit.list(SYSTEM, { after: start, limit: 20 })).map((e) => [e.action, e.actor, e.target]);

  it('adds a community with its API root, both recorded in one go', async () => {
    const start = await head();
    const { community, apiRoot } = await test.platform.communityApiRoots.add(admin, { name: ' Arab regional CIRTs ', description: 'Regional sharing' });
    expect(community).toMatchObject({ name: 'Arab regional CIRTs', slug: 'arab-regional-cirts', description: 'Regional sharing' });
    expect(apiRoot).toMatchObject({ name: 'arab-regional-cirts', title: 'Arab regional CIRTs', description: 'Regional sharing', isDefault: false });
    expect(await test.platform.communities.find(alice, 'ARAB REGIONAL cirts')).toEqual(community);
    expect(await since(start)).toEqual([
      ['community.add', 'user:z9', community.id],
      ['api_root.create', 'user:z9', 'arab-regional-cirts'],
    ]);
    expect((await test.platform.audit.verify(SYSTEM)).ok).toBe(true);
  });

  it('derives slugs for non-ASCII and reserved names', async () => {
    const arabic = await test.platform.communityApiRoots.add(SYSTEM, { name: 'الفرق الوطنية' });
    expect(arabic.community.slug).toMatch(/^community-[0-9a-f]{8}$/);
    expect((await test.platform.apiRoots.get(SYSTEM, arabic.community.slug)).title).toBe('الفرق الوطنية');
    expect((await test.platform.communityApiRoots.add(SYSTEM, { name: 'Health' })).apiRoot.name).toBe('health-community');
  });

  it('refuses bad input, taken names and taken API roots, storing nothing', async () => {
    const roots = async () => (await test.platform.apiRoots.list(SYSTEM)).length;
    const communities = async () => (await test.platform.communities.list(SYSTEM)).length;
    const [rootsBefore, communitiesBefore, start] = [await roots(), await communities(), await head()];
    const add = (name: string, actor: Actor = SYSTEM) => test.platform.communityApiRoots.add(actor, { name });
    await expect(add('')).rejects.toMatchObject({ kind: 'invalid', code: 'community.invalid_name' });
    await expect(add('bad\u0007name')).rejects.toMatchObject({ kind: 'invalid', code: 'community.invalid_name' });
    await expect(add('arab REGIONAL cirts')).rejects.toMatchObject({ kind: 'conflict', code: 'community.exists' });
    await expect(add('Global', alice)).rejects.toMatchObject({ kind: 'forbidden', code: 'community.forbidden' });
    await test.platform.apiRoots.create(SYSTEM, { name: 'taken', title: 'Taken', maxContentLength: 1024 });
    await expect(add('Taken')).rejects.toMatchObject({ kind: 'conflict', code: 'community.api_root_exists', params: { apiRoot: 'taken' } });
    // A different name with the same slug meets the community's own API root.
    await expect(add('Arab-Regional CIRTs!')).rejects.toMatchObject({ code: 'community.api_root_exists' });
    expect([await roots(), await communities()]).toEqual([rootsBefore + 1, communitiesBefore]);
    expect(await since(start)).toEqual([['api_root.create', 'system', 'taken']]);
  });

  it('joins and leaves idempotently, by id or name, recording only changes', async () => {
    const communities = test.platform.communities;
    const start = await head();
    const joined = await communities.join(admin, 'Arab regional CIRTs', 'cert-mu');
    expect(joined).toMatchObject({ organisationId: orgA, changed: true });
    expect((await communities.join(admin, joined.community.id, orgA)).changed).toBe(false);
    expect((await communities.join(SYSTEM, 'arab regional cirts', 'Q-CERT')).changed).toBe(true);
    // Both joins may fall in the same millisecond, where the order is by organisation id.
    expect((await communities.membersOf(alice, joined.community.id)).map((m) => m.organisationId).sort()).toEqual([orgA, orgB].sort());
    expect(await communities.communityIdsOfOrganisation(orgA)).toEqual([joined.community.id]);
    expect((await communities.leave(SYSTEM, joined.community.id, orgB)).changed).toBe(true);
    expect((await communities.leave(SYSTEM, joined.community.id, orgB)).changed).toBe(false);
    expect(await communities.communityIdsOfOrganisation(orgB)).toEqual([]);
    expect(await since(start)).toEqual([
      ['community.join', 'user:z9', joined.community.id],
      ['community.join', 'system', joined.community.id],
      ['community.leave', 'system', joined.community.id],
    ]);
    const entries = await test.platform.audit.list(SYSTEM, { after: start, limit: 1 });
    expect(JSON.parse(entries[0]!.details)).toEqual({ organisation: orgA });
  });

  it('refuses unknown communities and organisations, and non-administrators, changing nothing', async () => {
    const communities = test.platform.communities;
    const start = await head();
    await expect(communities.join(SYSTEM, 'Nowhere', orgA)).rejects.toMatchObject({ kind: 'not_found', code: 'community.not_found', params: { community: 'Nowhere' } });
    await expect(communities.join(SYSTEM, 'Arab regional CIRTs', 'Nobody')).rejects.toMatchObject({ kind: 'not_found', code: 'organisation.not_found' });
    await expect(communities.leave(SYSTEM, '00000000-0000-4000-8000-000000000000', orgA)).rejects.toMatchObject({ code: 'community.not_found' });
    await expect(communities.join(alice, 'Arab regional CIRTs', orgB)).rejects.toMatchObject({ kind: 'forbidden', code: 'community.forbidden' });
    await expect(communities.list(ANONYMOUS)).rejects.toMatchObject({ code: 'community.forbidden' });
    expect(await communities.communityIdsOfOrganisation(orgB)).toEqual([]);
    expect(await since(start)).toEqual([]);
  });

  it('lists communities by name with their member counts', async () => {
    const listed = await test.platform.communities.list(alice);
    expect(listed.map((c) => [c.name, c.members])).toEqual([
      ['Arab regional CIRTs', 1],
      ['Health', 0],
      ['الفرق الوطنية', 0],
    ]);
  });

  it('creates a community collection in its API root, shared with its members, in one transaction', async () => {
    const start = await head();
    const { community, collection } = await test.platform.communityApiRoots.createCollection(SYSTEM, 'arab regional cirts', { title: 'Indicators', alias: 'ioc' });
    expect(collection).toMatchObject({ apiRoot: 'arab-regional-cirts', title: 'Indicators', alias: 'ioc' });
    expect(await test.platform.collections.grantsOn(collection.id)).toEqual([
      { collection_id: collection.id, principal: `community:${community.id}`, can_read: 1, can_write: 1 },
    ]);
    expect(await since(start)).toEqual([
      ['collection.create', 'system', collection.id],
      ['collection.grant', 'system', collection.id],
    ]);
    const before = (await test.platform.collections.listAll(SYSTEM)).length;
    await expect(test.platform.communityApiRoots.createCollection(SYSTEM, 'Nowhere', { title: 'X' })).rejects.toMatchObject({ code: 'community.not_found' });
    await expect(test.platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: 'Again', alias: 'ioc' })).rejects.toMatchObject({ code: 'collection.alias_taken' });
    expect((await test.platform.collections.listAll(SYSTEM)).length).toBe(before);
  });
});
