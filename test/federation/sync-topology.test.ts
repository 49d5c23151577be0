// Shapes of a federation, on both databases: a cycle of push links and one of pull links (each object stored
// once per hub, and the circulation stops), a revocation crossing two hops, and the same object edited on two
// hubs at once (both versions kept everywhere, the newest `modified` the latest on each).
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator, nextVersion } from '../support/stix-factory.ts';
import { connect, held, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };

/** The latest version of an object on a hub, as its body. */
async function latest(hub: Hub, id: string): Promise<Record<string, unknown>> {
  const page = await hub.platform.objects.getObject(SYSTEM, hub.apiRoot, hub.collectionId, id, {});
  return JSON.parse(new TextDecoder().decode(page.rows[page.rows.length - 1]!.body!)) as Record<string, unknown>;
}

/** The versions of one object a hub holds, as `id@version`. */
async function versionsOf(hub: Hub, id: string): Promise<string[]> {
  return (await held(hub)).filter((h) => h.startsWith(`${id}@`));
}

describe.each(dialects)('federation topologies on %s', (dialect) => {
  let hubs: Hub[] = [];

  async function fresh(...names: string[]): Promise<Hub[]> {
    hubs = await Promise.all(names.map((name) => startHub(name, dialect)));
    return hubs;
  }

  afterEach(async () => {
    await Promise.all(hubs.map((h) => h.close()));
    hubs = [];
  });

  it('a cycle of push links A → B → C → A: the object is stored once on each hub and a further round sends nothing', async () => {
    const [a, b, c] = await fresh('a', 'b', 'c');
    await connect(a!, b!);
    await connect(b!, c!);
    await connect(c!, a!);
    const round = [
      [a!, await link(a!, b!, 'push')],
      [b!, await link(b!, c!, 'push')],
      [c!, await link(c!, a!, 'push')],
    ] as const;
    const object = indicator(GREEN);
    await post(a!, object);
    for (const [hub, linkId] of round) await syncOk(hub, linkId);
    for (const hub of [a!, b!, c!]) expect(await versionsOf(hub, String(object.id))).toHaveLength(1);
    // Back on A as a duplicate: nothing new was stored there, so nothing is read again anywhere.
    for (const [hub, linkId] of round) expect((await syncOk(hub, linkId)).push).toMatchObject({ read: 0, sent: 0 });
  });

  it('a cycle of pull links A ← B ← C ← A: the object is stored once on each hub and the pulls go quiet', async () => {
    const [a, b, c] = await fresh('a', 'b', 'c');
    await connect(a!, b!);
    await connect(b!, c!);
    await connect(c!, a!);
    const round = [
      [a!, await link(a!, b!, 'pull')],
      [b!, await link(b!, c!, 'pull')],
      [c!, await link(c!, a!, 'pull')],
    ] as const;
    const object = indicator(GREEN);
    await post(a!, object);
    const stored: number[] = [];
    for (let i = 0; i < 3; i++) for (const [hub, linkId] of round) stored.push((await syncOk(hub, linkId)).pull!.stored);
    // C gets it from A, then B from C; A only sees its own object come back.
    expect(stored.reduce((n, s) => n + s, 0)).toBe(2);
    for (const hub of [a!, b!, c!]) expect(await versionsOf(hub, String(object.id))).toHaveLength(1);
    for (const [hub, linkId] of round) expect((await syncOk(hub, linkId)).pull).toMatchObject({ received: 0, stored: 0 });
  });

  it('a revocation made on the national hub reaches the other national hub through the regional one', async () => {
    const [regional, national, other] = await fresh('regional', 'national', 'other');
    await connect(national!, regional!);
    await connect(other!, regional!);
    const push = await link(national!, regional!, 'push');
    const pull = await link(other!, regional!, 'pull');
    const object = indicator(GREEN);
    await post(national!, object);
    await syncOk(national!, push);
    await syncOk(other!, pull);
    expect(await heldIds(other!)).toEqual([object.id]);
    await post(national!, nextVersion(object, '2026-04-01T00:00:00.000Z', { revoked: true, ...GREEN }));
    await syncOk(national!, push);
    await syncOk(other!, pull);
    expect(await latest(other!, String(object.id))).toMatchObject({ revoked: true, modified: '2026-04-01T00:00:00.000Z' });
    expect(await versionsOf(other!, String(object.id))).toHaveLength(2);
  });

  it('the same object edited on two hubs: after syncing both ways each keeps both versions, the newest the latest', async () => {
    const [a, b] = await fresh('a', 'b');
    await connect(a!, b!);
    const both = await link(a!, b!, 'both');
    const object = indicator(GREEN);
    await post(a!, object);
    await syncOk(a!, both);
    await post(a!, nextVersion(object, '2026-02-01T00:00:00.000Z', { name: 'Edited on A', ...GREEN }));
    await post(b!, nextVersion(object, '2026-03-01T00:00:00.000Z', { name: 'Edited on B', ...GREEN }));
    await syncOk(a!, both);
    for (const hub of [a!, b!]) {
      expect(await versionsOf(hub, String(object.id))).toHaveLength(3);
      expect(await latest(hub, String(object.id))).toMatchObject({ name: 'Edited on B', modified: '2026-03-01T00:00:00.000Z' });
    }
    // Settled: another run moves nothing either way.
    expect(await syncOk(a!, both)).toMatchObject({ pull: { stored: 0 }, push: { sent: 0 } });
  });
});
