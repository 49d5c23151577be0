import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { ANONYMOUS, SYSTEM, type Actor } from '../auth/actor.ts';
import { GENESIS_HASH, hashEntry } from './audit-chain.ts';
import { parseAnchor } from './audit.service.ts';

describe.each(dialects)('audit log on %s', (dialect) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(dialect);
  });
  afterAll(() => test.close());

  const alice: Actor = { kind: 'user', userId: 'a1', name: 'alice', roles: ['analyst'], organisationId: null };
  const admin: Actor = { kind: 'user', userId: 'z9', name: 'root', roles: ['platform-admin'], organisationId: null };

  it('verifies an empty log, with the genesis head', async () => {
    expect(await test.platform.audit.verify(SYSTEM)).toEqual({ ok: true, entries: 0, head: { seq: 0, hash: GENESIS_HASH }, problems: [] });
  });

  it('appends entries 1, 2, 3… each carrying the hash of the one before', async () => {
    const audit = test.platform.audit;
    const first = await audit.record(alice, { action: 'token.create', target: 't1', details: { label: 'ci', user: 'a1' } });
    const second = await audit.record('mallory', { action: 'auth.sign_in_failed', details: { scheme: 'basic' } });
    const third = await audit.record(SYSTEM, { action: 'collection.create', target: 'c1' });
    expect([first.seq, second.seq, third.seq]).toEqual([1, 2, 3]);
    expect(first).toMatchObject({ actor: 'user:a1', prevHash: GENESIS_HASH, details: '{"label":"ci","user":"a1"}', organisationId: null });
    expect(second).toMatchObject({ actor: 'mallory', target: null, prevHash: first.hash });
    expect(third.prevHash).toBe(second.hash);
    expect(third.hash).toBe(hashEntry(third));
    expect(third.hash).toMatch(/^[0-9a-f]{64}$/);
    const result = await audit.verify(SYSTEM, { pageSize: 2 });
    expect(result).toEqual({ ok: true, entries: 3, head: { seq: 3, hash: third.hash }, problems: [] });
    expect((await audit.verify(admin, { expectHead: { seq: 2, hash: second.hash } })).ok).toBe(true);
  });

  it('shows administrators every entry and other users only their own', async () => {
    const audit = test.platform.audit;
    expect((await audit.list(admin, { limit: 100 })).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await audit.list(alice, { limit: 100 })).map((e) => e.actor)).toEqual(['user:a1']);
    expect((await audit.list(SYSTEM, { after: 1, limit: 1 })).map((e) => e.seq)).toEqual([2]);
    const exported = [];
    for await (const entry of audit.export(alice)) exported.push(entry.seq);
    expect(exported).toEqual([1]);
    await expect(audit.list(ANONYMOUS, { limit: 10 })).rejects.toMatchObject({ kind: 'forbidden', code: 'audit.forbidden' });
    await expect(audit.verify(alice)).rejects.toMatchObject({ kind: 'forbidden', code: 'audit.verify_forbidden' });
  });

  it('refuses bad input with clear errors and writes nothing', async () => {
    const audit = test.platform.audit;
    const before = (await audit.verify(SYSTEM)).head;
    await expect(audit.record(SYSTEM, { action: 'Not A Code' })).rejects.toMatchObject({ code: 'audit.invalid_action' });
    await expect(audit.record(SYSTEM, { action: 'x.y', details: { big: 'x'.repeat(5_000) } })).rejects.toMatchObject({ code: 'audit.details_too_large' });
    await expect(audit.list(SYSTEM, { limit: 0 })).rejects.toMatchObject({ code: 'audit.invalid_limit' });
    expect((await audit.verify(SYSTEM)).head).toEqual(before);
    expect(() => parseAnchor('12:abc')).toThrow(expect.objectContaining({ code: 'audit.invalid_anchor' }));
    expect(parseAnchor(`7:${'a'.repeat(64)}`)).toEqual({ seq: 7, hash: 'a'.repeat(64) });
  });

  it('rolls the entry back with the change it records', async () => {
    const { platform } = test;
    const head = (await platform.audit.verify(SYSTEM)).head;
    // The second add fails on the unique name: neither a user nor an entry is written for it.
    await platform.users.addUser({ name: 'carol', password: 'a long password' });
    await expect(platform.users.addUser({ name: 'CAROL', password: 'a long password' })).rejects.toMatchObject({ code: 'user.exists' });
    const entries = await platform.audit.list(SYSTEM, { after: head.seq, limit: 10 });
    expect(entries.map((e) => e.action)).toEqual(['user.add']);
    await expect(
      platform.db.transaction(async (tx) => {
        await platform.audit.recordIn(tx, SYSTEM, { action: 'config.change' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await platform.audit.verify(SYSTEM)).head.seq).toBe(head.seq + 1);
  });
});
