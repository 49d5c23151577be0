// `auth-0003-user-roles` on a store made before roles: administrators become platform admins, everyone else
// analysts, and they sign in with those roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../test/support/databases.ts';
import { migrations } from '../../platform.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { AuditLog } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { organisationMigrations } from '../organisations/organisation-migrations.ts';
import { isPrivileged } from './actor.ts';
import { authMigrations } from './auth-migrations.ts';
import { hashPassword } from './password.ts';
import { TokenRepository } from './token.repository.ts';
import { UserRepository } from './user.repository.ts';
import { UserService } from './user.service.ts';

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

describe.each(dialects)('roles added to an existing store on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    // The schema as it was before roles, with an administrator and a user in it.
    await migrate(db, [...authMigrations.filter((m) => m.id !== 'auth-0003-user-roles'), ...organisationMigrations]);
    const insert = 'INSERT INTO users (id, name, password_hash, is_admin, created_at, disabled) VALUES (?, ?, ?, ?, ?, 0)';
    await db.run(insert, ['u-root', 'root', await hashPassword('root password'), 1, 1]);
    await db.run(insert, ['u-ada', 'ada', await hashPassword('ada password'), 0, 2]);
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('gives administrators platform-admin and everyone else analyst, then drops the flag', async () => {
    expect(await migrate(db, migrations)).toContain('auth-0003-user-roles');
    expect(await db.all('SELECT user_id, role FROM user_roles ORDER BY user_id')).toEqual([
      { user_id: 'u-ada', role: 'analyst' },
      { user_id: 'u-root', role: 'platform-admin' },
    ]);
    await expect(db.get('SELECT is_admin FROM users')).rejects.toThrow();
    expect(await migrate(db, migrations)).toEqual([]);
  });

  it('keeps what each could do: the administrator is privileged, the user is not', async () => {
    const service = new UserService(new UserRepository(db), new TokenRepository(db), new AuditLog(new AuditRepository(db)));
    const root = await service.authenticate(basic('root', 'root password'));
    const ada = await service.authenticate(basic('ada', 'ada password'));
    expect(root).toMatchObject({ kind: 'user', roles: ['platform-admin'] });
    expect(ada).toMatchObject({ kind: 'user', roles: ['analyst'] });
    expect([isPrivileged(root), isPrivileged(ada)]).toEqual([true, false]);
    expect((await service.listUsers()).map((u) => [u.name, u.isAdmin])).toEqual([['ada', false], ['root', true]]);
  });
});
