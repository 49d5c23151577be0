// A grant opens a collection only as far as the user's roles allow: a viewer reads but never writes, even
// where the grant gives write; a user without roles sees nothing; anonymous access stays with its grant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { bootstrap } from '../../../bootstrap.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';
import { envelope, indicator } from '../../../../test/support/stix-factory.ts';

describe.each(dialects)('collection access by role on %s', (dialect) => {
  let test: TestPlatform;
  let collectionId: string;
  const actor = (roles: string[]): Actor => ({ kind: 'user', userId: `id-${roles.join('-') || 'none'}`, name: 'x', roles, organisationId: null });

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    collectionId = (await bootstrap(test.platform)).collectionId!;
    await test.platform.collections.grant(SYSTEM, collectionId, 'authenticated', { read: true, write: true });
    await test.platform.collections.grant(SYSTEM, collectionId, 'anonymous', { read: true, write: false });
  });
  afterAll(() => test.close());

  it('lets a viewer read but not write where the grant gives both', async () => {
    const viewer = actor(['viewer']);
    expect(await test.platform.collections.get(viewer, 'thiqa', collectionId)).toMatchObject({ canRead: true, canWrite: false });
    await expect(test.platform.objects.add(viewer, 'thiqa', collectionId, envelope(indicator()))).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'collection.write_forbidden',
    });
  });

  it('lets an analyst (and an org-admin, an analyst too) read and write, and a viewer read what was written', async () => {
    for (const roles of [['analyst'], ['org-admin']]) {
      expect(await test.platform.collections.get(actor(roles), 'thiqa', collectionId)).toMatchObject({ canRead: true, canWrite: true });
    }
    const object = indicator();
    expect((await test.platform.objects.add(actor(['analyst']), 'thiqa', collectionId, envelope(object))).successes).toHaveLength(1);
    const page = await test.platform.objects.list(actor(['viewer']), 'thiqa', collectionId, {});
    expect(page.rows.map((row) => row.id)).toEqual([object.id]);
  });

  it('hides the collection from a user with no roles, and leaves anonymous access to its grant', async () => {
    await expect(test.platform.collections.get(actor([]), 'thiqa', collectionId)).rejects.toMatchObject({ code: 'collection.not_found' });
    expect(await test.platform.collections.get(ANONYMOUS, 'thiqa', collectionId)).toMatchObject({ canRead: true, canWrite: false });
  });
});
