// Deletions on a peer reaching this hub over pull links, on both databases (TAXII has no deletion feed: the
// peer's manifest is compared with what the peer delivered): deleted over a link that propagates deletions,
// kept over one that does not; kept when posted here first or delivered by another peer too; a deletion
// travelling national -> regional (push) -> here (pull); nothing deleted when the manifest cannot be read
// to its end; and at most one comparison per THIQA_SYNC_RECONCILE seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { startFakePeer, page, type Answer, type FakePeer } from './fake-peer.ts';
import { connect, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };
const EVERY_RUN = { THIQA_SYNC_RECONCILE: '0' };
const ADDED = '2026-05-01T00:00:00.000Z';

async function remove(hub: Hub, id: unknown): Promise<void> {
  await hub.platform.objects.delete(SYSTEM, hub.apiRoot, hub.collectionId, String(id), {});
}

async function tombstoneIds(hub: Hub): Promise<string[]> {
  return (await hub.platform.objects.deletionsSince(SYSTEM, hub.apiRoot, hub.collectionId, 0, 10_000)).map((d) => d.id);
}

describe.each(dialects)('deletions on a peer, over pull links, on %s', (dialect) => {
  let national: Hub;
  let regional: Hub;
  let here: Hub;
  let elsewhere: Hub;
  const links: Record<string, string> = {};

  beforeAll(async () => {
    [national, regional, here, elsewhere] = await Promise.all([
      startHub('national', dialect),
      startHub('regional', dialect),
      startHub('here', dialect, EVERY_RUN),
      startHub('elsewhere', dialect, EVERY_RUN),
    ]);
    await connect(national, regional);
    await connect(here, regional);
    await connect(elsewhere, regional);
    await connect(here, elsewhere);
    links.nationalToRegional = await link(national, regional, 'push', { deletions: true });
    links.hereFromRegional = await link(here, regional, 'pull', { deletions: true });
    links.hereFromElsewhere = await link(here, elsewhere, 'pull');
    links.elsewhereFromRegional = await link(elsewhere, regional, 'pull');
  }, 60_000);

  afterAll(async () => {
    await Promise.all([national, regional, here, elsewhere].map((h) => h?.close()));
  });

  it('an object deleted on the peer is deleted here over a link with deletions (a tombstone left), and kept over one without', async () => {
    const object = indicator(GREEN);
    await post(regional, object);
    await syncOk(here, links.hereFromRegional!);
    await syncOk(elsewhere, links.elsewhereFromRegional!);
    expect(await heldIds(here)).toContain(object.id);
    await remove(regional, object.id);
    expect((await syncOk(here, links.hereFromRegional!)).pull?.deleted).toBe(1);
    expect((await syncOk(elsewhere, links.elsewhereFromRegional!)).pull?.deleted).toBe(0);
    expect(await heldIds(here)).not.toContain(object.id);
    expect(await heldIds(elsewhere)).toContain(object.id);
    expect(await tombstoneIds(here)).toContain(object.id);
    // Deleted once: the next run finds nothing more to delete.
    expect((await syncOk(here, links.hereFromRegional!)).pull?.deleted).toBe(0);
  });

  it('an object posted here before the peer delivered it is kept when the peer deletes it', async () => {
    const object = indicator(GREEN);
    await post(here, object);
    await post(regional, object);
    await syncOk(here, links.hereFromRegional!);
    const regionalPeer = (await here.platform.peers.find(SYSTEM, 'regional')).id;
    expect((await here.platform.sync.provenanceOf(SYSTEM, here.collectionId, String(object.id))).map((p) => p.peerId)).toEqual([regionalPeer]);
    await remove(regional, object.id);
    expect((await syncOk(here, links.hereFromRegional!)).pull?.deleted).toBe(0);
    expect(await heldIds(here)).toContain(object.id);
  });

  it('an object another peer delivered too is kept when one of them deletes it', async () => {
    const object = indicator(GREEN);
    await post(regional, object);
    await syncOk(elsewhere, links.elsewhereFromRegional!);
    await syncOk(here, links.hereFromRegional!);
    await syncOk(here, links.hereFromElsewhere!);
    await remove(regional, object.id);
    expect((await syncOk(here, links.hereFromRegional!)).pull?.deleted).toBe(0);
    expect(await heldIds(here)).toContain(object.id);
  });

  it('a deletion travels national -> regional (push with deletions) -> here (pull with deletions)', async () => {
    const object = indicator(GREEN);
    await post(national, object);
    await syncOk(national, links.nationalToRegional!);
    await syncOk(here, links.hereFromRegional!);
    expect(await heldIds(here)).toContain(object.id);
    await remove(national, object.id);
    expect((await syncOk(national, links.nationalToRegional!)).push?.deletions).toBe(1);
    expect(await heldIds(regional)).not.toContain(object.id);
    expect((await syncOk(here, links.hereFromRegional!)).pull?.deleted).toBe(1);
    expect(await heldIds(here)).not.toContain(object.id);
  });
});

