// Removing links and peers, on both databases: only configurers may; what was brought stays with its
// provenance; a peer's links and sealed credentials go with it; both audited; removing again is not_found;
// a running sync ends the loop of a link removed under it instead of retrying it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { DomainError } from '../../server/core/errors.ts';
import { runSync } from '../../server/modules/federation/services/sync-runner.ts';
import type { SyncService } from '../../server/modules/federation/services/sync.service.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { connect, heldIds, link, post, startHub, syncOk, type Hub } from './hubs.ts';

const GREEN = { object_marking_refs: [TLP2_MARKINGS.green] };

async function codeOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error.code;
}

async function audited(hub: Hub, action: string) {
  return (await hub.platform.audit.list(SYSTEM, { limit: 1000 })).filter((e) => e.action === action);
}

describe.each(dialects)('removing links and peers on %s', (dialect) => {
  let national: Hub;
  let regional: Hub;

  beforeAll(async () => {
    [national, regional] = await Promise.all([startHub('national', dialect), startHub('regional', dialect)]);
    await connect(national, regional);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([national, regional].map((h) => h?.close()));
  });

  it('a removed link syncs no more; what it brought stays with its provenance; audited; only configurers may', async () => {
    const linkId = await link(national, regional, 'pull');
    const object = indicator(GREEN);
    await post(regional, object);
    await syncOk(national, linkId);
    expect(await codeOf(national.platform.links.remove(national.own.actor, linkId))).toBe('federation.forbidden');
    const removed = await national.platform.links.remove(SYSTEM, linkId);
    expect(removed).toMatchObject({ id: linkId, direction: 'pull' });
    expect((await national.platform.links.list(SYSTEM)).map((l) => l.id)).not.toContain(linkId);
    expect(await codeOf(national.platform.sync.syncLink(SYSTEM, linkId))).toBe('link.not_found');
    expect(await codeOf(national.platform.links.remove(SYSTEM, linkId))).toBe('link.not_found');
    expect(await heldIds(national)).toContain(object.id);
    expect((await national.platform.sync.provenanceOf(SYSTEM, national.collectionId, String(object.id))).map((p) => p.linkId)).toEqual([linkId]);
    expect((await audited(national, 'federation.link_remove')).map((e) => e.target)).toEqual([linkId]);
  });

  it('a removed peer takes its links and its sealed credentials with it; provenance stays; audited', async () => {
    const pullId = await link(national, regional, 'pull');
    const object = indicator(GREEN);
    await post(regional, object);
    await syncOk(national, pullId);
    const peer = await national.platform.peers.find(SYSTEM, 'regional');
    const sealed = await national.platform.db.get<{ secret: string }>('SELECT secret FROM federation_peers WHERE id = ?', [peer.id]);
    expect(sealed?.secret).toEqual(expect.any(String));
    expect(await codeOf(national.platform.peers.remove(national.own.actor, 'regional'))).toBe('federation.forbidden');
    const removed = await national.platform.peers.remove(SYSTEM, 'Regional');
    expect(removed.peer.id).toBe(peer.id);
    expect(removed.links).toEqual([pullId]);
    expect(await national.platform.peers.list(SYSTEM)).toEqual([]);
    expect(await national.platform.links.list(SYSTEM)).toEqual([]);
    expect(await national.platform.db.all('SELECT id FROM federation_peers WHERE secret = ?', [sealed!.secret])).toEqual([]);
    expect((await national.platform.sync.provenanceOf(SYSTEM, national.collectionId, String(object.id))).map((p) => p.peerId)).toContain(peer.id);
    expect(await heldIds(national)).toContain(object.id);
    expect((await audited(national, 'federation.peer_remove')).map((e) => e.target)).toEqual([peer.id]);
    expect(await codeOf(national.platform.peers.remove(SYSTEM, 'regional'))).toBe('peer.not_found');
  });

  it('a running sync ends the loop of a link removed under it, without reporting an error or retrying it', async () => {
    // The removed peer's name is free again.
    const linkId = await link(national, regional, 'push', { continuous: true });
    expect((await national.platform.peers.list(SYSTEM)).map((p) => p.name)).toEqual(['regional']);
    const sync = national.platform.sync;
    const calls: string[] = [];
    const errors: unknown[] = [];
    let removedRun: (() => void) | undefined;
    const removedRunDone = new Promise<void>((resolve) => (removedRun = resolve));
    // The runner sees the real sync, except that its second run of the link removes the link first.
    const watched = Object.create(sync, {
      syncLink: {
        value: async (actor: typeof SYSTEM, id: string, signal?: AbortSignal) => {
          calls.push(id);
          if (id !== linkId || calls.filter((c) => c === linkId).length !== 2) return sync.syncLink(actor, id, signal);
          await national.platform.links.remove(SYSTEM, linkId);
          return sync.syncLink(actor, id, signal).finally(() => setImmediate(() => removedRun!()));
        },
      },
    }) as SyncService;
    const controller = new AbortController();
    const running = runSync(watched, SYSTEM, controller.signal, { intervalSeconds: 3600, pollMs: 10, onError: (error) => errors.push(error) });
    try {
      await removedRunDone;
    } finally {
      controller.abort();
      await running;
    }
    expect(errors).toEqual([]);
    expect(calls.filter((c) => c === linkId)).toHaveLength(2);
  });
});
