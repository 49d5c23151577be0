// A backlog of 100,000 objects pulled by `thiqa sync --once` in bounded memory, on both databases: the peer
// (a TAXII server generating its collection page by page, never holding it) offers 100,000 GREEN indicators;
// the sync runs with its JavaScript heap capped at HEAP_MB, well below what holding the backlog would take
// (its JSON alone is about 40 MB, several times that parsed), so it can finish only by storing page after
// page (checked by hand: the same run with the whole backlog as one page dies of "heap out of memory").
// Every object must arrive, once, and a second run must find nothing new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { page, startFakePeer, type FakePeer } from './fake-peer.ts';
import { ok, startProcessHub, versionsOver, type ProcessHub } from './process-hubs.ts';

const BACKLOG = 100_000;
const HEAP_MB = 160;
const START = Date.UTC(2026, 0, 1);

/** Object `n` of the generated collection; its date_added is START + n ms. */
function generated(n: number): Record<string, unknown> {
  const at = new Date(START + n * 1000).toISOString();
  const hex = n.toString(16).padStart(12, '0');
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--6f1d2a40-0000-4000-8000-${hex}`,
    created: at,
    modified: at,
    name: `Backlog indicator ${n}`,
    pattern: `[ipv4-addr:value = '10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}']`,
    pattern_type: 'stix',
    valid_from: at,
    object_marking_refs: [TLP2_MARKINGS.green],
  };
}

const addedAt = (n: number) => new Date(START + n).toISOString();

/** A peer whose collection "backlog" holds BACKLOG objects, paged by added_after. */
function backlogPeer(): Promise<FakePeer> {
  return startFakePeer((_method, url) => {
    if (!url.pathname.endsWith('/collections/backlog/objects/')) return { status: 404, body: '{"title":"not found"}' };
    const after = url.searchParams.get('added_after');
    const from = after === null ? 0 : Date.parse(after) - START + 1;
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    const to = Math.min(BACKLOG, from + limit);
    const objects = Array.from({ length: Math.max(0, to - from) }, (_, i) => generated(from + i));
    return page(objects, addedAt(to - 1), to < BACKLOG);
  });
}

describe.each(dialects)('a backlog of 100,000 objects on %s', (dialect) => {
  let hub: ProcessHub;
  let peer: FakePeer;

  beforeAll(async () => {
    [hub, peer] = await Promise.all([startProcessHub('regional', dialect), backlogPeer()]);
    ok(await hub.cli(['org', 'add', 'generator hub', '--type', 'regional-international', '--json']));
    ok(await hub.cli(['community', 'join', 'Region', 'generator hub', '--json']));
    ok(await hub.cli(['peer', 'add', 'generator', peer.url, '--user', 'regional', '--password-stdin', '--org', 'generator hub', '--json'], 'any-password\n'));
    ok(await hub.cli(['link', 'add', 'generator', '--remote-collection', 'backlog', '--local-collection', 'shared', '--direction', 'pull', '--json']));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([hub?.close(), peer?.close()]);
  });

  it(`finishes with every object stored once, its heap capped at ${HEAP_MB} MB`, async () => {
    const env = { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`, THIQA_SYNC_PAGE: '1000' };
    const run = ok<{ links: { ok: boolean; pull: { received: number; stored: number } }[] }>(await hub.cli(['sync', '--once', '--json'], '', env));
    expect(run.links).toEqual([expect.objectContaining({ ok: true, pull: expect.objectContaining({ received: BACKLOG, stored: BACKLOG }) })]);
    const again = ok<{ links: { pull: { received: number } }[] }>(await hub.cli(['sync', '--once', '--json'], '', env));
    expect(again.links[0]!.pull.received).toBe(0);
    await hub.serve();
    const versions = await versionsOver(hub);
    expect(versions).toHaveLength(BACKLOG);
    expect(new Set(versions).size).toBe(BACKLOG);
  }, 300_000);
});