describe.each(dialects)('a peer manifest that cannot be read to its end, on %s', (dialect) => {
  let hub: Hub;
  let regional: Hub;
  let flaky: FakePeer;
  let linkId: string;
  const kept = indicator(GREEN);
  const dropped = indicator(GREEN);
  // What the peer's manifest answers: page 2 failing, only `kept` listed, or nothing listed.
  let manifest: 'page-fails' | 'kept-only' | 'empty' = 'page-fails';
  const record = (o: Record<string, unknown>) => ({ id: o.id, date_added: ADDED, version: o.modified, media_type: 'application/stix+json;version=2.1' });
  const manifestAnswer = (url: URL): Answer => {
    if (manifest === 'page-fails' && url.searchParams.get('next') === 'p2') return { status: 500, body: '{}' };
    if (manifest === 'page-fails') return { status: 200, body: JSON.stringify({ more: true, next: 'p2', objects: [record(kept)] }) };
    return { status: 200, body: JSON.stringify({ more: false, objects: manifest === 'kept-only' ? [record(kept)] : [] }) };
  };

  beforeAll(async () => {
    // Reconciled at most once an hour: a failed comparison does not count, a successful one does.
    [hub, regional] = await Promise.all([startHub('guarded', dialect, { THIQA_SYNC_RECONCILE: '3600' }), startHub('regional', dialect)]);
    await connect(hub, regional);
    flaky = await startFakePeer((_method, url) => {
      if (url.pathname.endsWith('/manifest/')) return manifestAnswer(url);
      if (!url.pathname.endsWith('/objects/')) return { status: 404, body: '{}' };
      return url.searchParams.get('added_after') === ADDED ? page([], ADDED) : page([kept, dropped], ADDED);
    });
    const peer = await hub.platform.peers.add(SYSTEM, { name: 'flaky', url: flaky.url, credentials: { kind: 'none' }, organisation: hub.orgFor.get('regional')! });
    linkId = (await hub.platform.links.add(SYSTEM, { peer: peer.name, remoteCollection: 'c1', localCollection: hub.collectionId, direction: 'pull', propagateDeletions: true })).id;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([hub?.close(), regional?.close(), flaky?.close()]);
  });

  it('deletes nothing when a manifest page fails, then deletes once it is read whole, then waits its interval', async () => {
    const failed = await hub.platform.sync.syncLink(SYSTEM, linkId);
    expect(failed.ok).toBe(false);
    expect(failed.error?.code).toBe('taxii_remote.server');
    expect(await heldIds(hub)).toEqual([kept.id, dropped.id].sort());
    manifest = 'kept-only';
    expect((await syncOk(hub, linkId)).pull?.deleted).toBe(1);
    expect(await heldIds(hub)).toEqual([kept.id]);
    // Within the hour, the peer's manifest is not read again: nothing more is deleted yet.
    manifest = 'empty';
    const seen = flaky.seen.length;
    expect((await syncOk(hub, linkId)).pull?.deleted).toBe(0);
    expect(flaky.seen.slice(seen).some((request) => request.includes('/manifest/'))).toBe(false);
    expect(await heldIds(hub)).toEqual([kept.id]);
  });
});
