// What UserService records in the audit log, on a controlled clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../test/support/databases.ts';
import { auditMigrations } from '../audit/audit-migrations.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { AuditLog } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { SYSTEM, type Actor } from './actor.ts';
import { authMigrations } from './auth-migrations.ts';
import { organisationMigrations } from '../organisations/organisation-migrations.ts';
import { TokenRepository } from './token.repository.ts';
import { UserRepository } from './user.repository.ts';
import { UserService, type User } from './user.service.ts';

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

describe.each(dialects)('audit of accounts on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  let audit: AuditLog;
  let service: UserService;
  let now = 1_700_000_000_000;
  let alice: User;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await migrate(db, [...authMigrations, ...organisationMigrations, ...auditMigrations]);
    audit = new AuditLog(new AuditRepository(db), { now: () => now });
    service = new UserService(new UserRepository(db), new TokenRepository(db), audit, { now: () => now });
    alice = await service.addUser({ name: 'alice', password: 'alice password' });
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  const after = async (seq: number) => (await audit.list(SYSTEM, { after: seq, limit: 100 })).map((e) => [e.action, e.actor, e.target]);
  const head = async () => (await audit.verify(SYSTEM)).head.seq;

  it('records account changes with who made them', async () => {
    const admin: Actor = { kind: 'user', userId: 'root-id', name: 'root', roles: ['platform-admin'], organisationId: null };
    const start = await head();
    const { id } = await service.createToken('alice', 'ci', admin);
    await service.revokeToken(id, admin);
    await service.revokeToken(id, admin); // already revoked: nothing changes, nothing recorded
    await service.setPassword('alice', 'a new password');
    await service.setDisabled('alice', true);
    await service.setDisabled('alice', false);
    expect(await after(start)).toEqual([
      ['token.create', 'user:root-id', id],
      ['token.revoke', 'user:root-id', id],
      ['user.set_password', 'system', alice.id],
      ['user.disable', 'system', alice.id],
      ['user.enable', 'system', alice.id],
    ]);
  });

  it('records a password sign-in only when the password is verified, not on a cache hit', async () => {
    const start = await head();
    await service.authenticate(basic('alice', 'a new password'));
    await service.authenticate(basic('alice', 'a new password'));
    await expect(service.authenticate(basic('alice', 'wrong'))).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    await expect(service.authenticate(basic('not a name', 'x'))).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    await expect(service.authenticate('Basic %%%')).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(await after(start)).toEqual([
      ['auth.sign_in', `user:${alice.id}`, alice.id],
      ['auth.sign_in_failed', 'alice', null],
      ['auth.sign_in_failed', 'anonymous', null],
      ['auth.sign_in_failed', 'anonymous', null],
    ]);
  });

  it('records a token sign-in at most once a minute, and a revoked token as a failure of its owner', async () => {
    const { token, id } = await service.createToken('alice', 'client');
    const start = await head();
    await service.authenticate(`Bearer ${token}`);
    now += 30_000;
    await service.authenticate(`Bearer ${token}`);
    now += 30_000;
    await service.authenticate(`Bearer ${token}`);
    await service.revokeToken(id);
    await expect(service.authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'auth.token_revoked' });
    expect(await after(start)).toEqual([
      ['auth.sign_in', `user:${alice.id}`, alice.id],
      ['auth.sign_in', `user:${alice.id}`, alice.id],
      ['token.revoke', 'system', id],
      ['auth.sign_in_failed', `user:${alice.id}`, null],
    ]);
    expect((await audit.verify(SYSTEM)).ok).toBe(true);
  });
});
