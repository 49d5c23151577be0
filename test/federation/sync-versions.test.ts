// Versions across hubs, on both databases: the same object by two paths (stored once, two provenances), a
// newer version winning, a revocation propagating, a deletion propagating only where the link says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator, nextVersion } from '../support/stix-factory.ts';
import { connect, held, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };

async function latestBody(hub: Hub, id: string): Promise<Record<string, unknown>> {
  const page = await hub.platform.objects.getObject(SYSTEM, hub.apiRoot, hub.collectionId, id, {});
  return JSON.parse(new TextDecoder().decode(page.rows[page.rows.length - 1]!.body!)) as Record<string, unknown>;
}

describe.each(dialects)('versions across hubs on %s', (dialect) => {
  let a: Hub;
  let b: Hub;
  let regional: Hub;
  const links: Record<string, string> = {};

  beforeAll(async () => {
    [a, b, regional] = await Promise.all([startHub('a', dialect), startHub('b', dialect), startHub('regional', dialect)]);
    await connect(a, regional);
    await connect(b, regional);
    await connect(a, b);
    links.aToRegional = await link(a, regional, 'push', { deletions: true });
    links.aToB = await link(a, b, 'push');
    links.bToRegional = await link(b, regional, 'push');
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a, b, regional].map((h) => h?.close()));
  });

  it('the same object by two paths is stored once, with a provenance for each peer that delivered it', async () => {
    const object = indicator(GREEN);
    await post(a, object);
    await syncOk(a, links.aToRegional!);
    await syncOk(a, links.aToB!);
    await syncOk(b, links.bToRegional!);
    const versions = (await held(regional)).filter((h) => h.startsWith(`${object.id}@`));
    expect(versions).toHaveLength(1);
    // Pushed objects are stored on the regional hub by the pushing hub's user: provenance is kept on pulls, so
    // pull it from both as well.
    const pullA = await link(regional, a, 'pull');
    const pullB = await link(regional, b, 'pull');
    await syncOk(regional, pullA);
    await syncOk(regional, pullB);
    expect((await held(regional)).filter((h) => h.startsWith(`${object.id}@`))).toHaveLength(1);
    const provenance = await regional.platform.sync.provenanceOf(SYSTEM, regional.collectionId, String(object.id));
    const peers = await regional.platform.peers.list(SYSTEM);
    expect(provenance.map((p) => p.peerId).sort()).toEqual(peers.filter((p) => p.name === 'a' || p.name === 'b').map((p) => p.id).sort());
  });

  it('a newer version reaches the other hub and wins; the older one is kept as a version', async () => {
    const object = indicator(GREEN);
    await post(a, object);
    await syncOk(a, links.aToRegional!);
    const newer = nextVersion(object, '2026-02-01T00:00:00.000Z', { name: 'Renamed', ...GREEN });
    await post(a, newer);
    await syncOk(a, links.aToRegional!);
    expect((await held(regional)).filter((h) => h.startsWith(`${object.id}@`))).toHaveLength(2);
    expect((await latestBody(regional, String(object.id))).name).toBe('Renamed');
  });

  it('an older version arriving late does not displace the newer one', async () => {
    const object = indicator(GREEN);
    const newer = nextVersion(object, '2026-03-01T00:00:00.000Z', { name: 'Newest', ...GREEN });
    await post(a, newer);
    await syncOk(a, links.aToRegional!);
    await post(a, object);
    await syncOk(a, links.aToRegional!);
    expect((await latestBody(regional, String(object.id))).name).toBe('Newest');
  });

  it('a revocation propagates as a new version', async () => {
    const object = indicator(GREEN);
    await post(a, object);
    await syncOk(a, links.aToRegional!);
    await post(a, nextVersion(object, '2026-04-01T00:00:00.000Z', { revoked: true, ...GREEN }));
    await syncOk(a, links.aToRegional!);
    expect((await latestBody(regional, String(object.id))).revoked).toBe(true);
  });

  it('a deletion reaches the peer over a link that propagates deletions, and not over one that does not', async () => {
    const object = indicator(GREEN);
    await post(a, object);
    await syncOk(a, links.aToRegional!);
    await syncOk(a, links.aToB!);
    expect(await heldIds(regional)).toContain(object.id);
    expect(await heldIds(b)).toContain(object.id);
    await a.platform.objects.delete(SYSTEM, a.apiRoot, a.collectionId, String(object.id), {});
    expect((await syncOk(a, links.aToRegional!)).push?.deletions).toBe(1);
    expect((await syncOk(a, links.aToB!)).push?.deletions).toBe(0);
    expect(await heldIds(regional)).not.toContain(object.id);
    expect(await heldIds(b)).toContain(object.id);
    // Passed on once: the deletion cursor moved.
    expect((await syncOk(a, links.aToRegional!)).push?.deletions).toBe(0);
  });
});
