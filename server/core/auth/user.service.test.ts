import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../test/support/databases.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { auditMigrations } from '../audit/audit-migrations.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { AuditLog } from '../audit/audit.service.ts';
import { authMigrations } from './auth-migrations.ts';
import { organisationMigrations } from '../organisations/organisation-migrations.ts';
import { TokenRepository } from './token.repository.ts';
import { UserRepository } from './user.repository.ts';
import { UserService } from './user.service.ts';

describe.each(dialects)('user accounts on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  let service: UserService;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await migrate(db, [...authMigrations, ...organisationMigrations, ...auditMigrations]);
    service = new UserService(new UserRepository(db), new TokenRepository(db), new AuditLog(new AuditRepository(db)));
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

  it('adds a user and answers it without its password hash', async () => {
    const user = await service.addUser({ name: 'amina', password: 'a long password', isAdmin: true });
    expect(user).toEqual({ id: expect.any(String), name: 'amina', roles: ['platform-admin'], isAdmin: true, disabled: false, createdAt: expect.any(Number), organisationId: null, language: null });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await service.findUser('AMINA')).toEqual(user);
    const row = await db.get<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = ?', [user.id]);
    expect(row?.password_hash).toMatch(/^scrypt\$15\$8\$1\$/);
  });

  it('refuses a name already taken, in any case', async () => {
    await service.addUser({ name: 'bilal', password: 'a long password' });
    for (const name of ['bilal', 'Bilal']) {
      await expect(service.addUser({ name, password: 'another password' })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'user.exists',
        params: { name },
      });
    }
  });

  it.each(['', 'a'.repeat(65), 'with space', 'colon:name', 'café', 'slash/name', 'تجربة', 'tab\tname'])(
    'refuses the user name %j',
    async (name) => {
      await expect(service.addUser({ name, password: 'a long password' })).rejects.toMatchObject({
        kind: 'invalid',
        code: 'user.invalid_name',
      });
    },
  );

  it('takes names of letters, digits, ".", "_", "-" and "@" up to 64 characters', async () => {
    for (const name of ['x', 'ops.team_1-a@cert.example', 'z'.repeat(64)]) {
      expect((await service.addUser({ name, password: 'a long password' })).name).toBe(name);
    }
  });

  it('refuses a short password and stores nothing', async () => {
    await expect(service.addUser({ name: 'chadi', password: 'short' })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'user.password_too_short',
    });
    expect(await service.findUser('chadi')).toBeUndefined();
  });

  it('lists users by name', async () => {
    const names = (await service.listUsers()).map((user) => user.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(names).toContain('amina');
  });

  it('changes a password: the new one works, the old one no longer does', async () => {
    await service.addUser({ name: 'dalia', password: 'first password' });
    await service.authenticate(basic('dalia', 'first password'));
    await service.setPassword('dalia', 'second password');
    await expect(service.authenticate(basic('dalia', 'first password'))).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    expect(await service.authenticate(basic('dalia', 'second password'))).toMatchObject({ kind: 'user', name: 'dalia' });
    await expect(service.setPassword('dalia', 'short')).rejects.toMatchObject({ code: 'user.password_too_short' });
  });

  it('answers not found for an unknown user', async () => {
    expect(await service.findUser('nobody')).toBeUndefined();
    expect(await service.findUser('not a valid name')).toBeUndefined();
    await expect(service.setPassword('nobody', 'a long password')).rejects.toMatchObject({ kind: 'not_found', code: 'user.not_found' });
    await expect(service.setDisabled('nobody', true)).rejects.toMatchObject({ code: 'user.not_found' });
  });
});
