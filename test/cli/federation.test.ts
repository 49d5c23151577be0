// `thiqa peer add|list|remove` and `thiqa link add|list|remove` through the real command, on both databases:
// credentials read from standard input and never printed; removing a link, then a peer with its links; what
// is not there answered with its code and exit status 3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs, type CliResult } from './cli-runner.ts';

interface Peer {
  id: string;
  name: string;
  apiRootUrl: string;
  auth: string;
}

interface Link {
  id: string;
  peerId: string;
  direction: string;
  propagateDeletions: boolean;
}

const PASSWORD = 'peer-password-never-printed';
const errorCode = (run: CliResult) => jsonOf<{ error: { code: string } }>(run).error.code;

describe.each(dialects)('peer and link commands on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[], input?: string) => Promise<CliResult>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
    expect((await cli(['org', 'add', 'Regional hub', '--type', 'regional-international', '--json'])).code).toBe(0);
  });
  afterAll(() => store.drop());

  it('adds a peer with credentials from standard input, lists it without them, and links a collection', async () => {
    const added = await cli(['peer', 'add', 'regional', 'https://regional.example/region', '--org', 'Regional hub', '--user', 'hub-national', '--password-stdin', '--json'], `${PASSWORD}\n`);
    expect(added.code, added.stderr).toBe(0);
    expect(jsonOf<{ peer: Peer }>(added).peer).toMatchObject({ name: 'regional', apiRootUrl: 'https://regional.example/region/', auth: 'basic' });
    const listed = await cli(['peer', 'list', '--json']);
    expect(jsonOf<{ peers: Peer[] }>(listed).peers.map((p) => p.name)).toEqual(['regional']);
    expect(listed.stdout).not.toContain(PASSWORD);
    const linked = await cli(['link', 'add', 'regional', '--remote-collection', 'c1', '--local-collection', 'default', '--direction', 'pull', '--deletions', '--json']);
    expect(linked.code, linked.stderr).toBe(0);
    expect(jsonOf<{ link: Link }>(linked).link).toMatchObject({ direction: 'pull', propagateDeletions: true });
  });

  it('link remove removes the link, once; the next answers link.not_found with exit status 3', async () => {
    const pushed = jsonOf<{ link: Link }>(await cli(['link', 'add', 'regional', '--remote-collection', 'c2', '--local-collection', 'default', '--direction', 'push', '--json'])).link;
    const removed = await cli(['link', 'remove', pushed.id, '--json']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(jsonOf<{ link: Link }>(removed).link).toMatchObject({ id: pushed.id, direction: 'push' });
    const links = jsonOf<{ links: Link[] }>(await cli(['link', 'list', '--json'])).links;
    expect(links.map((l) => l.id)).not.toContain(pushed.id);
    expect(links).toHaveLength(1);
    const again = await cli(['link', 'remove', pushed.id, '--json']);
    expect([again.code, errorCode(again)]).toEqual([3, 'link.not_found']);
  });

  it('peer remove removes the peer and its links; the next answers peer.not_found with exit status 3', async () => {
    const removed = await cli(['peer', 'remove', 'Regional']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/^Removed peer regional \(.+\) and its 1 link\./);
    expect(jsonOf<{ peers: Peer[] }>(await cli(['peer', 'list', '--json'])).peers).toEqual([]);
    expect(jsonOf<{ links: Link[] }>(await cli(['link', 'list', '--json'])).links).toEqual([]);
    const again = await cli(['peer', 'remove', 'regional', '--json']);
    expect([again.code, errorCode(again)]).toEqual([3, 'peer.not_found']);
  });
});
