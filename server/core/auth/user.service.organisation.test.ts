// A user's organisation: reported when given, and an unknown one stores nothing at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { SYSTEM } from './actor.ts';

describe.each(dialects)('users in organisations on %s', (dialect) => {
  let test: TestPlatform;
  let orgId: string;
  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    orgId = (await test.platform.organisations.add(SYSTEM, { name: 'ngCERT', type: 'member-state', subtype: 'national-cirt', country: 'NG' })).id;
  });
  afterAll(() => test.close());

  it('adds a user to an organisation named by name or id, and reports it', async () => {
    const users = test.platform.users;
    expect(await users.addUser({ name: 'ada', password: 'a long password', organisation: 'NGCERT' })).toMatchObject({ organisationId: orgId });
    expect(await users.addUser({ name: 'obi', password: 'a long password', organisation: orgId })).toMatchObject({ organisationId: orgId });
    expect((await users.findUser('ada'))?.organisationId).toBe(orgId);
    expect((await users.listUsers()).map((u) => [u.name, u.organisationId])).toEqual([['ada', orgId], ['obi', orgId]]);
  });

  it('keeps users without an organisation working', async () => {
    expect((await test.platform.users.addUser({ name: 'solo', password: 'a long password' })).organisationId).toBeNull();
  });

  it('refuses an unknown organisation and creates nothing, not even an audit entry', async () => {
    const before = await test.platform.audit.verify(SYSTEM);
    for (const organisation of ['No Such CERT', '00000000-0000-4000-8000-000000000000']) {
      await expect(test.platform.users.addUser({ name: 'ghost', password: 'a long password', organisation })).rejects.toMatchObject({
        kind: 'not_found',
        code: 'organisation.not_found',
        params: { organisation },
      });
    }
    expect(await test.platform.users.findUser('ghost')).toBeUndefined();
    expect((await test.platform.audit.verify(SYSTEM)).head).toEqual(before.head);
  });

  it('records the organisation with user.add', async () => {
    const start = (await test.platform.audit.verify(SYSTEM)).head.seq;
    const user = await test.platform.users.addUser({ name: 'chi', password: 'a long password', organisation: orgId });
    const [entry] = await test.platform.audit.list(SYSTEM, { after: start, limit: 10 });
    expect(entry).toMatchObject({ action: 'user.add', target: user.id });
    expect(JSON.parse(entry!.details)).toEqual({ name: 'chi', roles: 'analyst', organisation: orgId });
  });
});
