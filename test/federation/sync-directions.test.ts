// Each direction of a link between hubs in this process over real HTTP, on both databases: push, pull and
// both; incremental runs; nothing sent back where it came from; a restart resuming from the saved cursors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { connect, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };

describe.each(dialects)('link directions on %s', (dialect) => {
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

  it('push: sends what the national hub holds, then only what is new', async () => {
    const linkId = await link(national, regional, 'push');
    const first = indicator(GREEN);
    await post(national, first);
    expect((await syncOk(national, linkId)).push?.sent).toBe(1);
    expect(await heldIds(regional)).toContain(first.id);
    expect((await syncOk(national, linkId)).push?.sent).toBe(0);
    const second = indicator(GREEN);
    await post(national, second);
    const report = await syncOk(national, linkId);
    expect(report.push).toMatchObject({ sent: 1, read: 1 });
    expect(await heldIds(regional)).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('pull: stores what the regional hub holds, with the peer’s organisation as origin and one provenance per version', async () => {
    const linkId = await link(other, regional, 'pull');
    const report = await syncOk(other, linkId);
    expect(report.pull?.stored).toBeGreaterThan(0);
    expect(await heldIds(other)).toEqual(await heldIds(regional));
    const peer = await other.platform.peers.find(SYSTEM, 'regional');
    const [some] = await heldIds(other);
    const provenance = await other.platform.sync.provenanceOf(SYSTEM, other.collectionId, some!);
    expect(provenance.map((p) => p.peerId)).toEqual([peer.id]);
    const rows = await other.platform.objects.changesSince(SYSTEM, other.apiRoot, other.collectionId, 0, 10);
    expect(rows.every((r) => r.originOrg === other.orgFor.get('regional'))).toBe(true);
    expect((await syncOk(other, linkId)).pull?.stored).toBe(0);
  });

  it('both: what arrives by the link is never sent back to the peer that delivered it', async () => {
    const linkId = await link(regional, other, 'both');
    const fromOther = indicator(GREEN);
    await post(other, fromOther);
    const report = await syncOk(regional, linkId);
    // Regional pulls other's collection: its own objects that other pulled before come back as duplicates,
    // now delivered by other too, so the push holds them; the new object from other is stored.
    expect(report.pull?.stored).toBe(1);
    expect(report.pull?.duplicates).toBeGreaterThan(0);
    expect(report.push?.held['delivered-by-peer']).toBe(report.pull!.received);
    expect(report.push?.sent).toBe(report.push!.read - report.pull!.received);
    expect(await heldIds(regional)).toContain(fromOther.id);
    expect(await heldIds(other)).toEqual(await heldIds(regional));
  });

  it('restart: a new process on the same store goes on from the saved cursors, losing and repeating nothing', async () => {
    const linkId = (await national.platform.links.list(SYSTEM)).find((l) => l.direction === 'push')!.id;
    const before = await national.platform.links.find(SYSTEM, linkId);
    await national.restart();
    const after = await national.platform.links.find(SYSTEM, linkId);
    expect(after.cursors).toEqual(before.cursors);
    expect((await syncOk(national, linkId)).push?.read).toBe(0);
    const third = indicator(GREEN);
    await post(national, third);
    expect((await syncOk(national, linkId)).push).toMatchObject({ read: 1, sent: 1 });
    expect(await heldIds(regional)).toContain(third.id);
  });
});
