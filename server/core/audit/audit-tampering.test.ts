// Tampering with the stored log through raw SQL, as someone with database access might: every kind is found
// and located (the first entry where the chain breaks), or — for a consistent rewind — caught by an anchor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { SYSTEM } from '../auth/actor.ts';
import { hashEntry, type AuditEntry } from './audit-chain.ts';

describe.each(dialects)('audit tampering on %s', (dialect) => {
  let test: TestPlatform;
  let entries: AuditEntry[];
  beforeEach(async () => {
    test = await openTestPlatform(dialect);
    entries = [];
    for (let i = 1; i <= 8; i++) entries.push(await test.platform.audit.record(SYSTEM, { action: 'objects.add', target: `c${i}`, details: { stored: i } }));
  });
  afterEach(() => test.close());

  const sql = (text: string, params: (string | number)[] = []) => test.platform.db.run(text, params);
  const verify = (expectHead?: { seq: number; hash: string }) => test.platform.audit.verify(SYSTEM, { pageSize: 3, ...(expectHead ? { expectHead } : {}) });

  it('finds an edited field, at that entry', async () => {
    await sql("UPDATE audit_log SET details = '{\"stored\":400}' WHERE seq = 4");
    const result = await verify();
    expect(result).toMatchObject({ ok: false, entries: 3, problems: [{ seq: 4, kind: 'hash_mismatch' }] });
    expect(result.problems[0]!.message).toMatch(/entry 4 .*edited/);
  });

  it('finds an entry rewritten with a fresh hash of its own, at the entry after it', async () => {
    const forged = { ...entries[4]!, actor: 'user:someone-else' };
    await sql('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 5', [forged.actor, hashEntry(forged)]);
    expect((await verify()).problems).toMatchObject([{ seq: 6, kind: 'broken_link' }]);
  });

  it('finds a deleted entry in the middle', async () => {
    await sql('DELETE FROM audit_log WHERE seq = 4');
    const result = await verify();
    expect(result.problems).toMatchObject([{ seq: 4, kind: 'gap' }]);
    expect(result.problems[0]!.message).toMatch(/expected entry 4, found 5/);
  });

  it('finds two entries swapped, at the first of them', async () => {
    await sql('UPDATE audit_log SET seq = -3 WHERE seq = 3');
    await sql('UPDATE audit_log SET seq = 3 WHERE seq = 6');
    await sql('UPDATE audit_log SET seq = 6 WHERE seq = -3');
    const result = await verify();
    expect(result.problems).toMatchObject([{ seq: 3, kind: 'reordered' }]);
    expect(result.problems[0]!.message).toMatch(/written as entry 6/);
  });

  it('finds the newest entries removed while the head still names them', async () => {
    await sql('DELETE FROM audit_log WHERE seq > 5');
    const result = await verify();
    expect(result).toMatchObject({ ok: false, entries: 5, head: { seq: 8 }, problems: [{ seq: 5, kind: 'head_mismatch' }] });
    expect(result.problems[0]!.message).toMatch(/newest 3 entries were removed/);
  });

  it('misses newest entries removed with the head rewound, unless checked against a recorded head', async () => {
    const anchor = (await verify()).head;
    expect(anchor).toEqual({ seq: 8, hash: entries[7]!.hash });
    await sql('DELETE FROM audit_log WHERE seq > 5');
    await sql('UPDATE audit_head SET seq = 5, hash = ? WHERE id = 1', [entries[4]!.hash]);
    // Consistent: the chain alone cannot tell. This is the documented limit.
    expect(await verify()).toMatchObject({ ok: true, entries: 5 });
    const checked = await verify(anchor);
    expect(checked).toMatchObject({ ok: false, problems: [{ seq: 5, kind: 'head_mismatch' }] });
    expect(checked.problems[0]!.message).toMatch(/before the expected head 8/);
    // An anchor at an older entry still matches; a wrong hash there does not.
    expect((await verify({ seq: 3, hash: entries[2]!.hash })).ok).toBe(true);
    expect((await verify({ seq: 3, hash: entries[3]!.hash })).problems).toMatchObject([{ seq: 3, kind: 'head_mismatch' }]);
  });
});
