import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, openTestDatabase, type TestStore } from '../../../test/support/databases.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { authMigrations } from './auth-migrations.ts';

describe.each(dialects)('auth schema on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('applies once, with auth- ids', async () => {
    expect(await migrate(db, authMigrations)).toEqual(['auth-0001-users', 'auth-0002-api-tokens', 'auth-0003-user-roles', 'auth-0004-user-language', 'auth-0005-token-expiry']);
    expect(await migrate(db, authMigrations)).toEqual([]);
  });

  it('keeps user names unique regardless of case and booleans to 0 or 1', async () => {
    const insert = 'INSERT INTO users (id, name, password_hash, created_at, disabled) VALUES (?, ?, NULL, ?, ?)';
    await db.run(insert, ['u1', 'Alice', Date.now(), 0]);
    await expect(db.run(insert, ['u2', 'alice', Date.now(), 0])).rejects.toThrow();
    await expect(db.run(insert, ['u3', 'carol', Date.now(), 2])).rejects.toThrow();
  });

  it('ties roles to an existing user, each role once', async () => {
    const insert = 'INSERT INTO user_roles (user_id, role) VALUES (?, ?)';
    await db.run(insert, ['u1', 'viewer']);
    await expect(db.run(insert, ['u1', 'viewer'])).rejects.toThrow();
    await expect(db.run(insert, ['nobody', 'viewer'])).rejects.toThrow();
  });

  it('ties tokens to an existing user and keeps their hashes unique', async () => {
    const insert = 'INSERT INTO api_tokens (id, user_id, label, token_hash, created_at) VALUES (?, ?, ?, ?, ?)';
    await db.run(insert, ['t1', 'u1', 'ci', 'h1', 1_700_000_000_000]);
    await expect(db.run(insert, ['t2', 'u1', 'ci', 'h1', 1])).rejects.toThrow();
    await expect(db.run(insert, ['t3', 'nobody', 'ci', 'h3', 1])).rejects.toThrow();
    const row = await db.get('SELECT created_at, last_used_at, revoked_at FROM api_tokens WHERE id = ?', ['t1']);
    expect(row).toEqual({ created_at: 1_700_000_000_000, last_used_at: null, revoked_at: null });
  });
});
