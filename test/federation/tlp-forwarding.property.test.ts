/**
 * Every TLP level at every hop, over random topologies of three hubs (in this process, over real HTTP), on
 * both databases. Each run makes a community of its own on every hub with random memberships of the
 * organisations standing for the other hubs, random links (push, pull or both, configured on either side,
 * belonging to the run's community or to one the peer is no member of), posts one object of each TLP level
 * on every hub, syncs every hub three times and compares where each object ended up with an oracle written
 * from the rules:
 * - a hop from X to Y carries anything only when each side lets the other in (Y's organisation a member of
 *   X's community, to read; X's a member of Y's, to write);
 * - CLEAR crosses every open hop; GREEN and AMBER only those whose link belongs to the community the peer's
 *   organisation is a member of; AMBER+STRICT (whose recipients are organisations of its own hub) and RED
 *   never leave their hub.
 * THIQA_PROPERTY_RUNS sets the number of runs per database.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { connect, heldIds, startHub, type Hub } from './hubs.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 6);
const LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
const NAMES = ['n1', 'n2', 'reg'] as const;
type Flow = 'none' | 'push-first' | 'pull-first' | 'both-first' | 'push-second' | 'pull-second' | 'both-second';

const PAIRS = [
  [0, 1],
  [0, 2],
  [1, 2],
] as const;

const scenario = fc.record({
  /** member[here][there]: the organisation standing for hub `there` is a member of hub `here`'s run community. */
  member: fc.array(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
  flows: fc.array(fc.constantFrom<Flow>('none', 'push-first', 'pull-first', 'both-first', 'push-second', 'pull-second', 'both-second'), { minLength: 3, maxLength: 3 }),
  /** Per pair: the link belongs to the run's community (true) or to one with no members (false). */
  inCommunity: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
});

describe.each(dialects)('TLP at every hop over random topologies on %s', (dialect) => {
  let hubs: Hub[];
  const elsewhere = new Map<string, string>();
  let run = 0;

  beforeAll(async () => {
    hubs = await Promise.all(NAMES.map((name) => startHub(name, dialect)));
    await connect(hubs[0]!, hubs[1]!);
    await connect(hubs[0]!, hubs[2]!);
    await connect(hubs[1]!, hubs[2]!);
    for (const hub of hubs) elsewhere.set(hub.name, (await hub.platform.communityApiRoots.add(SYSTEM, { name: 'Elsewhere' })).community.id);
  }, 120_000);

  afterAll(async () => {
    await Promise.all((hubs ?? []).map((h) => h.close()));
  });

  it('no RED or AMBER+STRICT object ever leaves its hub, and every other level goes exactly where the rules let it', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ member, flows, inCommunity }) => {
        run++;
        // The run's community and collection on every hub, with the memberships drawn.
        const setup = await Promise.all(
          hubs.map(async (hub, h) => {
            const { community, apiRoot } = await hub.platform.communityApiRoots.add(SYSTEM, { name: `Run ${run}` });
            const { collection } = await hub.platform.communityApiRoots.createCollection(SYSTEM, community.id, { title: `Run ${run}` });
            await hub.platform.communities.join(SYSTEM, community.id, hub.own.orgId);
            for (let t = 0; t < 3; t++) if (t !== h && member[h]![t]) await hub.platform.communities.join(SYSTEM, community.id, hub.orgFor.get(NAMES[t]!)!);
            return { community: community.id, apiRoot: apiRoot.name, collection: collection.id, url: `${hub.server.url}/${apiRoot.name}/` };
          }),
        );
        // Links as drawn; `open[x][y]` and `grouped[x][y]`: the flow from x to y exists, and belongs to the community.
        const flowsFrom = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => ({ flows: false, grouped: false })));
        for (let p = 0; p < PAIRS.length; p++) {
          const [first, second] = PAIRS[p]!;
          const flow = flows[p]!;
          if (flow === 'none') continue;
          const [here, there] = flow.endsWith('first') ? [first, second] : [second, first];
          const kind = flow.split('-')[0] as 'push' | 'pull' | 'both';
          const hub = hubs[here]!;
          const peerName = `${NAMES[there]}-run${run}`;
          const user = hubs[there]!.userFor.get(hub.name)!;
          await hub.platform.peers.add(SYSTEM, { name: peerName, url: setup[there]!.url, credentials: { kind: 'basic', user: user.name, password: user.password }, organisation: hub.orgFor.get(NAMES[there]!)! });
          await hub.platform.links.add(SYSTEM, {
            peer: peerName,
            remoteCollection: setup[there]!.collection,
            localCollection: setup[here]!.collection,
            direction: kind,
            community: inCommunity[p] ? undefined : elsewhere.get(hub.name),
          });
          // A push is decided on `here` (its community), a pull on `there` (the sending side's TAXII read).
          if (kind !== 'pull') flowsFrom[here]![there] = { flows: true, grouped: flowsFrom[here]![there]!.grouped || Boolean(inCommunity[p]) };
          if (kind !== 'push') flowsFrom[there]![here] = { flows: true, grouped: flowsFrom[there]![here]!.grouped || true };
        }
        // One object of each level on every hub.
        const posted: { hub: number; level: number; id: string }[] = [];
        for (let h = 0; h < 3; h++) {
          const hub = hubs[h]!;
          for (let level = 0; level < LEVELS.length; level++) {
            const extra: Record<string, unknown> = { object_marking_refs: [TLP2_MARKINGS[LEVELS[level]!]] };
            if (level === 4) extra.x_thiqa_recipient_users = [`analyst-${hub.name}`];
            if (level === 3) extra.x_thiqa_recipient_refs = [hub.own.identityId];
            const object = indicator(extra);
            const result = await hub.platform.objects.ingest(hub.own.actor, setup[h]!.apiRoot, setup[h]!.collection, [object]);
            expect(result.rejected).toEqual([]);
            posted.push({ hub: h, level, id: String(object.id) });
          }
        }
        for (let round = 0; round < 3; round++) for (const hub of hubs) await hub.platform.sync.runOnce(SYSTEM);

        // The oracle: a hop x → y is open when y's organisation is a member of x's community and x's of y's.
        const open = (x: number, y: number) => flowsFrom[x]![y]!.flows && member[x]![y]! && member[y]![x]!;
        const carries = (x: number, y: number, level: number) => open(x, y) && (level === 0 || (level <= 2 && flowsFrom[x]![y]!.grouped));
        for (const { hub, level, id } of posted) {
          const reached = new Set([hub]);
          for (let step = 0; step < 3; step++) for (const x of [...reached]) for (let y = 0; y < 3; y++) if (x !== y && carries(x, y, level)) reached.add(y);
          for (let h = 0; h < 3; h++) {
            const ids = await heldIds({ ...hubs[h]!, apiRoot: setup[h]!.apiRoot }, setup[h]!.collection);
            expect(ids.includes(id), `${LEVELS[level]} from ${NAMES[hub]} at ${NAMES[h]} (run ${run})`).toBe(reached.has(h));
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
