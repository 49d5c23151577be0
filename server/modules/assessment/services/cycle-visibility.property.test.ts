// Who sees what in an edition run as a cycle, on generated editions: which focal point is invited (or none, the
// country then assessed from public evidence), which evidence is public or restricted, and how far the edition
// went (open, finalised, published). Every user of a fixed cast — team, reviewers, focal points of the country
// invited or not, of another country, users with two roles, an analyst — and anonymous callers are checked on
// every read path (the edition, the answers, the evidence list and each file, the profile) against an oracle
// written from the rules: the team and reviewers see everything; the invited focal point its own country;
// anyone else a published edition with its public evidence only.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { isDomainError } from '../../../core/errors.ts';
import type { Platform } from '../../../platform.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';

const RUNS = Number(process.env.THIQA_PROPERTY_RUNS ?? 12);
const QUESTION = 'legal-cybercrime-substantive';

/** The cast: name, roles, organisation. */
const CAST = [
  ['team', ['assessment-team'], null],
  ['reviewer', ['assessment-reviewer'], null],
  ['tn-focal', ['focal-point'], 'TN'],
  ['tn-focal-2', ['focal-point'], 'TN'],
  ['tn-focal-reviewer', ['focal-point', 'assessment-reviewer'], 'TN'],
  ['mu-focal', ['focal-point'], 'MU'],
  ['tn-analyst', ['analyst'], 'TN'],
] as const;
const TN_FOCAL_POINTS = ['tn-focal', 'tn-focal-2', 'tn-focal-reviewer'] as const;

type State = 'open' | 'finalised' | 'published';
interface World {
  focal: (typeof TN_FOCAL_POINTS)[number] | null;
  evidence: ('public' | 'restricted')[];
  state: State;
}

const world: fc.Arbitrary<World> = fc.record({
  focal: fc.constantFrom(null, ...TN_FOCAL_POINTS),
  evidence: fc.array(fc.constantFrom('public' as const, 'restricted' as const), { maxLength: 4 }),
  state: fc.constantFrom<State>('open', 'finalised', 'published'),
});

/** The rules, written again from the issue: may `who` see the country's answers, and this evidence? */
function oracle(who: string | null, w: World) {
  const roles: readonly string[] = CAST.find(([name]) => name === who)?.[1] ?? [];
  const staff = roles.includes('assessment-team') || roles.includes('assessment-reviewer');
  const insider = staff || (who !== null && who === w.focal);
  return {
    edition: insider || w.state === 'published',
    // Scores exist once finalised; before publication only the team and reviewers see them.
    profile: w.state === 'published' || (w.state === 'finalised' && staff),
    answers: insider || w.state === 'published',
    evidence: (visibility: 'public' | 'restricted') => insider || (visibility === 'public' && w.state === 'published'),
  };
}

async function notFound<T>(call: () => Promise<T>): Promise<T | 'not found'> {
  try {
    return await call();
  } catch (error) {
    if (isDomainError(error) && error.kind === 'not_found') return 'not found';
    throw error;
  }
}

describe.each(dialects)('who sees what in an assessment cycle, on %s', (dialect) => {
  let test: TestPlatform;
  let platform: Platform;
  const actors = new Map<string, Actor>();
  const userIds = new Map<string, string>();
  let run = 0;

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    platform = test.platform;
    await platform.organisations.add(SYSTEM, { name: 'Ministry TN', type: 'member-state', country: 'TN' });
    await platform.organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', country: 'MU' });
    for (const [name, roles, country] of CAST) {
      const user = await platform.users.addUser({ name, password: `${name}-password`, roles, organisation: country === null ? undefined : country === 'TN' ? 'Ministry TN' : 'CERT-MU' });
      actors.set(name, { kind: 'user', userId: user.id, name, roles: user.roles, organisationId: user.organisationId });
      userIds.set(name, user.id);
    }
  });
  afterAll(() => test.close());

  it('shows each reader exactly what the rules allow, on every read path', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const name = `Edition ${++run}`;
        const team = actors.get('team')!;
        await platform.cycles.open(team, { name, framework: 'gca-commitment' });
        await platform.cycles.invite(team, name, { country: 'TN', user: w.focal === null ? undefined : userIds.get(w.focal) });
        const answerer = w.focal === null ? team : actors.get(w.focal)!;
        await platform.answers.save(answerer, name, 'TN', QUESTION, { level: 'in-place', revision: 0 });
        const evidence = new Map<string, 'public' | 'restricted'>();
        for (const [i, visibility] of w.evidence.entries()) {
          const added = await platform.evidence.addLink(answerer, name, 'TN', QUESTION, { url: `https://example.org/law/${i}`, visibility });
          evidence.set(added.id, visibility);
        }
        if (w.state !== 'open') await platform.cycles.finalise(team, name);
        if (w.state === 'published') await platform.cycles.publish(team, name);

        for (const who of [...actors.keys(), null]) {
          const actor = who === null ? ANONYMOUS : actors.get(who)!;
          const expected = oracle(who, w);
          const label = `${who ?? 'anonymous'} in ${JSON.stringify(w)}`;
          expect((await notFound(() => platform.cycles.get(actor, name))) !== 'not found', `${label}: edition`).toBe(expected.edition);
          const answers = await notFound(() => platform.answers.answers(actor, name, 'TN'));
          expect(answers !== 'not found', `${label}: answers`).toBe(expected.answers);
          const shouldSee = [...evidence].filter(([, visibility]) => expected.evidence(visibility)).map(([id]) => id).sort();
          if (answers !== 'not found') expect(answers.evidence.map((e) => e.id).sort(), `${label}: evidence list`).toEqual(shouldSee);
          for (const [id, visibility] of evidence) {
            expect((await notFound(() => platform.evidence.get(actor, id))) !== 'not found', `${label}: evidence ${id}`).toBe(expected.evidence(visibility));
          }
          const profile = await notFound(() => platform.profiles.profile(actor, 'TN', name));
          expect(profile !== 'not found', `${label}: profile`).toBe(expected.profile);
          if (profile !== 'not found') expect(profile.evidence.map((e) => e.id).sort(), `${label}: profile evidence`).toEqual(shouldSee);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
