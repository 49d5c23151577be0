// What goes wrong between hubs, on both databases: rejected credentials, a peer going down and coming back,
// a peer sending malformed or invalid objects (quarantined, the rest stored, the sync going on), one failing
// link not stopping the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { startFakePeer, page, type FakePeer } from './fake-peer.ts';
import { connect, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };

describe.each(dialects)('failures between hubs on %s', (dialect) => {
  let national: Hub;
  let regional: Hub;
  let liar: FakePeer;
  const good = indicator(GREEN);
  const invalid: Record<string, unknown> = { ...indicator(GREEN), pattern_type: undefined, valid_from: 'yesterday' };

  beforeAll(async () => {
    [national, regional] = await Promise.all([startHub('national', dialect), startHub('regional', dialect)]);
    await connect(national, regional);
    let calls = 0;
    liar = await startFakePeer((_method, url) => {
      if (!url.pathname.endsWith('/objects/')) return { status: 404, body: '{}' };
      calls++;
      if (url.searchParams.get('added_after') === '2026-05-01T00:00:00.000000Z') return page([], '2026-05-01T00:00:00.000000Z');
      return calls > 5 ? page([], '2026-05-01T00:00:00.000000Z') : page([good, invalid, 'not an object', { type: 'indicator' }, [1, 2]], '2026-05-01T00:00:00.000000Z');
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([national?.close(), regional?.close(), liar?.close()]);
  });

  it('rejected credentials are reported on the link, with the cursor left where it was', async () => {
    const linkId = await link(national, regional, 'push', { password: 'not-the-password' });
    await post(national, indicator(GREEN));
    const report = await national.platform.sync.syncLink(SYSTEM, linkId);
    expect(report.ok).toBe(false);
    expect(report.error?.code).toBe('taxii_remote.unauthorised');
    const status = await national.platform.links.find(SYSTEM, linkId);
    expect(status.status).toMatchObject({ failures: 1, lastSuccessAt: null, lastError: { code: 'taxii_remote.unauthorised' } });
    expect(status.cursors.push).toBe(0);
    // The credentials are put right: the same link goes on from where it was.
    const user = regional.userFor.get('national')!;
    await national.platform.peers.add(SYSTEM, { name: 'regional', url: regional.apiRootUrl, credentials: { kind: 'basic', user: user.name, password: user.password }, organisation: national.orgFor.get('regional')!, replace: true });
    expect((await syncOk(national, linkId)).push?.sent).toBe(1);
    expect((await national.platform.links.find(SYSTEM, linkId)).status).toMatchObject({ failures: 0, lastError: null });
  });

  it('a peer that is down fails its link, other links go on, and the link catches up when it is back', async () => {
    const pushId = (await national.platform.links.list(SYSTEM))[0]!.id;
    const liarPeer = await national.platform.peers.add(SYSTEM, { name: 'liar', url: liar.url, credentials: { kind: 'none' }, organisation: national.orgFor.get('regional')! });
    const liarLink = await national.platform.links.add(SYSTEM, { peer: liarPeer.name, remoteCollection: 'c1', localCollection: national.collectionId, direction: 'pull' });
    await regional.stop();
    const waiting = indicator(GREEN);
    await post(national, waiting);
    const run = await national.platform.sync.runOnce(SYSTEM);
    const byLink = new Map(run.links.map((l) => [l.link, l]));
    expect(byLink.get(pushId)?.error?.code).toBe('taxii_remote.unreachable');
    expect(byLink.get(liarLink.id)?.ok).toBe(true);
    await regional.resume();
    expect((await syncOk(national, pushId)).push?.sent).toBeGreaterThanOrEqual(1);
    expect(await heldIds(regional)).toContain(waiting.id);
  });

  it('malformed and invalid objects from a peer are quarantined with their reasons, the valid one is stored', async () => {
    const quarantined = await national.platform.sync.quarantine(SYSTEM);
    expect(quarantined).toHaveLength(4);
    expect(quarantined.every((q) => q.reasons.length > 0)).toBe(true);
    expect(quarantined.map((q) => q.object)).toEqual(expect.arrayContaining(['"not an object"', '[1,2]']));
    const bad = quarantined.find((q) => q.objectId === invalid.id)!;
    expect(JSON.parse(bad.object)).toMatchObject({ id: invalid.id, valid_from: 'yesterday' });
    expect(await heldIds(national)).toContain(good.id);
    const liarLink = (await national.platform.links.list(SYSTEM)).find((l) => l.remoteCollection === 'c1')!;
    expect(liarLink.cursors.pull).toBe('2026-05-01T00:00:00.000000Z');
    // The next run asks from the cursor: nothing more, nothing quarantined twice.
    await syncOk(national, liarLink.id);
    expect(await national.platform.sync.quarantine(SYSTEM)).toHaveLength(4);
  });

  it('a peer answering something that is not TAXII fails the link with a protocol error', async () => {
    const html = await startFakePeer(() => ({ status: 200, body: '<html></html>', headers: { 'content-type': 'text/html' } }), true);
    try {
      const peer = await national.platform.peers.add(SYSTEM, { name: 'html', url: html.url, credentials: { kind: 'none' }, organisation: national.orgFor.get('regional')! });
      const linked = await national.platform.links.add(SYSTEM, { peer: peer.name, remoteCollection: 'x', localCollection: national.collectionId, direction: 'pull' });
      const report = await national.platform.sync.syncLink(SYSTEM, linked.id);
      expect(report.error?.code).toBe('taxii_remote.protocol');
    } finally {
      await html.close();
    }
  });
});
