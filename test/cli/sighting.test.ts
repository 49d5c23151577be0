// Sightings through the real `thiqa` command on both databases: `sighting add` for the user's organisation
// (--as) and anonymously, `sighting list` with the aggregate (text and --json), and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

interface Posted {
  sighting: { id: string; count: number; created_by_ref: string | null; anonymous: boolean; tlp: string };
}
interface Listed {
  aggregate: { sightings: number; total_count: number; organisations: number; anonymous: number; first_seen: string | null; last_seen: string | null };
  sightings: { id: string }[];
}
type Failed = { error: { code: string } };

describe.each(dialects)('sighting commands on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;
  let identity: string;
  const target = indicator({ pattern: "[ipv4-addr:value = '198.51.100.7']" });
  const id = target.id as string;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
    identity = jsonOf<{ organisation: { identityId: string } }>(await cli(['org', 'add', 'CERT-MU', '--type', 'member-state', '--country', 'MU', '--json'])).organisation.identityId;
    expect((await cli(['user', 'add', 'alice', '--org', 'CERT-MU'], 'alice-password\n')).code).toBe(0);
    expect((await cli(['collection', 'grant', 'default', 'org:CERT-MU', '--read', '--write'])).code).toBe(0);
    const bundle = JSON.stringify({ type: 'bundle', id: 'bundle--6d0092c5-5f74-4287-9642-33f4c354e56d', objects: [target] });
    expect((await cli(['import', '-', '--collection', 'default', '--json'], bundle)).code).toBe(0);
  }, 120_000);
  afterAll(() => store.drop());

  it('adds a sighting for the user’s organisation and an anonymous one, and lists them with their aggregate', async () => {
    const added = await cli(['sighting', 'add', id, '--collection', 'default', '--count', '4', '--first-seen', '2026-06-01T00:00:00Z', '--where', 'border routers', '--as', 'alice', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(jsonOf<Posted>(added).sighting).toMatchObject({ count: 4, created_by_ref: identity, anonymous: false, tlp: 'green' });
    const anonymous = await cli(['sighting', 'add', id, '--collection', 'default', '--anonymous', '--as', 'alice']);
    expect(anonymous.stdout).toMatch(/^Sighting sighting--[0-9a-f-]{36} of indicator--[0-9a-f-]{36} \(1 time, TLP:GREEN\) reported anonymously\.\n$/);

    const listed = jsonOf<Listed>(await cli(['sighting', 'list', id, '--collection', 'default', '--as', 'alice', '--json']));
    expect(listed.aggregate).toEqual({ sightings: 2, total_count: 5, organisations: 1, anonymous: 1, first_seen: '2026-06-01T00:00:00Z', last_seen: null });
    const text = await cli(['sighting', 'list', id, '--collection', 'default']);
    expect(text.stdout.split('\n')[0]).toBe(`2 sightings of ${id}: seen 5 times, by 1 organisation and 1 anonymously; first 2026-06-01T00:00:00Z, last -.`);
    expect(text.stdout).toMatch(/anonymous/);
  });

  it('refuses bad input with its code and exit status', async () => {
    const system = await cli(['sighting', 'add', id, '--collection', 'default', '--json']);
    expect([system.code, jsonOf<Failed>(system).error.code]).toEqual([1, 'sighting.organisation_required']);
    const strict = await cli(['sighting', 'add', id, '--collection', 'default', '--anonymous', '--tlp', 'red', '--as', 'alice', '--json']);
    expect([strict.code, jsonOf<Failed>(strict).error.code]).toEqual([1, 'sighting.anonymous_tlp']);
    const missing = await cli(['sighting', 'list', 'indicator--00000000-0000-4000-8000-000000000999', '--collection', 'default', '--json']);
    expect([missing.code, jsonOf<Failed>(missing).error.code]).toEqual([3, 'object.not_found']);
    expect((await cli(['sighting', 'add', id, '--collection', 'default', '--count', 'lots'])).code).toBe(2);
  });
});
