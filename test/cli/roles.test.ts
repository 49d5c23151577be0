// `thiqa user add --role`, `user role add/remove`, `role list` and `audit export --org` through the real
// command, on both databases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/core/config.ts';
import { openPlatform } from '../../server/platform.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

interface User {
  name: string;
  roles: string[];
  isAdmin: boolean;
  organisationId: string | null;
}
const PASSWORD = 'a long enough password\n';
const errorOf = (result: Parameters<typeof jsonOf>[0]) => jsonOf<{ error: { code: string; message: string; params: Record<string, unknown> } }>(result).error;

describe.each(dialects)('role commands on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-roles-'));
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
    for (const [name, country] of [['CERT-A', 'QA'], ['CERT-B', 'KW']] as const) {
      expect((await cli(['org', 'add', name, '--type', 'member-state', '--subtype', 'national-cirt', '--country', country])).code).toBe(0);
    }
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('user add gives the --role roles (repeatable), analyst by default, platform-admin for --admin', async () => {
    const ana = await cli(['user', 'add', 'ana', '--org', 'CERT-A', '--role', 'viewer', '--role', 'org-admin', '--json'], PASSWORD);
    expect(ana.code).toBe(0);
    expect(jsonOf<{ user: User }>(ana).user).toMatchObject({ name: 'ana', roles: ['org-admin', 'viewer'], isAdmin: false });
    expect((await cli(['user', 'add', 'bo', '--org', 'CERT-B'], PASSWORD)).stdout).toMatch(/^Added user bo \(.*\), roles: analyst\.\n$/);
    const boss = jsonOf<{ user: User }>(await cli(['user', 'add', 'boss', '--admin', '--json'], PASSWORD)).user;
    expect(boss).toMatchObject({ roles: ['platform-admin'], isAdmin: true });
  });

  it('user add refuses an unknown role (exit 1), naming it and the known roles, and adds nobody', async () => {
    const result = await cli(['user', 'add', 'ghost', '--role', 'viewer', '--role', 'superuser', '--json'], PASSWORD);
    expect(result.code).toBe(1);
    expect(errorOf(result)).toMatchObject({ code: 'role.unknown', params: { role: 'superuser', known: 'analyst, assessment-reviewer, assessment-team, focal-point, gateway-moderator, incident-coordinator, org-admin, platform-admin, viewer' } });
    expect((await cli(['user', 'add', 'ghost', '--role', 'root'], PASSWORD)).stderr).toMatch(/there is no role "root"; the roles are: analyst, assessment-reviewer, assessment-team, focal-point, gateway-moderator, incident-coordinator, org-admin, platform-admin, viewer/);
    const users = jsonOf<{ users: User[] }>(await cli(['user', 'list', '--json'])).users;
    expect(users.map((u) => u.name)).not.toContain('ghost');
  });

  it('user list shows the roles', async () => {
    const listed = (await cli(['user', 'list'])).stdout;
    expect(listed).toMatch(/^NAME +ROLES +STATUS +ORGANISATION +ID\n/);
    expect(listed).toMatch(/\nana +org-admin,viewer +active +CERT-A /);
    expect(listed).toMatch(/\nadmin +platform-admin +active +- /);
  });

  it('role list shows every role with its permissions, as JSON and as a table', async () => {
    const roles = jsonOf<{ roles: { name: string; permissions: string[]; organisationPermissions: string[]; includes: string[] }[] }>(await cli(['role', 'list', '--json'])).roles;
    expect(roles.map((r) => r.name)).toEqual(['analyst', 'assessment-reviewer', 'assessment-team', 'focal-point', 'gateway-moderator', 'incident-coordinator', 'org-admin', 'platform-admin', 'viewer']);
    expect(roles.find((r) => r.name === 'org-admin')).toMatchObject({
      permissions: ['exchange.read', 'exchange.write'],
      organisationPermissions: ['audit.read', 'users.manage'],
      includes: ['analyst'],
    });
    const table = await cli(['role', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ROLE +PERMISSIONS +OWN ORGANISATION +INCLUDES +DESCRIPTION\n/);
    expect(table.stdout).toMatch(/\nviewer +exchange\.read +- +- +reads STIX objects/);
    expect(table.stdout).toMatch(/\nplatform-admin +\* +- +- /);
  });

  it('user role add and remove change one role, say when nothing changed, and refuse bad names', async () => {
    const added = await cli(['user', 'role', 'add', 'bo', 'viewer', '--json']);
    expect(added.code).toBe(0);
    expect(jsonOf<{ user: User; changed: boolean; role: string }>(added)).toMatchObject({ changed: true, role: 'viewer', user: { roles: ['analyst', 'viewer'] } });
    expect((await cli(['user', 'role', 'add', 'bo', 'viewer'])).stdout).toBe('bo already has the role viewer: nothing changed.\n');
    expect((await cli(['user', 'role', 'remove', 'bo', 'analyst'])).stdout).toBe('Took the role analyst from bo (roles: viewer).\n');
    expect(jsonOf<{ changed: boolean }>(await cli(['user', 'role', 'remove', 'bo', 'analyst', '--json'])).changed).toBe(false);
    expect((await cli(['user', 'role', 'add', 'bo', 'analyst'])).stdout).toBe('Gave bo the role analyst (roles: analyst, viewer).\n');
    const unknownRole = await cli(['user', 'role', 'add', 'bo', 'admin', '--json']);
    expect([unknownRole.code, errorOf(unknownRole).code]).toEqual([1, 'role.unknown']);
    const unknownUser = await cli(['user', 'role', 'remove', 'nobody', 'viewer', '--json']);
    expect([unknownUser.code, errorOf(unknownUser).code]).toEqual([3, 'user.not_found']);
    expect((await cli(['user', 'role', 'add', 'bo'])).code).toBe(2);
  });

  it("audit export --org writes only that organisation's entries, and refuses an unknown organisation", async () => {
    const platform = await openPlatform(loadConfig({ databaseUrl: store.url }, {}));
    let orgA: string;
    try {
      const basic = (name: string) => `Basic ${Buffer.from(`${name}:${PASSWORD.trim()}`).toString('base64')}`;
      for (const name of ['ana', 'bo']) await platform.users.authenticate(basic(name));
      orgA = (await platform.organisations.find({ kind: 'system' }, 'CERT-A')).id;
    } finally {
      await platform.close();
    }
    const file = path.join(dir, 'cert-a.jsonl');
    const result = await cli(['audit', 'export', '--org', 'cert-a', '--output', file, '--json']);
    expect(result.code).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(jsonOf(result)).toEqual({ file, entries: 1 });
    expect(lines).toEqual([expect.objectContaining({ action: 'auth.sign_in', organisation_id: orgA, details: { scheme: 'basic' } })]);
    const streamed = await cli(['audit', 'export', '--org', orgA]);
    expect(streamed.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { organisation_id: string }).organisation_id)).toEqual([orgA]);
    const unknown = await cli(['audit', 'export', '--org', 'Nowhere', '--output', path.join(dir, 'none.jsonl'), '--json']);
    expect([unknown.code, errorOf(unknown).code]).toEqual([3, 'organisation.not_found']);
    expect(fs.existsSync(path.join(dir, 'none.jsonl'))).toBe(false);
  });
});
