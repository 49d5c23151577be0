// Who sees what of a Gateway record, on generated histories: a member of an organisation proposes a record,
// which stays pending, is sent back for changes and revised, rejected, or published and then corrected by
// members (each correction accepted, rejected, sent back or left pending — a member's new correction
// superseding its own pending one). Every user of a fixed cast — moderators (one also a member), the
// proposer, members of other organisations, a user of no organisation — and anonymous callers are checked on
// every read path (the record, its history revision by revision, the search) against an oracle written from
// the rules: a published record and its accepted revisions are everyone's; the rest is the moderators', the
// record's proposer's (until published) and each revision's proposer's.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { isDomainError } from '../../../core/errors.ts';
import type { Platform } from '../../../platform.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 12);

/** The cast: name, roles, organisation. */
const CAST = [
  ['mod', ['gateway-moderator'], null],
  ['mod-member', ['gateway-moderator'], 'CERT-A'],
  ['amina', ['analyst'], 'CERT-A'],
  ['bao', ['viewer'], 'CERT-B'],
  ['carla', ['analyst'], 'University C'],
  ['loner', ['analyst'], null],
] as const;
const MEMBERS = ['mod-member', 'amina', 'bao', 'carla'] as const;
type Member = (typeof MEMBERS)[number];
type Outcome = 'accept' | 'reject' | 'request_changes' | 'leave';

interface World {
  proposer: Member;
  path: 'pending' | 'changes' | 'rejected' | 'published';
  corrections: { by: Member; outcome: Outcome }[];
}

const world: fc.Arbitrary<World> = fc.record({
  proposer: fc.constantFrom(...MEMBERS),
  path: fc.constantFrom<World['path']>('pending', 'changes', 'rejected', 'published'),
  corrections: fc.array(fc.record({ by: fc.constantFrom(...MEMBERS), outcome: fc.constantFrom<Outcome>('accept', 'reject', 'request_changes', 'leave') }), { maxLength: 4 }),
});

/** The revisions as the rules leave them: number, proposer and state. */
interface Expected {
  published: boolean;
  revisions: { n: number; by: Member; state: string }[];
}

function oracle(who: string | null, w: World, expected: Expected) {
  const moderator = who === 'mod' || who === 'mod-member';
  const seesRecord = expected.published || moderator || who === w.proposer;
  const history = expected.revisions.flatMap(({ n, by, state }): [number, boolean][] => {
    if (moderator || who === by || (who === w.proposer && !expected.published)) return [[n, true]];
    return state === 'accepted' && expected.published ? [[n, false]] : [];
  });
  return { seesRecord, history: seesRecord ? history : undefined, found: expected.published };
}

async function orNotFound<T>(call: () => Promise<T>): Promise<T | 'not found'> {
  try {
    return await call();
  } catch (error) {
    if (isDomainError(error) && error.kind === 'not_found') return 'not found';
    throw error;
  }
}

describe.each(dialects)('who sees what of a Gateway record, on %s', (dialect) => {
  let test: TestPlatform;
  let platform: Platform;
  const actors = new Map<string, Actor>();
  let run = 0;

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    platform = test.platform;
    await platform.organisations.add(SYSTEM, { name: 'CERT-A', type: 'member-state', country: 'TN' });
    await platform.organisations.add(SYSTEM, { name: 'CERT-B', type: 'sector-member', country: 'MU' });
    await platform.organisations.add(SYSTEM, { name: 'University C', type: 'academia', country: 'CN' });
    for (const [name, roles, organisation] of CAST) {
      const user = await platform.users.addUser({ name, password: `${name}-password`, roles, organisation: organisation ?? undefined });
      actors.set(name, { kind: 'user', userId: user.id, name, roles: user.roles, organisationId: user.organisationId });
    }
  });
  afterAll(() => test.close());

  it('shows each reader exactly what the rules allow, on every read path', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const marker = `marker${++run}x`;
        const mod = actors.get('mod')!;
        const record = { title: { en: `Incident response guide ${marker}` }, source_url: `https://example.org/guide/${run}`, kind: 'guide' };
        const { record: stored } = await platform.gatewayRecords.propose(actors.get(w.proposer)!, { type: 'resource', record });
        const id = stored.id;
        const expected: Expected = { published: false, revisions: [{ n: 1, by: w.proposer, state: 'pending' }] };
        const last = () => expected.revisions.at(-1)!;
        const decide = async (n: number, action: Outcome) => {
          if (action === 'leave') return;
          await platform.gatewayModeration.moderate(mod, id, n, { action, comment: 'because' });
          expected.revisions.find((r) => r.n === n)!.state = { accept: 'accepted', reject: 'rejected', request_changes: 'changes_requested' }[action];
        };
        let body: Record<string, unknown> = record;
        if (w.path === 'changes') {
          await decide(1, 'request_changes');
          body = { ...record, summary: { en: 'with the changes asked for' } };
          await platform.gatewayRecords.revise(actors.get(w.proposer)!, id, { record: body });
          expected.revisions.push({ n: 2, by: w.proposer, state: 'pending' });
        } else if (w.path === 'rejected') await decide(1, 'reject');
        else if (w.path === 'published') {
          await decide(1, 'accept');
          expected.published = true;
          for (const [i, { by, outcome }] of w.corrections.entries()) {
            const current = (await platform.gatewayRecords.get(SYSTEM, id)).record.body!;
            await platform.gatewayRecords.revise(actors.get(by)!, id, { record: { ...current, summary: { en: `correction ${i} by ${by}` } } });
            for (const r of expected.revisions) if (r.by === by && r.state === 'pending') r.state = 'superseded';
            expected.revisions.push({ n: last().n + 1, by, state: 'pending' });
            // The moderator who is a member never decides on its own correction; the other one does.
            await decide(last().n, outcome);
          }
        }

        for (const who of [...actors.keys(), null]) {
          const actor = who === null ? ANONYMOUS : actors.get(who)!;
          const want = oracle(who, w, expected);
          const label = `${who ?? 'anonymous'} in ${JSON.stringify(w)}`;
          expect((await orNotFound(() => platform.gatewayRecords.get(actor, id))) !== 'not found', `${label}: record`).toBe(want.seesRecord);
          const history = await orNotFound(() => platform.gatewayRecords.history(actor, id));
          const seen = history === 'not found' ? undefined : history.revisions.map((v): [number, boolean] => [v.revision.revision, v.whole]);
          expect(seen, `${label}: history`).toEqual(want.history);
          if (history !== 'not found') {
            const states = history.revisions.map((v) => v.revision.state);
            expect(states, `${label}: states`).toEqual(expected.revisions.filter((r) => want.history!.some(([n]) => n === r.n)).map((r) => r.state));
          }
          const found = (await platform.gatewaySearch.find({ q: marker })).records.map((r) => r.id);
          expect(found.includes(id), `${label}: search`).toBe(want.found);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
