// init, user, token, collection and demo through the real command, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/core/config.ts';
import { openPlatform } from '../../server/platform.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

describe.each(dialects)('store commands on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
  });
  afterAll(() => store.drop());

  it('refuses to work on a store that was never set up', async () => {
    const result = await cli(['collection', 'list', '--json']);
    expect(result.code).toBe(3);
    expect(jsonOf<{ error: { code: string } }>(result).error.code).toBe('store.not_initialised');
  });

  it('init sets the store up once, showing the admin password only then', async () => {
    const first = await cli(['init']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Password: +\S{16}/);
    const again = jsonOf<{ createdApiRoot: boolean; admin: unknown; defaultCollectionId: string }>(await cli(['init', '--json']));
    expect(again).toMatchObject({ createdApiRoot: false, admin: null });
    expect(again.defaultCollectionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('user add reads the password from a pipe', async () => {
    const added = await cli(['user', 'add', 'alice', '--json'], 'correct horse battery\nignored second line\n');
    expect(added.code).toBe(0);
    expect(jsonOf<{ user: { name: string; isAdmin: boolean } }>(added).user).toMatchObject({ name: 'alice', isAdmin: false });
    expect((await cli(['user', 'add', 'root', '--admin'], 'another long one')).stdout).toMatch(/^Added administrator root/);
    const users = jsonOf<{ users: { name: string; isAdmin: boolean }[] }>(await cli(['user', 'list', '--json'])).users;
    expect(users.map((u) => [u.name, u.isAdmin])).toEqual([['admin', true], ['alice', false], ['root', true]]);

    const platform = await openPlatform(loadConfig({ databaseUrl: store.url }));
    try {
      await expect(platform.users.authenticate(`Basic ${Buffer.from('alice:correct horse battery').toString('base64')}`)).resolves.toMatchObject({ name: 'alice' });
    } finally {
      await platform.close();
    }
  });

  it('user add fails without a password (usage, 2) or for a taken name (1)', async () => {
    const missing = await cli(['user', 'add', 'bob'], '');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^thiqa: no password on standard input/);
    const taken = await cli(['user', 'add', 'ALICE', '--json'], 'whatever-long');
    expect(taken.code).toBe(1);
    expect(jsonOf<{ error: { code: string; params: unknown } }>(taken).error).toMatchObject({ code: 'user.exists', params: { name: 'ALICE' } });
  });

  it('token create prints a token once; an unknown user is not found (3)', async () => {
    const created = jsonOf<{ token: string; label: string; id: string }>(await cli(['token', 'create', 'alice', '--label', 'ci', '--json']));
    expect(created.label).toBe('ci');
    expect(created.token.length).toBeGreaterThan(20);
    const human = await cli(['token', 'create', 'alice']);
    expect(human.stdout.split('\n')[1]).toMatch(/^\S{20,}$/);
    expect((await cli(['token', 'create', 'nobody'])).code).toBe(3);
  });

  it('collection create, list and grant', async () => {
    const created = await cli(['collection', 'create', '--title', 'Energy sector', '--alias', 'energy', '--description', 'Grid operators', '--json']);
    expect(created.code).toBe(0);
    const collection = jsonOf<{ collection: { id: string; apiRoot: string; alias: string } }>(created).collection;
    expect(collection).toMatchObject({ apiRoot: 'thiqa', alias: 'energy' });

    const listed = jsonOf<{ collections: { id: string; alias?: string }[] }>(await cli(['collection', 'list', '--json'])).collections;
    expect(listed.map((c) => c.alias).sort()).toEqual(['default', 'energy']);
    expect((await cli(['collection', 'list'])).stdout).toMatch(/^ID +API ROOT +ALIAS +DEFAULT TLP +TITLE\n/);

    const granted = await cli(['collection', 'grant', 'energy', 'alice', '--read', '--write', '--json']);
    expect(granted.code).toBe(0);
    const principal = jsonOf<{ principal: string }>(granted).principal;
    const platform = await openPlatform(loadConfig({ databaseUrl: store.url }));
    try {
      expect(await platform.collections.grantsOn(collection.id)).toEqual([expect.objectContaining({ principal, can_read: 1, can_write: 1 })]);
    } finally {
      await platform.close();
    }
    expect((await cli(['collection', 'grant', 'energy', 'alice'])).code).toBe(2);
    expect((await cli(['collection', 'grant', 'nowhere', 'alice', '--read'])).code).toBe(3);
    expect((await cli(['collection', 'create', '--title', 'Again', '--alias', 'energy'])).code).toBe(1);
  });

  it('demo fills a collection, the same objects for the same seed', async () => {
    const first = jsonOf<{ stored: number; rejected: unknown[] }>(await cli(['demo', '--count', '300', '--collection', 'energy', '--seed', '5', '--json']));
    expect(first).toMatchObject({ objects: 300, stored: 300, rejected: [] });
    const second = await cli(['demo', '--count', '300', '--collection', 'energy', '--seed', '5']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 stored, 300 already there, 0 rejected/);
  });
});
