// `thiqa community add|join|leave|list` and `collection create --community` through the real command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

interface Community {
  id: string;
  name: string;
  slug: string;
  members?: number;
}

const errorCode = (result: Awaited<ReturnType<typeof runCli>>) => jsonOf<{ error: { code: string } }>(result).error.code;

describe.each(dialects)('community commands on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[]) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args) => runCli([...args, ...storeArgs(store)]);
    expect((await cli(['init', '--json'])).code).toBe(0);
    expect((await cli(['org', 'add', 'CERT-MU', '--type', 'member-state', '--country', 'MU'])).code).toBe(0);
  });
  afterAll(() => store.drop());

  it('community add answers the community and its API root', async () => {
    const added = await cli(['community', 'add', 'Arab regional CIRTs', '--description', 'Regional', '--json']);
    expect(added.code).toBe(0);
    const { community, apiRoot } = jsonOf<{ community: Community; apiRoot: { name: string; title: string } }>(added);
    expect(community).toMatchObject({ name: 'Arab regional CIRTs', slug: 'arab-regional-cirts' });
    expect(apiRoot).toMatchObject({ name: 'arab-regional-cirts', title: 'Arab regional CIRTs' });
    expect((await cli(['community', 'add', 'Global'])).stdout).toMatch(/^Added community Global \(.+\), API root \/global\/\./);
    const taken = await cli(['community', 'add', 'GLOBAL', '--json']);
    expect([taken.code, errorCode(taken)]).toEqual([1, 'community.exists']);
  });

  it('community join and leave answer whether anything changed; unknown names are not found (3)', async () => {
    const joined = await cli(['community', 'join', 'arab regional cirts', 'cert-mu', '--json']);
    expect(joined.code).toBe(0);
    expect(jsonOf<{ changed: boolean; community: Community }>(joined)).toMatchObject({ changed: true, community: { slug: 'arab-regional-cirts' } });
    expect((await cli(['community', 'join', 'Arab regional CIRTs', 'CERT-MU'])).stdout).toBe('CERT-MU was already a member of Arab regional CIRTs.\n');
    for (const [args, code] of [
      [['Nowhere', 'CERT-MU'], 'community.not_found'],
      [['Global', 'Nobody'], 'organisation.not_found'],
    ] as const) {
      const result = await cli(['community', 'join', ...args, '--json']);
      expect([result.code, errorCode(result)]).toEqual([3, code]);
    }
    expect(jsonOf<{ changed: boolean }>(await cli(['community', 'join', 'Global', 'CERT-MU', '--json'])).changed).toBe(true);
    expect((await cli(['community', 'leave', 'Global', 'CERT-MU'])).stdout).toBe('CERT-MU left Global.\n');
  });

  it('community list shows member counts, as JSON and as a table', async () => {
    const listed = jsonOf<{ communities: Community[] }>(await cli(['community', 'list', '--json'])).communities;
    expect(listed.map((c) => [c.name, c.members])).toEqual([
      ['Arab regional CIRTs', 1],
      ['Global', 0],
    ]);
    expect((await cli(['community', 'list'])).stdout).toMatch(/^NAME +API ROOT +MEMBERS +ID\nArab regional CIRTs +arab-regional-cirts +1 /);
  });

  it('collection create --community makes the collection in the community’s API root', async () => {
    const created = await cli(['collection', 'create', '--title', 'Shared', '--community', 'Arab regional CIRTs', '--json']);
    expect(created.code).toBe(0);
    const { collection, community } = jsonOf<{ collection: { id: string; apiRoot: string }; community: Community }>(created);
    expect(collection.apiRoot).toBe('arab-regional-cirts');
    expect(community.name).toBe('Arab regional CIRTs');
    const unknown = await cli(['collection', 'create', '--title', 'X', '--community', 'Nowhere', '--json']);
    expect([unknown.code, errorCode(unknown)]).toEqual([3, 'community.not_found']);
    const both = await cli(['collection', 'create', '--title', 'X', '--community', 'Global', '--api-root', 'thiqa', '--json']);
    expect([both.code, errorCode(both)]).toEqual([2, 'usage.community_and_api_root']);
    const titles = jsonOf<{ collections: { title: string }[] }>(await cli(['collection', 'list', '--json'])).collections.map((c) => c.title);
    expect(titles).not.toContain('X');
  });
});
