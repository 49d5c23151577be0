// `ObjectService.readVersions` on both databases: exact (collection, id, version) triples read as the reader
// may see them, across collections, with what a granular marking withholds; and the sightings of many
// indicators at once (`ObjectBrowseService.sightingsOfMany`), newest first and at most so many each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { timestampKey } from '../../../../shared/stix/timestamp.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';
import { indicator, nextVersion } from '../../../../test/support/stix-factory.ts';

const key = (modified: string) => timestampKey(modified)!;
const FIRST = '2026-01-01T00:00:00.000Z';
const SECOND = '2026-02-01T00:00:00.000Z';

describe.each(dialects)('exact versions read as the reader may see them on %s', (dialect) => {
  let test: TestPlatform;
  let shared: string;
  let closed: string;
  const actors: Record<'alice' | 'bob', Extract<Actor, { kind: 'user' }>> = {} as never;
  const plain = indicator();
  const marked = indicator({ description: 'internal notes', granular_markings: [{ marking_ref: TLP2_MARKINGS['amber+strict'], selectors: ['description'] }] });
  const red = indicator({ object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['alice'] });
  const hidden = indicator();

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    const { platform } = test;
    await platform.apiRoots.create(SYSTEM, { name: 'exact', title: 'Exact', maxContentLength: 10_000_000 });
    shared = (await platform.collections.create(SYSTEM, { apiRoot: 'exact', title: 'Shared' })).id;
    closed = (await platform.collections.create(SYSTEM, { apiRoot: 'exact', title: 'Closed' })).id;
    for (const [n, name] of (['alice', 'bob'] as const).entries()) {
      const org = await platform.organisations.add(SYSTEM, { name: `Organisation ${n}`, type: 'regional-international' });
      const user = await platform.users.addUser({ name, password: `${name}-password`, organisation: org.id });
      actors[name] = { kind: 'user', userId: user.id, name, roles: user.roles, organisationId: user.organisationId };
      await platform.collections.grant(SYSTEM, shared, `user:${user.id}`, { read: true, write: true });
    }
    await platform.collections.grant(SYSTEM, closed, `user:${actors.alice.userId}`, { read: true, write: true });
    const stored = await platform.objects.ingest(actors.alice, 'exact', shared, [plain, nextVersion(plain, SECOND), marked, red]);
    const elsewhere = await platform.objects.ingest(actors.alice, 'exact', closed, [hidden]);
    expect([...stored.rejected, ...elsewhere.rejected]).toEqual([]);
  });
  afterAll(() => test.close());

  const read = (actor: Actor, refs: [string, Record<string, unknown>, string][]) =>
    test.platform.objects.readVersions(actor, refs.map(([collectionId, object, modified]) => ({ collectionId, id: object.id as string, version: key(modified) })));

  it('answers exactly the versions asked for, with their collection, API root and origin', async () => {
    const found = await read(actors.bob, [[shared, plain, FIRST]]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ collectionId: shared, apiRoot: 'exact', id: plain.id, version: key(FIRST), type: 'indicator', withheld: false, originOrg: actors.alice.organisationId });
    expect(JSON.parse(new TextDecoder().decode(found[0]!.body))).toMatchObject({ id: plain.id, modified: FIRST });
    const both = await read(actors.bob, [[shared, plain, FIRST], [shared, plain, SECOND], [shared, plain, '2026-03-01T00:00:00.000Z']]);
    expect(both.map((v) => v.version).sort()).toEqual([key(FIRST), key(SECOND)]);
  });

  it('leaves out what the reader may not see: RED not addressed to it, a collection it may not read', async () => {
    const refs: [string, Record<string, unknown>, string][] = [[shared, red, FIRST], [closed, hidden, FIRST], [shared, plain, FIRST]];
    expect((await read(actors.bob, refs)).map((v) => v.id)).toEqual([plain.id]);
    expect((await read(actors.alice, refs)).map((v) => v.id).sort()).toEqual([red.id, hidden.id, plain.id].sort());
  });

  it('says when properties were withheld, and gives the body without them', async () => {
    const [forBob] = await read(actors.bob, [[shared, marked, FIRST]]);
    expect(forBob!.withheld).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(forBob!.body))).not.toHaveProperty('description');
    const [forAlice] = await read(actors.alice, [[shared, marked, FIRST]]);
    expect(forAlice!.withheld).toBe(false);
    expect(JSON.parse(new TextDecoder().decode(forAlice!.body))).toHaveProperty('description', 'internal notes');
    // Asked for the withheld bodies only, as the lookup asks.
    const refs = [marked, plain].map((object) => ({ collectionId: shared, id: object.id as string, version: key(FIRST) }));
    const bodies = Object.fromEntries((await test.platform.objects.readVersions(actors.bob, refs, true)).map((v) => [v.id, v.body && JSON.parse(new TextDecoder().decode(v.body))]));
    expect(bodies[plain.id as string]).toBeUndefined();
    expect(bodies[marked.id as string]).toMatchObject({ id: marked.id });
    expect(bodies[marked.id as string]).not.toHaveProperty('description');
  });

  it('reads the sightings of many indicators at once, newest first and at most so many of each', async () => {
    const { platform } = test;
    await platform.sightings.post(actors.alice, shared, plain.id as string, { count: 1, tlp: 'green' });
    await platform.sightings.post(actors.bob, shared, plain.id as string, { count: 2, tlp: 'green' });
    await platform.sightings.post(actors.alice, shared, marked.id as string, { count: 4, tlp: 'amber+strict' });
    const counts = async (actor: Actor, limit: number) => {
      const found = await platform.browse.sightingsOfMany(actor, shared, [plain.id as string, marked.id as string, red.id as string], limit);
      return Object.fromEntries([...found].map(([id, list]) => [id, list.map((s) => s.object.count)]));
    };
    expect(await counts(actors.alice, 10)).toEqual({ [plain.id as string]: [2, 1], [marked.id as string]: [4] });
    // alice's AMBER+STRICT sighting is her organisation's alone.
    expect(await counts(actors.bob, 10)).toEqual({ [plain.id as string]: [2, 1] });
    expect(await counts(actors.alice, 1)).toEqual({ [plain.id as string]: [2], [marked.id as string]: [4] });
  });
});
