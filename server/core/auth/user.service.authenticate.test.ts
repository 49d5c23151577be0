import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../test/support/databases.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { isDomainError } from '../errors.ts';
import { ANONYMOUS, type Actor } from './actor.ts';
import { auditMigrations } from '../audit/audit-migrations.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { AuditLog } from '../audit/audit.service.ts';
import { authMigrations } from './auth-migrations.ts';
import { organisationMigrations } from '../organisations/organisation-migrations.ts';
import { TokenRepository } from './token.repository.ts';
import { generateToken } from './token.ts';
import { UserRepository } from './user.repository.ts';
import { UserService, type User } from './user.service.ts';

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
const actorOf = (user: User): Actor => ({ kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId });

describe.each(dialects)('authenticating on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  let users: UserRepository;
  let service: UserService;
  let now = 1_700_000_000_000;
  let alice: User;
  let aliceToken: string;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await migrate(db, [...authMigrations, ...organisationMigrations, ...auditMigrations]);
    users = new UserRepository(db);
    service = new UserService(users, new TokenRepository(db), new AuditLog(new AuditRepository(db)), { now: () => now });
    alice = await service.addUser({ name: 'alice', password: 'alice password', isAdmin: true });
    aliceToken = (await service.createToken('alice', 'taxii client')).token;
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  const lastUsedAt = async (label: string) => (await service.listTokens('alice')).find((token) => token.label === label)?.lastUsedAt;

  it('answers anonymous without a header', async () => {
    expect(await service.authenticate(undefined)).toBe(ANONYMOUS);
  });

  it('authenticates Basic with the right password, the name in any case', async () => {
    expect(await service.authenticate(basic('alice', 'alice password'))).toEqual(actorOf(alice));
    expect(await service.authenticate(basic('ALICE', 'alice password'))).toEqual(actorOf(alice));
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = service.authenticate(basic('alice', 'not her password')).catch((error: unknown) => error);
    const unknown = service.authenticate(basic('nobody', 'alice password')).catch((error: unknown) => error);
    const invalidName = service.authenticate(basic('no body', 'alice password')).catch((error: unknown) => error);
    for (const error of await Promise.all([wrong, unknown, invalidName])) {
      expect(error).toMatchObject({ kind: 'unauthenticated', code: 'auth.bad_credentials', params: {} });
      expect((error as Error).message).toBe('the user name, password or token is wrong');
    }
  });

  it('authenticates a Bearer token and records its use at most once a minute', async () => {
    expect(await service.authenticate(`Bearer ${aliceToken}`)).toEqual(actorOf(alice));
    const first = now;
    expect(await lastUsedAt('taxii client')).toBe(first);
    now += 59_999;
    await service.authenticate(`Bearer ${aliceToken}`);
    expect(await lastUsedAt('taxii client')).toBe(first);
    now += 1;
    await service.authenticate(`bearer ${aliceToken}`);
    expect(await lastUsedAt('taxii client')).toBe(now);
  });

  it.each(['Bearer thq_unknown', `Bearer ${generateToken()}`, 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig'])(
    'refuses the unknown token in %j',
    async (header) => {
      await expect(service.authenticate(header)).rejects.toMatchObject({ kind: 'unauthenticated', code: 'auth.bad_credentials' });
    },
  );

  it('refuses a revoked token', async () => {
    const { token, id } = await service.createToken('alice', 'old laptop');
    await service.revokeToken(id);
    await expect(service.authenticate(`Bearer ${token}`)).rejects.toMatchObject({ kind: 'unauthenticated', code: 'auth.token_revoked' });
  });

  it('refuses a disabled user by password and by token, without telling a guesser', async () => {
    await service.addUser({ name: 'bashir', password: 'bashir password' });
    const { token } = await service.createToken('bashir', 'script');
    await service.authenticate(basic('bashir', 'bashir password'));
    await service.setDisabled('bashir', true);
    const disabled = { kind: 'unauthenticated', code: 'auth.user_disabled' };
    await expect(service.authenticate(basic('bashir', 'bashir password'))).rejects.toMatchObject(disabled);
    await expect(service.authenticate(`Bearer ${token}`)).rejects.toMatchObject(disabled);
    await expect(service.authenticate(basic('bashir', 'wrong password'))).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    await service.setDisabled('bashir', false);
    expect(await service.authenticate(`Bearer ${token}`)).toMatchObject({ name: 'bashir' });
  });

  it.each(['', 'Basic', 'Basic !!', 'Basic YWxpY2U=', 'Bearer a b', 'alice:alice password'])(
    'refuses the malformed header %j',
    async (header) => {
      await expect(service.authenticate(header)).rejects.toMatchObject({ kind: 'unauthenticated', code: 'auth.malformed_header' });
    },
  );

  it('refuses other schemes', async () => {
    await expect(service.authenticate('Digest username=alice')).rejects.toMatchObject({ code: 'auth.malformed_header' });
    await expect(service.authenticate('Negotiate abc')).rejects.toMatchObject({ code: 'auth.unsupported_scheme' });
  });

  it('caches a successful Basic login, not a failed one', async () => {
    const header = basic('alice', 'alice password');
    await service.authenticate(header);
    const lookups = vi.spyOn(users, 'findByName');
    try {
      expect(await service.authenticate(header)).toEqual(actorOf(alice));
      expect(lookups).not.toHaveBeenCalled();
      for (let i = 0; i < 2; i++) await service.authenticate(basic('alice', 'wrong password')).catch(() => undefined);
      expect(lookups).toHaveBeenCalledTimes(2);
      now += 60_000;
      await service.authenticate(header);
      expect(lookups).toHaveBeenCalledTimes(3);
    } finally {
      lookups.mockRestore();
    }
  });

  it('forgets cached logins when the password changes', async () => {
    await service.addUser({ name: 'carla', password: 'carla password' });
    const old = basic('carla', 'carla password');
    await service.authenticate(old);
    await service.setPassword('carla', 'carla new password');
    await expect(service.authenticate(old)).rejects.toMatchObject({ code: 'auth.bad_credentials' });
  });

  it('authenticates any header correctly or refuses it as unauthenticated, nothing else', async () => {
    const known = new Map<string, Actor>([
      [basic('alice', 'alice password'), actorOf(alice)],
      [`Bearer ${aliceToken}`, actorOf(alice)],
    ]);
    const header = fc.oneof(
      fc.constantFrom(...known.keys()),
      fc.string({ unit: 'binary' }),
      fc.tuple(fc.constantFrom('alice', 'ALICE', 'nobody', 'al:ice', ''), fc.string()).map(([name, password]) => basic(name, password)),
      fc.string().map((text) => `Basic ${Buffer.from(text).toString('base64')}`),
      fc.string().map((text) => `Bearer ${text}`),
      fc.nat(aliceToken.length - 1).map((cut) => `Bearer ${aliceToken.slice(0, cut)}`),
    );
    await fc.assert(
      fc.asyncProperty(header, async (text) => {
        try {
          expect(await service.authenticate(text)).toEqual(known.get(text));
        } catch (error) {
          if (!isDomainError(error)) throw error;
          expect(error.kind).toBe('unauthenticated');
          expect(known.has(text)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});
