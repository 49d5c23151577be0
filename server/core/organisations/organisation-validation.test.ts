// Refused organisations: a stable code, and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { SYSTEM } from '../auth/actor.ts';
import type { NewOrganisation } from './organisation.service.ts';

const refusals: [string, NewOrganisation, string][] = [
  ['an unknown type', { name: 'X1', type: 'company', country: 'FR' }, 'organisation.invalid_type'],
  ['a subtype of another type', { name: 'X2', type: 'member-state', subtype: 'bank', country: 'FR' }, 'organisation.invalid_subtype'],
  ['a subtype on a type without any', { name: 'X3', type: 'academia', subtype: 'other', country: 'FR' }, 'organisation.invalid_subtype'],
  ['a member state without a country', { name: 'X4', type: 'member-state', subtype: 'ministry' }, 'organisation.country_required'],
  ['a sector member with a blank country', { name: 'X5', type: 'sector-member', country: '  ' }, 'organisation.country_required'],
  ['a made-up country', { name: 'X6', type: 'associate', country: 'XX' }, 'organisation.invalid_country'],
  ['a grouping as country', { name: 'X7', type: 'associate', country: 'EU' }, 'organisation.invalid_country'],
  ['a withdrawn country code', { name: 'X8', type: 'associate', country: 'UK' }, 'organisation.invalid_country'],
  ['a numeric area', { name: 'X9', type: 'regional-international', country: '001' }, 'organisation.invalid_country'],
  ['an empty name', { name: '   ', type: 'academia', country: 'FR' }, 'organisation.invalid_name'],
  ['a name with a control character', { name: 'a\u0007b', type: 'academia', country: 'FR' }, 'organisation.invalid_name'],
  ['a sector too long', { name: 'X10', type: 'academia', country: 'FR', sector: 's'.repeat(101) }, 'organisation.invalid_sector'],
];

describe.each(dialects)('organisation validation on %s', (dialect) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(dialect);
  });
  afterAll(() => test.close());

  it.each(refusals)('refuses %s', async (_label, input, code) => {
    await expect(test.platform.organisations.add(SYSTEM, input)).rejects.toMatchObject({ kind: 'invalid', code });
    expect(await test.platform.organisations.list(SYSTEM)).toEqual([]);
  });

  it('refuses a name taken in another case (non-ASCII letters too), keeping the first', async () => {
    const orgs = test.platform.organisations;
    const first = await orgs.add(SYSTEM, { name: 'Ministère du Numérique', type: 'member-state', subtype: 'ministry', country: 'TN' });
    for (const name of ['MINISTÈRE DU NUMÉRIQUE', 'ministère du numérique']) {
      await expect(orgs.add(SYSTEM, { name, type: 'academia', country: 'FR' })).rejects.toMatchObject({ kind: 'conflict', code: 'organisation.exists', params: { name } });
    }
    expect(await orgs.list(SYSTEM)).toEqual([first]);
  });

  it('takes a regional or international organisation with or without a country', async () => {
    const orgs = test.platform.organisations;
    expect((await orgs.add(SYSTEM, { name: 'ITU', type: 'regional-international' })).country).toBeNull();
    expect((await orgs.add(SYSTEM, { name: 'AfricaCERT', type: 'regional-international', country: 'gh' })).country).toBe('GH');
  });
});
