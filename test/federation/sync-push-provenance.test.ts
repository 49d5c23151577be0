// Provenance of pushed objects, on both databases: what a peer hub pushes into a collection here (over TAXII,
// as its user) is recorded as delivered by that peer, by both peers when both push it, never for a local
// analyst's post; and it is therefore never pushed back to the hub it came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { connect, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };

describe.each(dialects)('provenance of pushed objects on %s', (dialect) => {
  let national: Hub;
  let other: Hub;
  let regional: Hub;
  const links: Record<string, string> = {};

  beforeAll(async () => {
    [national, other, regional] = await Promise.all([startHub('national', dialect), startHub('other', dialect), startHub('regional', dialect)]);
    await connect(national, regional);
    await connect(other, regional);
    links.nationalPush = await link(national, regional, 'push');
    links.otherPush = await link(other, regional, 'push');
    // The regional hub knows both national hubs as peers, and pushes back to the first.
    links.regionalToNational = await link(regional, national, 'push');
    links.regionalToOther = await link(regional, other, 'pull');
  }, 60_000);

  afterAll(async () => {
    await Promise.all([national, other, regional].map((h) => h?.close()));
  });

  const peerId = async (name: string) => (await regional.platform.peers.find(SYSTEM, name)).id;

  it('a pushed version is recorded as delivered by the pushing peer, by no link of this hub', async () => {
    const object = indicator(GREEN);
    await post(national, object);
    expect((await syncOk(national, links.nationalPush!)).push?.sent).toBe(1);
    const provenance = await regional.platform.sync.provenanceOf(SYSTEM, regional.collectionId, String(object.id));
    expect(provenance).toEqual([expect.objectContaining({ peerId: await peerId('national'), linkId: null, arrivals: 1 })]);
  });

  it('the same object pushed by two hubs keeps a delivery for each, and is stored once', async () => {
    const object = indicator(GREEN);
    await post(national, object);
    await post(other, object);
    await syncOk(national, links.nationalPush!);
    await syncOk(other, links.otherPush!);
    const provenance = await regional.platform.sync.provenanceOf(SYSTEM, regional.collectionId, String(object.id));
    expect(provenance.map((p) => p.peerId).sort()).toEqual([await peerId('national'), await peerId('other')].sort());
    expect((await heldIds(regional)).filter((id) => id === object.id)).toHaveLength(1);
  });

  it('what a hub pushed is never pushed back to it; what a local analyst posted has no provenance and goes', async () => {
    const pushed = indicator(GREEN);
    await post(national, pushed);
    await syncOk(national, links.nationalPush!);
    const local = indicator(GREEN);
    await post(regional, local);
    expect(await regional.platform.sync.provenanceOf(SYSTEM, regional.collectionId, String(local.id))).toEqual([]);
    const report = await syncOk(regional, links.regionalToNational!);
    expect(report.push?.held['delivered-by-peer']).toBeGreaterThanOrEqual(1);
    const atNational = await national.platform.objects.changesSince(SYSTEM, national.apiRoot, national.collectionId, 0, 100_000);
    // Only the local post arrived from the regional hub; the national hub's own objects never came back.
    expect(atNational.filter((row) => row.originOrg === national.orgFor.get('regional')).map((row) => row.id)).toEqual([local.id]);
  });
});
