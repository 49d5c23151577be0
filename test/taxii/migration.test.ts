/**
 * Migration from another TAXII server on both databases: ids, every version and the source's date_added kept
 * (TAXII reads of the migrated collection serve them), equal, out-of-order and taken values nudged by 1 µs
 * and counted, `added_after` paging across migrated and later-added objects, the store clock moved past
 * migrated values from the future, and who may migrate where.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { TaxiiClient } from '../../server/modules/federation/taxii-client/taxii-client.ts';
import { MigrationService } from '../../server/modules/federation/services/migration.service.ts';
import { timestampMicros } from '../../shared/stix/timestamp.ts';
import { dialects } from '../support/databases.ts';
import { formatMicros, startIndependentServer, type IndependentServer } from '../support/independent-taxii-server.ts';
import { indicator, nextVersion } from '../support/stix-factory.ts';
import { readAllPages, startTestServer, taxii, type TestServer } from '../support/taxii-server.ts';

type Stix = Record<string, unknown>;
const T0 = timestampMicros('2021-03-04T05:06:07.123456Z');
// date_added is unique in the whole store: each test migrates values of its own.
const T1 = timestampMicros('2022-03-04T05:06:07.123456Z');

describe.each(dialects)('migration from another TAXII server on %s', (dialect) => {
  let server: TestServer;
  let migration: MigrationService;
  let sources: IndependentServer[] = [];
  let made = 0;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    migration = new MigrationService(server.platform.objects, server.platform.collections);
  });
  afterAll(() => server.close());
  afterEach(async () => {
    await Promise.all(sources.map((s) => s.close()));
    sources = [];
  });

  async function source(versions: { object: Stix; dateAdded: number }[], pageSize = 4): Promise<IndependentServer> {
    const started = await startIndependentServer({ paging: 'next', pageSize });
    started.preload(versions);
    sources.push(started);
    return started;
  }
  async function emptyCollection(): Promise<string> {
    return (await server.platform.collections.create(SYSTEM, { apiRoot: 'thiqa', title: `Migrated ${++made}`, alias: `migrated-${made}` })).id;
  }
  const remoteOf = async (s: IndependentServer) => new TaxiiClient({ credentials: { kind: 'none' } }).collectionClient(s.apiRoot, s.collectionId);
  const manifest = async (collection: string) =>
    (await readAllPages(server, `/thiqa/collections/${collection}/manifest/?match[version]=all`, 3)) as { id: string; version: string; date_added: string }[];

  it('keeps ids, every version and the source date_added, served back by TAXII', async () => {
    const a = indicator();
    const b = indicator();
    const versions = [
      { object: a, dateAdded: T0 },
      { object: b, dateAdded: T0 + 5 },
      { object: nextVersion(a, '2026-02-01T00:00:00.000Z'), dateAdded: T0 + 86_400_000_000 },
      { object: nextVersion(b, '2026-03-01T00:00:00.000Z'), dateAdded: T0 + 86_400_000_001 },
      ...Array.from({ length: 9 }, (_, i) => ({ object: indicator(), dateAdded: T0 + 100_000_000_000 + i * 7 })),
    ];
    const into = await emptyCollection();
    const report = await migration.migrate(SYSTEM, into, await remoteOf(await source(versions)), { limit: 4 });
    expect(report).toMatchObject({ pulled: 13, stored: 13, nudged: 0, rejected: [], firstDateAdded: formatMicros(T0), lastDateAdded: formatMicros(T0 + 100_000_000_056) });
    const served = await manifest(into);
    expect(served.map((r) => [r.id, timestampMicros(r.date_added)])).toEqual(versions.map((v) => [v.object.id, v.dateAdded]));
    const objects = await readAllPages(server, `/thiqa/collections/${into}/objects/?match[version]=all`, 5);
    expect(objects).toEqual(versions.map((v) => v.object));
  });

  it('nudges equal, out-of-order and taken date_added values by 1 µs and counts them', async () => {
    // A value the store already uses, in another collection: date_added is unique in the whole store.
    const taken = (await manifest(await seededCollection()))[0]!;
    const takenMicros = timestampMicros(taken.date_added);
    const versions = [
      { object: indicator(), dateAdded: T1 },
      { object: indicator(), dateAdded: T1 },
      { object: indicator(), dateAdded: T1 - 10 },
      { object: indicator(), dateAdded: takenMicros },
    ];
    const into = await emptyCollection();
    const report = await migration.migrate(SYSTEM, into, await remoteOf(await source(versions)));
    const served = (await manifest(into)).map((r) => timestampMicros(r.date_added));
    expect(report).toMatchObject({ pulled: 4, stored: 4, nudged: 2 });
    // The source lists by date_added: T1-10, T1, T1 (→ +1), then the taken value (→ +1).
    expect(served).toEqual([T1 - 10, T1, T1 + 1, takenMicros + 1]);
  });

  async function seededCollection(): Promise<string> {
    const id = await emptyCollection();
    await server.platform.objects.add(SYSTEM, 'thiqa', id, { objects: [indicator()] });
    return id;
  }

  it('pages with added_after across migrated and later-added objects; later additions come after', async () => {
    const migrated = Array.from({ length: 6 }, (_, i) => ({ object: indicator(), dateAdded: T0 + i * 1_000 }));
    const into = await emptyCollection();
    await migration.migrate(SYSTEM, into, await remoteOf(await source(migrated)));
    const later = [indicator(), indicator()];
    await server.platform.objects.add(SYSTEM, 'thiqa', into, { objects: later });
    const after = formatMicros(T0 + 2_500);
    const page = await taxii(server, `/thiqa/collections/${into}/objects/?added_after=${after}&limit=2`);
    expect(page.body.objects.map((o: Stix) => o.id)).toEqual([migrated[3]!.object.id, migrated[4]!.object.id]);
    const rest = await readAllPages(server, `/thiqa/collections/${into}/objects/?added_after=${after}`, 2);
    expect(rest.map((o) => (o as Stix).id)).toEqual([...migrated.slice(3).map((m) => m.object.id), ...later.map((o) => o.id)]);
  });

  it('moves the store clock past date_added values from the future, so later additions still come last', async () => {
    const future = timestampMicros('2100-01-01T00:00:00.000000Z');
    const into = await emptyCollection();
    await migration.migrate(SYSTEM, into, await remoteOf(await source([{ object: indicator(), dateAdded: future }])));
    const later = indicator();
    await server.platform.objects.add(SYSTEM, 'thiqa', into, { objects: [later] });
    const served = await manifest(into);
    expect(served.map((r) => r.id)[1]).toBe(later.id);
    expect(timestampMicros(served[1]!.date_added)).toBeGreaterThan(future);
  });

  it('rejects invalid objects with the reason and goes on', async () => {
    const broken = indicator({ pattern: undefined });
    const good = indicator();
    const into = await emptyCollection();
    const report = await migration.migrate(SYSTEM, into, await remoteOf(await source([{ object: broken, dateAdded: T0 }, { object: good, dateAdded: T0 + 1 }])));
    expect(report).toMatchObject({ pulled: 2, stored: 1 });
    expect(report.rejected.map((r) => r.id)).toEqual([broken.id]);
    expect(report.rejected[0]!.reasons).toMatch(/pattern/);
  });

  it('refuses a collection that holds anything, and anyone who is not an administrator', async () => {
    const from = await remoteOf(await source([{ object: indicator(), dateAdded: T0 }]));
    await expect(migration.migrate(SYSTEM, await seededCollection(), from)).rejects.toMatchObject({ kind: 'conflict', code: 'object.migrate_not_empty' });
    const alice = await server.platform.users.actAs(SYSTEM, 'alice');
    await expect(migration.migrate(alice, server.collectionId, from)).rejects.toMatchObject({ kind: 'forbidden', code: 'object.migrate_forbidden' });
    await expect(server.platform.objects.ingestMigrated(alice, 'thiqa', server.collectionId, [indicator()], [T0])).rejects.toMatchObject({ code: 'object.migrate_forbidden' });
  });
});
