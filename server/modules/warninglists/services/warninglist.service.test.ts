// The warning list service on both databases: import outcomes (imported, updated by a newer version keeping
// whether it is enabled, unchanged for an older or equal one, refused with its problems, entries skipped), who
// may import, the audit entries, and the in-memory index brought up to date after a change made by another
// process once the clock is read again (`REFRESH_MS`), never before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import type { Platform } from '../../../platform.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';
import { WarningListRepository } from '../repositories/warninglist.repository.ts';
import { REFRESH_MS, WarningListService } from './warninglist.service.ts';

const list = (version: number, entries: string[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'Test resolvers', version, description: 'resolvers for the test', type: 'cidr', matching_attributes: ['ip-dst'], list: entries, ...extra });

describe.each(dialects)('warning list service on %s', (dialect) => {
  let test: TestPlatform;
  let platform: Platform;
  let analyst: Actor;
  const imports = async () => (await platform.audit.list(SYSTEM, { limit: 1000 })).filter((e) => e.action === 'warninglists.import');

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    platform = test.platform;
    const user = await platform.users.addUser({ name: 'analyst', password: 'analyst-password' });
    analyst = { kind: 'user', userId: user.id, name: 'analyst', roles: user.roles, organisationId: null };
  });
  afterAll(() => test.close());

  it('imports a new list enabled, reports entries skipped, and audits it', async () => {
    const [result] = await platform.warningLists.import(SYSTEM, [{ file: 'test/list.json', content: list(2, ['192.0.2.0/24', 'nonsense']) }]);
    expect(result).toMatchObject({ outcome: 'imported', name: 'Test resolvers', version: 2, previousVersion: null, entries: 1, problems: [] });
    expect(result!.skipped.map((p) => `${p.rule} ${p.path}`)).toEqual(['warninglist-invalid-entry $.list[1]']);
    expect(await platform.warningLists.list()).toMatchObject([{ name: 'Test resolvers', version: 2, entryCount: 1, enabled: true, importedBy: 'system' }]);
    expect(await platform.warningLists.check('ipv4-addr', '192.0.2.9')).toHaveLength(1);
    const [entry] = await imports();
    expect(entry).toMatchObject({ actor: 'system', target: 'Test resolvers' });
    expect(JSON.parse(entry!.details as unknown as string)).toEqual({ file: 'test/list.json', type: 'cidr', version: 2, previous_version: null, entries: 1, skipped: 1 });
  });

  it('keeps the stored list for an older or equal version, and replaces it with a newer one, still disabled', async () => {
    await platform.warningLists.setEnabled(SYSTEM, 'Test resolvers', false);
    const [older, same] = await platform.warningLists.import(SYSTEM, [
      { file: 'old/list.json', content: list(1, ['198.51.100.0/24']) },
      { file: 'same/list.json', content: list(2, ['198.51.100.0/24']) },
    ]);
    expect(older).toMatchObject({ outcome: 'unchanged', version: 1, previousVersion: 2 });
    expect(same).toMatchObject({ outcome: 'unchanged', version: 2, previousVersion: 2 });
    expect(await imports()).toHaveLength(1);
    const [newer] = await platform.warningLists.import(SYSTEM, [{ file: 'new/list.json', content: list(3, ['198.51.100.0/24', '2001:db8::/32']) }]);
    expect(newer).toMatchObject({ outcome: 'updated', version: 3, previousVersion: 2, entries: 2 });
    expect(await platform.warningLists.list()).toMatchObject([{ version: 3, entryCount: 2, enabled: false }]);
    expect(await platform.warningLists.check('ipv4-addr', '198.51.100.1')).toEqual([]);
    await platform.warningLists.setEnabled(SYSTEM, 'Test resolvers', true);
    expect(await platform.warningLists.check('ipv4-addr', '198.51.100.1')).toHaveLength(1);
    expect(await platform.warningLists.check('ipv4-addr', '192.0.2.9')).toEqual([]);
    expect(await platform.warningLists.check('ipv6-addr', '2001:db8::5')).toHaveLength(1);
  });

  it('refuses a file that is no list with its problems, and goes on with the others', async () => {
    const results = await platform.warningLists.import(SYSTEM, [
      { file: 'broken/list.json', content: '{"name": "x", "type": "fuzzy", "version": 1, "list": []}' },
      { file: 'other/list.json', content: list(1, ['a.example'], { name: 'Other', type: 'hostname', matching_attributes: ['domain'] }) },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'imported']);
    expect(results[0]!.problems).toMatchObject([{ rule: 'warninglist-unknown-type', path: '$.type', file: 'broken/list.json' }]);
    expect((await platform.warningLists.list()).map((l) => l.name)).toEqual(['Other', 'Test resolvers']);
  });

  it('lets only administrators and the operator import, enable or disable', async () => {
    expect(await errorCode(platform.warningLists.import(analyst, [{ file: 'a.json', content: list(9, []) }]))).toBe('warninglists.manage_forbidden');
    expect(await errorCode(platform.warningLists.setEnabled(analyst, 'Other', false))).toBe('warninglists.manage_forbidden');
    expect(await errorCode(platform.warningLists.setEnabled(SYSTEM, 'Nothing', false))).toBe('warninglists.not_found');
    expect((await platform.warningLists.list()).find((l) => l.name === 'Test resolvers')!.version).toBe(3);
  });

  it('sees another process’s change once the clock is read again, not before', async () => {
    const other = await test.another();
    let now = 1_000_000;
    const reader = new WarningListService(new WarningListRepository(platform.db), platform.audit, () => now);
    expect(await reader.check('domain-name', 'www.a.example')).toHaveLength(1);
    expect(reader.isListed('domain-name', 'www.a.example')).toBe(true);
    await other.warningLists.setEnabled(SYSTEM, 'Other', false);
    now += REFRESH_MS - 1;
    expect(await reader.check('domain-name', 'www.a.example')).toHaveLength(1);
    now += 1;
    expect(await reader.check('domain-name', 'www.a.example')).toEqual([]);
    expect(reader.isListed('domain-name', 'www.a.example')).toBe(false);
  });

  it('flags objects from the index in hand while the newer one is built, then from the newer one', async () => {
    const other = await test.another();
    let now = 5_000_000;
    const reader = new WarningListService(new WarningListRepository(platform.db), platform.audit, () => now);
    const domain = { type: 'domain-name', value: 'x.a.example' };
    expect(await reader.flagsOf([domain, { type: 'malware', name: 'm' }])).toEqual([[], []]);
    await other.warningLists.setEnabled(SYSTEM, 'Other', true);
    now += REFRESH_MS;
    // Due for a refresh: this read answers from the index in hand and starts building the newer one.
    expect(await reader.flagsOf([domain])).toEqual([[]]);
    await reader.ready();
    expect(await reader.flagsOf([domain])).toEqual([[{ name: 'Other', type: 'hostname', matchedValue: 'x.a.example' }]]);
  });
});
