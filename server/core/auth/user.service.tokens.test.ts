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
import { hashToken } from './token.ts';
import { UserRepository } from './user.repository.ts';
import { UserService } from './user.service.ts';

describe.each(dialects)('API tokens of users on %s', (dialect) => {
  let store: TestStore;
  let db: Database;
  let service: UserService;
  let now = 1_700_000_000_000;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    db = await openTestDatabase(store);
    await migrate(db, [...authMigrations, ...organisationMigrations, ...auditMigrations]);
    service = new UserService(new UserRepository(db), new TokenRepository(db), new AuditLog(new AuditRepository(db)), { now: () => now });
    await service.addUser({ name: 'ops', password: 'a long password' });
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('stores only the hash of a new token', async () => {
    const { token, id } = await service.createToken('ops', 'misp sync');
    expect(token).toMatch(/^thq_[A-Za-z0-9_-]{43}$/);
    const rows = await db.all('SELECT * FROM api_tokens');
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(rows).toContainEqual(expect.objectContaining({ id, token_hash: hashToken(token), label: 'misp sync' }));
  });

  it('lists a user’s tokens without the secret', async () => {
    const { id } = await service.createToken('OPS', 'reporting');
    const tokens = await service.listTokens('ops');
    expect(tokens.find((token) => token.id === id)).toEqual({ id, label: 'reporting', createdAt: now, lastUsedAt: null, revokedAt: null });
    expect(Object.keys(tokens[0] ?? {})).not.toContain('tokenHash');
  });

  it('revokes a token once; revoking again changes nothing', async () => {
    const { id } = await service.createToken('ops', 'to revoke');
    now += 5_000;
    await service.revokeToken(id);
    const revokedAt = now;
    now += 5_000;
    await service.revokeToken(id);
    expect((await service.listTokens('ops')).find((token) => token.id === id)?.revokedAt).toBe(revokedAt);
  });

  it('answers not found for an unknown token or user', async () => {
    await expect(service.revokeToken('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      kind: 'not_found',
      code: 'token.not_found',
    });
    await expect(service.createToken('nobody', 'x')).rejects.toMatchObject({ code: 'user.not_found' });
    await expect(service.listTokens('nobody')).rejects.toMatchObject({ code: 'user.not_found' });
  });

  it.each(['', 'x'.repeat(101), 'line\nbreak'])('refuses the label %j', async (label) => {
    await expect(service.createToken('ops', label)).rejects.toMatchObject({ kind: 'invalid', code: 'token.invalid_label' });
  });
});
