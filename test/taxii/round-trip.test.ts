import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { hasErrors, validateObject } from '../../shared/stix/index.ts';
import { dialects } from '../support/databases.ts';
import { readJson, referenceBundles } from '../support/reference-data.ts';
import { readAllPages, startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

type StixObject = { id: string; modified?: string; created?: string };
const key = (o: StixObject) => `${o.id}@${o.modified ?? o.created ?? ''}`;

describe.each(dialects)('round trip of the reference bundles over TAXII on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it.each(referenceBundles().map((file) => [file.split('/').pop()!, file]))('%s comes back equal, every object valid', async (_name, file) => {
    const bundle = readJson(file) as { objects: StixObject[] };
    const collection = await server.platform.collections.create(SYSTEM, { apiRoot: 'thiqa', title: `Round trip ${_name}` });
    const path = `/thiqa/collections/${collection.id}/objects/`;
    const posted = await taxii(server, path, { method: 'POST', body: bundle });
    expect(posted.status).toBe(202);
    expect(posted.body.failures).toEqual([]);
    expect(posted.body.success_count).toBe(bundle.objects.length);

    const back = (await readAllPages(server, `${path}?match[version]=all`, 500)) as StixObject[];
    expect(back).toHaveLength(bundle.objects.length);
    const sent = new Map(bundle.objects.map((o) => [key(o), o]));
    for (const object of back) {
      expect(object).toEqual(sent.get(key(object)));
      expect(hasErrors(validateObject(object)), object.id).toBe(false);
    }
  });
});
