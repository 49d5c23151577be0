// Adding, listing and finding organisations, who may, and what the audit log records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateObject } from '../../../shared/stix/index.ts';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { ANONYMOUS, SYSTEM, type Actor } from '../auth/actor.ts';

describe.each(dialects)('organisations on %s', (dialect) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(dialect);
  });
  afterAll(() => test.close());

  const admin: Actor = { kind: 'user', userId: 'z9', name: 'root', roles: ['platform-admin'], organisationId: null };
  const alice: Actor = { kind: 'user', userId: 'a1', name: 'alice', roles: ['analyst'], organisationId: null };

  it('adds an organisation with its STIX identity, stored as built', async () => {
    const orgs = test.platform.organisations;
    const added = await orgs.add(SYSTEM, { name: ' CERT Sénégal ', type: 'member-state', subtype: 'national-cirt', country: 'sn', sector: 'Government National' });
    expect(added).toMatchObject({ name: 'CERT Sénégal', type: 'member-state', subtype: 'national-cirt', country: 'SN', sector: 'Government National' });
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(added.identityId).toMatch(/^identity--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(added.identity).toMatchObject({ id: added.identityId, name: 'CERT Sénégal', identity_class: 'organization', sectors: ['government-national'] });
    expect(validateObject(added.identity)).toEqual([]);
    expect(await orgs.find(alice, added.id)).toEqual(added);
  });

  it('takes the identity an organisation already has on another hub, once, and refuses one that is not a STIX identity', async () => {
    const orgs = test.platform.organisations;
    const identity = 'identity--6a1f0c2e-52b4-4f7e-9d3a-2c8b1e4f5a60';
    const added = await orgs.add(SYSTEM, { name: 'Regional hub', type: 'regional-international', identity: identity.toUpperCase().replace('IDENTITY', 'identity') });
    expect(added.identityId).toBe(identity);
    expect(added.identity).toMatchObject({ id: identity, name: 'Regional hub' });
    expect(validateObject(added.identity)).toEqual([]);
    await expect(orgs.add(SYSTEM, { name: 'Another hub', type: 'regional-international', identity })).rejects.toMatchObject({ kind: 'conflict', code: 'organisation.identity_taken', params: { identity } });
    for (const wrong of ['indicator--6a1f0c2e-52b4-4f7e-9d3a-2c8b1e4f5a60', 'identity--not-a-uuid', 'identity-6a1f0c2e-52b4-4f7e-9d3a-2c8b1e4f5a60']) {
      await expect(orgs.add(SYSTEM, { name: 'Another hub', type: 'regional-international', identity: wrong })).rejects.toMatchObject({ kind: 'invalid', code: 'organisation.invalid_identity', params: { identity: wrong, field: 'identity' } });
    }
    expect((await orgs.list(SYSTEM)).map((o) => o.name)).not.toContain('Another hub');
  });

  it('finds by id or by name in any case; an unknown one is not found', async () => {
    const orgs = test.platform.organisations;
    const added = await orgs.add(admin, { name: 'Banque Atlantique', type: 'sector-member', subtype: 'bank', country: 'CI' });
    expect((await orgs.find(SYSTEM, 'banque ATLANTIQUE')).id).toBe(added.id);
    expect((await orgs.find(SYSTEM, added.id.toUpperCase())).id).toBe(added.id);
    for (const unknown of ['Nobody', '00000000-0000-4000-8000-000000000000']) {
      await expect(orgs.find(SYSTEM, unknown)).rejects.toMatchObject({ kind: 'not_found', code: 'organisation.not_found', params: { organisation: unknown } });
    }
  });

  it('lists organisations by name', async () => {
    await test.platform.organisations.add(SYSTEM, { name: 'African Union', type: 'regional-international' });
    const names = (await test.platform.organisations.list(alice)).map((o) => o.name);
    expect(names).toEqual(['African Union', 'Banque Atlantique', 'CERT Sénégal', 'Regional hub']);
  });

  it('lets only administrators and the operator add, and signed-in callers see', async () => {
    const orgs = test.platform.organisations;
    await expect(orgs.add(alice, { name: 'Rogue', type: 'academia', country: 'FR' })).rejects.toMatchObject({ kind: 'forbidden', code: 'organisation.forbidden' });
    await expect(orgs.list(ANONYMOUS)).rejects.toMatchObject({ kind: 'forbidden', code: 'organisation.forbidden' });
    await expect(orgs.find(ANONYMOUS, 'African Union')).rejects.toMatchObject({ code: 'organisation.forbidden' });
    expect((await orgs.list(SYSTEM)).map((o) => o.name)).not.toContain('Rogue');
  });

  it('records organisation.add in the audit log, with who added it', async () => {
    const start = (await test.platform.audit.verify(SYSTEM)).head.seq;
    const added = await test.platform.organisations.add(admin, { name: 'Université Cheikh Anta Diop', type: 'academia', country: 'SN', sector: 'education' });
    await expect(test.platform.organisations.add(admin, { name: 'université cheikh anta diop', type: 'academia', country: 'SN' })).rejects.toMatchObject({ code: 'organisation.exists' });
    const entries = await test.platform.audit.list(SYSTEM, { after: start, limit: 10 });
    expect(entries.map((e) => [e.action, e.actor, e.target])).toEqual([['organisation.add', 'user:z9', added.id]]);
    expect(JSON.parse(entries[0]!.details)).toEqual({ name: added.name, type: 'academia', country: 'SN', identity: added.identityId });
    expect((await test.platform.audit.verify(SYSTEM)).ok).toBe(true);
  });
});
