import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM, type Actor } from '../auth/actor.ts';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';

describe.each(dialects)('principals on %s', (dialect) => {
  let test: TestPlatform;
  let ids: { user: string; org: string; community: string };
  let carol: Actor;
  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    const { platform } = test;
    const org = await platform.organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', country: 'MU' });
    const user = await platform.users.addUser({ name: 'carol', password: 'carol-password', organisation: org.id });
    const { community } = await platform.communityApiRoots.add(SYSTEM, { name: 'Arab CIRTs' });
    await platform.communities.join(SYSTEM, community.id, org.id);
    ids = { user: user.id, org: org.id, community: community.id };
    carol = { kind: 'user', userId: user.id, name: 'carol', roles: ['analyst'], organisationId: org.id };
  });
  afterAll(() => test.close());

  it('accepts a principal of each kind that names something by id', async () => {
    for (const principal of [`user:${ids.user}`, `org:${ids.org}`, `community:${ids.community}`, 'authenticated']) {
      await expect(test.platform.principals.check(SYSTEM, principal)).resolves.toBeUndefined();
    }
  });

  it('refuses an unknown kind as invalid and a name or an absent id as not found', async () => {
    for (const principal of ['everyone', 'role:admin', 'org:', 'carol', '']) {
      await expect(test.platform.principals.check(SYSTEM, principal), principal).rejects.toMatchObject({ kind: 'invalid', code: 'principal.invalid_kind' });
    }
    for (const principal of ['user:carol', 'org:CERT-MU', 'community:Arab CIRTs', 'org:00000000-0000-4000-8000-000000000000']) {
      await expect(test.platform.principals.check(SYSTEM, principal), principal).rejects.toMatchObject({ kind: 'not_found', code: 'principal.not_found' });
    }
  });

  it('describes a user with its organisation and communities, and refuses anyone else', async () => {
    const caller = await test.platform.principals.describe(carol);
    expect(caller.user.name).toBe('carol');
    expect(caller.organisation?.id).toBe(ids.org);
    expect(caller.communities.map((c) => c.id)).toEqual([ids.community]);
    await expect(test.platform.principals.describe(ANONYMOUS)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});
