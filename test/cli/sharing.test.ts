// TLP through the real command: a collection's default marking, grants to organisations, communities and the
// public, AMBER refused outside a community, and RED never exported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { loadConfig } from '../../server/core/config.ts';
import { openPlatform } from '../../server/platform.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

const errorCode = (result: Awaited<ReturnType<typeof runCli>>) => jsonOf<{ error: { code: string } }>(result).error.code;
const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });

describe.each(dialects)('sharing commands on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
    expect((await cli(['org', 'add', 'CERT-MU', '--type', 'member-state', '--country', 'MU'])).code).toBe(0);
    expect((await cli(['community', 'add', 'Indian Ocean CIRTs'])).code).toBe(0);
    expect((await cli(['community', 'join', 'Indian Ocean CIRTs', 'CERT-MU'])).code).toBe(0);
    expect((await cli(['user', 'add', 'alice', '--org', 'CERT-MU'], 'alice-password\n')).code).toBe(0);
  });
  afterAll(() => store.drop());

  it('collection create takes a default TLP level, and refuses one the hub does not know', async () => {
    const created = await cli(['collection', 'create', '--title', 'Alerts', '--community', 'Indian Ocean CIRTs', '--alias', 'alerts', '--default-tlp', 'AMBER', '--json']);
    expect(created.code).toBe(0);
    expect(jsonOf<{ collection: { defaultTlp: number } }>(created).collection.defaultTlp).toBe(2);
    expect((await cli(['collection', 'list'])).stdout).toMatch(/alerts +AMBER +Alerts/);
    const unknown = await cli(['collection', 'create', '--title', 'X', '--default-tlp', 'orange', '--json']);
    expect([unknown.code, errorCode(unknown)]).toEqual([1, 'collection.unknown_tlp']);
    expect(jsonOf<{ collections: { title: string }[] }>(await cli(['collection', 'list', '--json'])).collections.map((c) => c.title)).not.toContain('X');
  });

  it('collection grant names organisations, communities and the public; anonymous callers only read', async () => {
    for (const principal of ['org:CERT-MU', 'community:indian ocean cirts', 'authenticated']) {
      const granted = await cli(['collection', 'grant', 'default', principal, '--read', '--json']);
      expect(granted.code).toBe(0);
      expect(jsonOf<{ principal: string }>(granted).principal).toMatch(/^(org|community):[0-9a-f-]{36}$|^authenticated$/);
    }
    expect((await cli(['collection', 'grant', 'default', 'anonymous', '--read'])).stdout).toBe('Anyone (public) may now read collection ' + (await defaultId()) + '.\n');
    const write = await cli(['collection', 'grant', 'default', 'anonymous', '--write', '--json']);
    expect([write.code, errorCode(write)]).toEqual([1, 'collection.anonymous_write']);
    const nobody = await cli(['collection', 'grant', 'default', 'org:Nowhere', '--read', '--json']);
    expect([nobody.code, errorCode(nobody)]).toEqual([3, 'organisation.not_found']);
  });

  async function defaultId(): Promise<string> {
    const listed = jsonOf<{ collections: { id: string; alias?: string }[] }>(await cli(['collection', 'list', '--json'])).collections;
    return listed.find((c) => c.alias === 'default')!.id;
  }

  it('import refuses TLP:AMBER outside a community and RED without recipients, naming the rule', async () => {
    const amber = indicator({ object_marking_refs: [TLP2_MARKINGS.amber] });
    const red = indicator({ object_marking_refs: [TLP2_MARKINGS.red] });
    const green = indicator({ object_marking_refs: [TLP2_MARKINGS.green] });
    const result = await cli(['import', '-', '--collection', 'default', '--json'], bundle([amber, red, green]));
    expect(result.code).toBe(1);
    const report = jsonOf<{ sources: { stored: number; rejected: { index: number; problems: { rule: string }[] }[] }[] }>(result).sources[0]!;
    expect(report.stored).toBe(1);
    expect(report.rejected.map((r) => [r.index, r.problems[0]!.rule])).toEqual([
      [0, 'tlp-amber-outside-community'],
      [1, 'tlp-red-without-recipients'],
    ]);
  });

  it('import --as stores on behalf of a user, whose organisation then sees its AMBER+STRICT objects', async () => {
    const strict = indicator({ object_marking_refs: [TLP2_MARKINGS['amber+strict']] });
    expect((await cli(['import', '-', '--collection', 'alerts', '--as', 'alice', '--json'], bundle([strict]))).code).toBe(0);
    const platform = await openPlatform(loadConfig({ databaseUrl: store.url }));
    try {
      const alice = await platform.users.actAs(SYSTEM, 'alice');
      const collection = await platform.collections.find(alice, 'alerts');
      const page = await platform.objects.list(alice, collection.apiRoot, collection.id, { ids: [strict.id as string] });
      expect(page.rows.map((r) => r.id)).toEqual([strict.id]);
    } finally {
      await platform.close();
    }
    const nobody = await cli(['import', '-', '--collection', 'alerts', '--as', 'nobody', '--json'], bundle([indicator()]));
    expect([nobody.code, errorCode(nobody)]).toEqual([3, 'user.not_found']);
  });

  it('export leaves out TLP:RED and the properties only RED readers may see', async () => {
    const red = indicator({ object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['alice'] });
    const partly = indicator({
      object_marking_refs: [TLP2_MARKINGS.amber],
      description: 'the victim is named here',
      granular_markings: [{ marking_ref: TLP2_MARKINGS.red, selectors: ['description'] }],
      x_thiqa_recipient_users: ['alice'],
    });
    const imported = await cli(['import', '-', '--collection', 'alerts', '--json'], bundle([red, partly]));
    expect(imported.code).toBe(0);
    const exported = await cli(['export', 'alerts']);
    expect(exported.code).toBe(0);
    const objects = (JSON.parse(exported.stdout) as { objects: Record<string, unknown>[] }).objects;
    expect(objects.map((o) => o.id)).not.toContain(red.id);
    const served = objects.find((o) => o.id === partly.id);
    expect(served).toBeDefined();
    expect(served).not.toHaveProperty('description');
    expect(served).not.toHaveProperty('granular_markings');
    // As a user of no organisation of the community: nothing of its AMBER collection.
    expect((await cli(['user', 'add', 'guest'], 'guest-password\n')).code).toBe(0);
    const asGuest = await cli(['export', 'alerts', '--as', 'guest', '--json']);
    expect([asGuest.code, errorCode(asGuest)]).toEqual([3, 'collection.not_found']);
  });
});
