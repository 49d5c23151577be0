// `thiqa org add`, `org list` and `user add --org` through the real command, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

interface Org {
  id: string;
  name: string;
  type: string;
  subtype: string | null;
  country: string | null;
  identityId: string;
  identity: { id: string; name: string };
}

describe.each(dialects)('organisation commands on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
  });
  afterAll(() => store.drop());

  it('org add answers the organisation and its identity', async () => {
    const added = await cli(['org', 'add', 'CERT-MU', '--type', 'member-state', '--subtype', 'national-cirt', '--country', 'mu', '--sector', 'government', '--json']);
    expect(added.code).toBe(0);
    const org = jsonOf<{ organisation: Org }>(added).organisation;
    expect(org).toMatchObject({ name: 'CERT-MU', type: 'member-state', subtype: 'national-cirt', country: 'MU' });
    expect(org.identity).toMatchObject({ id: org.identityId, name: 'CERT-MU' });
    expect((await cli(['org', 'add', 'Orange', '--type', 'sector-member', '--subtype', 'operator', '--country', 'FR'])).stdout).toMatch(/^Added organisation Orange \(/);
  });

  it('org add --identity gives the organisation the identity its own hub gave it', async () => {
    const identity = 'identity--0e8b2f6d-93a1-4c55-8b7e-4d2a61f3c9b8';
    const added = await cli(['org', 'add', 'Regional hub', '--type', 'regional-international', '--identity', identity, '--json']);
    expect(added.code).toBe(0);
    expect(jsonOf<{ organisation: Org }>(added).organisation).toMatchObject({ identityId: identity, identity: { id: identity } });
    const again = await cli(['org', 'add', 'Other hub', '--type', 'regional-international', '--identity', identity, '--json']);
    expect(again.code).toBe(1);
    expect(jsonOf<{ error: { code: string } }>(again).error.code).toBe('organisation.identity_taken');
  });

  it('org add refuses bad input with a stable code and exit status 1', async () => {
    for (const [args, code] of [
      [['--type', 'member-state', '--country', 'EU'], 'organisation.invalid_country'],
      [['--type', 'member-state'], 'organisation.country_required'],
      [['--type', 'club', '--country', 'FR'], 'organisation.invalid_type'],
    ] as const) {
      const result = await cli(['org', 'add', 'Bad', ...args, '--json']);
      expect(result.code).toBe(1);
      expect(jsonOf<{ error: { code: string } }>(result).error.code).toBe(code);
    }
    const taken = await cli(['org', 'add', 'cert-mu', '--type', 'academia', '--country', 'MU', '--json']);
    expect(taken.code).toBe(1);
    expect(jsonOf<{ error: { code: string } }>(taken).error.code).toBe('organisation.exists');
    expect((await cli(['org', 'add', 'NoType', '--country', 'FR'])).code).toBe(2);
  });

  it('org list shows every organisation, as JSON and as a table', async () => {
    const listed = jsonOf<{ organisations: Org[] }>(await cli(['org', 'list', '--json'])).organisations;
    expect(listed.map((o) => o.name)).toEqual(['CERT-MU', 'Orange', 'Regional hub']);
    expect((await cli(['org', 'list'])).stdout).toMatch(/^NAME +TYPE +COUNTRY +SECTOR +ID\nCERT-MU +member-state\/national-cirt +MU +government /);
  });

  it('user add --org puts the user in the organisation (by name or id)', async () => {
    const org = jsonOf<{ organisations: Org[] }>(await cli(['org', 'list', '--json'])).organisations[0]!;
    const byName = await cli(['user', 'add', 'analyst', '--org', 'cert-mu', '--json'], 'a long enough password\n');
    expect(byName.code).toBe(0);
    expect(jsonOf<{ user: { organisationId: string } }>(byName).user.organisationId).toBe(org.id);
    const byId = await cli(['user', 'add', 'lead', '--org', org.id, '--admin', '--json'], 'a long enough password\n');
    expect(jsonOf<{ user: { organisationId: string; isAdmin: boolean } }>(byId).user).toMatchObject({ organisationId: org.id, isAdmin: true });
    expect((await cli(['user', 'list'])).stdout).toMatch(/analyst +analyst +active +CERT-MU /);
  });

  it('user add --org with an unknown organisation is not found (3) and adds nobody', async () => {
    const result = await cli(['user', 'add', 'ghost', '--org', 'Nowhere', '--json'], 'a long enough password\n');
    expect(result.code).toBe(3);
    expect(jsonOf<{ error: { code: string } }>(result).error).toMatchObject({ code: 'organisation.not_found' });
    const users = jsonOf<{ users: { name: string }[] }>(await cli(['user', 'list', '--json'])).users;
    expect(users.map((u) => u.name)).not.toContain('ghost');
  });
});
