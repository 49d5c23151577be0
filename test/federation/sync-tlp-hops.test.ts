// Every TLP level at every hop of one chain, as readable examples (the property test draws random
// topologies): national pushes to regional, other pulls from regional, on both databases. Then the
// exceptions an operator relies on: a link outside the peer's community holds GREEN and AMBER, a peer
// outside the community is sent nothing, and AMBER+STRICT naming the peer hub is sent to it alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { LinkReport } from '../../server/modules/federation/services/sync.service.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { connect, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

type Level = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

/** An object of `level` posted on `hub`, with the recipients that level needs there. */
function marked(hub: Hub, level: Level): Record<string, unknown> {
  const extra: Record<string, unknown> = { object_marking_refs: [TLP2_MARKINGS[level]] };
  if (level === 'amber+strict') extra.x_thiqa_recipient_refs = [hub.own.identityId];
  if (level === 'red') extra.x_thiqa_recipient_users = [`analyst-${hub.name}`];
  return indicator(extra);
}

describe.each(dialects)('TLP at each hop of national → regional → other on %s', (dialect) => {
  let national: Hub;
  let regional: Hub;
  let other: Hub;
  let push: LinkReport;
  const posted = new Map<Level, string>();

  beforeAll(async () => {
    [national, regional, other] = await Promise.all([startHub('national', dialect), startHub('regional', dialect), startHub('other', dialect)]);
    await connect(national, regional);
    await connect(other, regional);
    for (const level of ['clear', 'green', 'amber', 'amber+strict', 'red'] as const) {
      const object = marked(national, level);
      expect((await post(national, object)).rejected).toEqual([]);
      posted.set(level, String(object.id));
    }
    push = await syncOk(national, await link(national, regional, 'push'));
    await syncOk(other, await link(other, regional, 'pull'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([national, regional, other].map((h) => h?.close()));
  });

  it.each([
    { level: 'clear', regional: true, other: true },
    { level: 'green', regional: true, other: true },
    { level: 'amber', regional: true, other: true },
    { level: 'amber+strict', regional: false, other: false },
    { level: 'red', regional: false, other: false },
  ] as const)('$level: on the regional hub $regional, on the other national hub $other', async (expected) => {
    const id = posted.get(expected.level)!;
    expect(await heldIds(national)).toContain(id);
    expect((await heldIds(regional)).includes(id)).toBe(expected.regional);
    expect((await heldIds(other)).includes(id)).toBe(expected.other);
  });

  it('the push reads only what the peer’s organisation may see: AMBER+STRICT and RED are not even read', () => {
    expect(push.push).toMatchObject({ read: 3, sent: 3, refused: 0, held: {} });
  });

  it('a link of a community the peer’s organisation is not a member of carries CLEAR only, and says why it held the rest', async () => {
    const { community } = await national.platform.communityApiRoots.add(SYSTEM, { name: 'Elsewhere' });
    const peer = await national.platform.peers.find(SYSTEM, 'regional');
    const { collection } = await regional.platform.communityApiRoots.createCollection(SYSTEM, regional.communityId, { title: 'Elsewhere inbox' });
    const outside = await national.platform.links.add(SYSTEM, { peer: peer.name, remoteCollection: collection.id, localCollection: national.collectionId, direction: 'push', community: community.id });
    const report = await syncOk(national, outside.id);
    expect(report.push).toMatchObject({ read: 3, sent: 1, held: { 'green-outside-community': 1, 'amber-outside-community': 1 } });
    expect(await heldIds(regional, collection.id)).toEqual([posted.get('clear')]);
  });

  it('GREEN (or anything) to a peer whose organisation is not a member of the community: the link fails, nothing is sent', async () => {
    const outsider = await startHub('outsider', dialect);
    try {
      await connect(national, outsider, { member: false });
      const report = await national.platform.sync.syncLink(SYSTEM, await link(national, outsider, 'push'));
      // Not readable as that peer: the link fails on this side, naming the local collection, and sends nothing.
      expect(report).toMatchObject({ ok: false, error: { code: 'collection.not_found', params: { collection: national.collectionId } } });
      expect(await heldIds(outsider)).toEqual([]);
    } finally {
      await outsider.close();
    }
  });
});

describe.each(dialects)('AMBER+STRICT naming the peer hub on %s', (dialect) => {
  let national: Hub;
  let regional: Hub;
  let other: Hub;

  beforeAll(async () => {
    [national, regional, other] = await Promise.all([startHub('national', dialect), startHub('regional', dialect), startHub('other', dialect)]);
    await connect(national, regional);
    await connect(other, regional);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([national, regional, other].map((h) => h?.close()));
  });

  // Recipients are identity ids of this hub's organisations, and identities differ between hubs
  // (ARCHITECTURE.md, the forwarding rule): the named peer refuses what it cannot resolve.
  it('the forwarding rule lets it go to the named hub, which refuses the recipient it does not know; it goes no further', async () => {
    const regionalOrg = await national.platform.organisations.find(SYSTEM, national.orgFor.get('regional')!);
    const object = indicator({ object_marking_refs: [TLP2_MARKINGS['amber+strict']], x_thiqa_recipient_refs: [national.own.identityId, regionalOrg.identityId] });
    const bystander = marked(national, 'amber+strict');
    expect((await post(national, object, bystander)).rejected).toEqual([]);
    const first = await syncOk(national, await link(national, regional, 'push'));
    expect(first.push).toMatchObject({ read: 1, sent: 1, refused: 1, held: {} });
    expect(await heldIds(regional)).toEqual([]);
    await syncOk(other, await link(other, regional, 'pull'));
    expect(await heldIds(other)).toEqual([]);
  });
});

describe.each(dialects)('AMBER+STRICT between hubs that give an organisation the same identity on %s', (dialect) => {
  let national: Hub;
  let regional: Hub;
  let other: Hub;

  beforeAll(async () => {
    [national, regional, other] = await Promise.all([startHub('national', dialect), startHub('regional', dialect), startHub('other', dialect)]);
    await connect(national, regional, { sameIdentity: true });
    await connect(other, regional, { sameIdentity: true });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([national, regional, other].map((h) => h?.close()));
  });

  it('reaches the named hub, where only its own organisation (and the origin) may read it, and goes no further', async () => {
    const object = indicator({ object_marking_refs: [TLP2_MARKINGS['amber+strict']], x_thiqa_recipient_refs: [national.own.identityId, regional.own.identityId] });
    const bystander = marked(national, 'amber+strict');
    expect((await post(national, object, bystander)).rejected).toEqual([]);
    const first = await syncOk(national, await link(national, regional, 'push'));
    expect(first.push).toMatchObject({ read: 1, sent: 1, refused: 0, held: {} });
    expect(await heldIds(regional)).toEqual([object.id]);
    const read = async (actor: Actor) => (await regional.platform.objects.changesSince(actor, regional.apiRoot, regional.collectionId, 0, 100)).map((row) => row.id);
    expect(await read(regional.own.actor)).toEqual([object.id]);
    const otherUser = await regional.platform.users.findUser("hub-other");
    expect(await read({ kind: 'user', userId: otherUser!.id, name: otherUser!.name, roles: otherUser!.roles, organisationId: regional.orgFor.get('other')! })).toEqual([]);
    // Neither a pull by the other national hub nor a push to it takes it further.
    await syncOk(other, await link(other, regional, 'pull'));
    expect(await heldIds(other)).toEqual([]);
    const onward = await syncOk(regional, await link(regional, other, 'push'));
    expect(onward.push?.sent).toBe(0);
    expect(await heldIds(other)).toEqual([]);
  });
});
