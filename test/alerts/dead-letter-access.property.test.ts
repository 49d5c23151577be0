// Who may do what with dead letters, as a property on both databases: over random owners of random dead
// letters and a random caller (an owner, another user, an administrator, the operator, an anonymous caller),
// the hub-wide list answers exactly every dead letter to administrators and the operator and is refused to
// everyone else; a retry or a discard succeeds exactly for the letter's owner, an administrator or the
// operator, and is refused with its stable code otherwise, leaving the letter as it was; a retry that
// succeeds wakes the delivery worker once, and nothing else does.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import { isDomainError } from '../../server/core/errors.ts';
import { DeadLetterRepository } from '../../server/modules/alerts/repositories/dead-letter.repository.ts';
import { DeliveryRepository, type DeliveryRecord } from '../../server/modules/alerts/repositories/delivery.repository.ts';
import { SubscriptionRepository } from '../../server/modules/alerts/repositories/subscription.repository.ts';
import { DeadLetterService } from '../../server/modules/alerts/services/dead-letter.service.ts';
import { dialects } from '../support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../support/platform.ts';

const USERS = ['uma', 'omar', 'lin'] as const;
const CALLERS = [...USERS, 'root', 'system', 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];

const scenario = fc.record({
  owners: fc.array(fc.nat(USERS.length - 1), { minLength: 1, maxLength: 5 }),
  caller: fc.constantFrom(...CALLERS),
  operation: fc.constantFrom('list' as const, 'retry' as const, 'discard' as const),
  target: fc.nat(4),
});

/** The code a call is refused with, or undefined when it succeeds. */
async function refusal(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

describe.each(dialects)('who may list, retry and discard dead letters on %s', (dialect) => {
  let test: TestPlatform;
  const actors = new Map<Caller, Actor>();
  const subscriptionOf = new Map<string, string>();
  let round = 0;

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    const { platform } = test;
    for (const name of [...USERS, 'root'] as const) {
      const user = await platform.users.addUser({ name, password: `${name}-password`, roles: name === 'root' ? ['platform-admin'] : ['analyst'] });
      actors.set(name, { kind: 'user', userId: user.id, name, roles: user.roles, organisationId: null });
      if (name !== 'root') subscriptionOf.set(user.id, (await platform.alertSubscriptions.create(actors.get(name)!, { channel: 'in-app' })).subscription.id);
    }
    actors.set('system', SYSTEM);
    actors.set('anonymous', { kind: 'anonymous' });
  });
  afterAll(async () => test?.close());

  it('answers exactly what the caller’s relation to each letter allows', async () => {
    const deliveries = new DeliveryRepository(test.platform.db);
    const { db, users, audit } = test.platform;
    // The platform's service wakes its worker; this one counts how often it would.
    let wakes = 0;
    const names = { idOf: async (name: string) => (await users.findUser(name))?.id, nameOf: async (id: string) => (await users.findById(id))?.name };
    const service = new DeadLetterService({ deadLetters: new DeadLetterRepository(db), subscriptions: new SubscriptionRepository(db) }, names, audit, () => (wakes += 1));
    await fc.assert(
      fc.asyncProperty(scenario, async ({ owners, caller, operation, target }) => {
        round += 1;
        // Each round starts from no dead letters: the previous round's are discarded by the operator.
        for (const d of (await service.list(SYSTEM, { limit: 200 })).deadLetters) await service.discard(SYSTEM, d.id);
        const letters: DeliveryRecord[] = owners.map((o, i) => {
          const ownerId = (actors.get(USERS[o]!) as { userId: string }).userId;
          return { id: `dl-${round}-${i}`, subscriptionId: subscriptionOf.get(ownerId)!, ownerId, channel: 'in-app', apiRoot: 'thiqa', collectionId: 'c', objectId: `indicator--${round}-${i}`, version: 'v', state: 'dead', attempts: 8, nextAt: 0, lastError: 'gone', summary: null, createdAt: i, doneAt: 1_000 + i, readAt: null };
        });
        await deliveries.enqueue(letters);
        const actor = actors.get(caller)!;
        const manager = caller === 'root' || caller === 'system';
        if (operation === 'list') {
          const code = await refusal(service.list(actor));
          expect(code).toBe(manager ? undefined : caller === 'anonymous' ? 'auth.required' : 'alert.dead_letters_forbidden');
          if (manager) expect((await service.list(actor)).deadLetters.map((d) => d.id).sort()).toEqual(letters.map((l) => l.id).sort());
          return;
        }
        const letter = letters[target % letters.length]!;
        const own = actor.kind === 'user' && actor.userId === letter.ownerId;
        const wakesBefore = wakes;
        const code = await refusal(operation === 'retry' ? service.retry(actor, letter.id) : service.discard(actor, letter.id));
        expect(wakes - wakesBefore).toBe(operation === 'retry' && code === undefined ? 1 : 0);
        expect(code).toBe(own || manager ? undefined : caller === 'anonymous' ? 'auth.required' : 'alert.dead_letter_forbidden');
        const stillDead = (await service.list(SYSTEM, { limit: 200 })).deadLetters.some((d) => d.id === letter.id);
        expect(stillDead).toBe(code !== undefined);
        if (operation === 'retry' && code === undefined) {
          const [pending] = (await deliveries.pendingOf(letter.subscriptionId)).filter((d) => d.id === letter.id);
          expect(pending).toMatchObject({ state: 'pending', attempts: 0 });
          await deliveries.drop([letter.id]);
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
