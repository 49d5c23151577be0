import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/core/config.ts';
import { openPlatform, type Platform } from '../../server/platform.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';
import { dialects } from '../support/databases.ts';
import { envelope, indicator } from '../support/stix-factory.ts';
import { objectsPath, startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

describe.each(dialects)('a next cursor on %s', (dialect) => {
  let first: TestServer;
  let secondPlatform: Platform;
  let second: RunningServer;
  beforeAll(async () => {
    first = await startTestServer(dialect);
    // A second node on the same store, as after a restart or behind a load balancer.
    secondPlatform = await openPlatform(loadConfig({ databaseUrl: first.store.url, dataDir: '.tmp' }, {}));
    second = await startServer(secondPlatform, '127.0.0.1', 0);
  });
  afterAll(async () => {
    await second.close();
    await secondPlatform.close();
    await first.close();
  });

  it('issued by one node is honoured by another, and the pages join without gap or overlap', async () => {
    const objects = Array.from({ length: 7 }, () => indicator());
    await taxii(first, objectsPath(first), { method: 'POST', body: envelope(...objects) });
    const page1 = await taxii(first, `${objectsPath(first)}?limit=3`);
    expect(page1.body.more).toBe(true);
    const onSecond = { ...first, url: second.url };
    const page2 = await taxii(onSecond, `${objectsPath(first)}?next=${encodeURIComponent(page1.body.next)}`);
    expect(page2.status).toBe(200);
    const ids = [...page1.body.objects, ...page2.body.objects].map((o: { id: string }) => o.id);
    expect(ids).toEqual(objects.map((o) => o.id));
    expect(page2.body.more).toBe(false);
  });
});
