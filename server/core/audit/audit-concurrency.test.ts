// Two platforms on one store (two processes or nodes) appending at once still make one gapless chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { SYSTEM } from '../auth/actor.ts';
import type { Platform } from '../../platform.ts';

describe.each(dialects)('concurrent audit appends on %s', (dialect) => {
  let test: TestPlatform;
  let other: Platform;
  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    other = await test.another();
  });
  afterAll(() => test.close());

  it('interleaves appends from two connections into one valid chain', async () => {
    const perSide = 40;
    const append = (platform: Platform, side: string) =>
      Promise.all(Array.from({ length: perSide }, (_, i) => platform.audit.record(SYSTEM, { action: 'objects.add', target: `${side}${i}` })));
    const [a, b] = await Promise.all([append(test.platform, 'a'), append(other, 'b')]);
    const seqs = [...a, ...b].map((entry) => entry.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 2 * perSide }, (_, i) => i + 1));
    expect(await other.audit.verify(SYSTEM)).toMatchObject({ ok: true, entries: 2 * perSide, head: { seq: 2 * perSide } });
  });

  it('keeps the chain valid when audited changes race from both sides', async () => {
    const before = (await test.platform.audit.verify(SYSTEM)).entries;
    await Promise.all([
      test.platform.users.addUser({ name: 'one', password: 'a long password' }),
      other.users.addUser({ name: 'two', password: 'a long password' }),
      test.platform.audit.record(SYSTEM, { action: 'auth.sign_in_failed' }),
      other.audit.record(SYSTEM, { action: 'auth.sign_in_failed' }),
    ]);
    expect(await test.platform.audit.verify(SYSTEM)).toMatchObject({ ok: true, entries: before + 4 });
  });
});
