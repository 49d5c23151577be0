// `thiqa misp import` and `thiqa misp export` through the real command, on both databases. The MISP round trip:
// import the feed sample (and an event of every mapped type, one of MISP objects), export the collection as a MISP feed, import that
// feed into another collection: the same STIX objects, compared as canonical JSON. Re-imports are idempotent;
// refused events, missing files and hashes.csv mismatches are named by file and path; TLP:RED is rejected.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/stix/index.ts';
import { writeMispFeed } from '../../shared/misp/feed-directory.ts';
import { objectEvent } from '../../shared/misp/testing/object-event.ts';
import { richEvent, uuidFor } from '../../shared/misp/testing/rich-event.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { mispFeedSample } from '../support/reference-data.ts';
import { jsonOf, runCli, storeArgs, type CliResult } from './cli-runner.ts';

interface ImportReport {
  events: { read: number; imported: number; refused: number };
  attributes: number;
  objects: { total: number; stored: number; duplicates: number; rejected: number };
  rejected: { id: string | null; rules: string[] }[];
  unmapped: { kind: string; name: string; count: number }[];
  problems: { rule: string; file: string; path: string }[];
  hashes: { checked: boolean; mismatches: number };
}

describe.each(dialects)('thiqa misp on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let cli: (args: string[], input?: string) => Promise<CliResult>;
  /** Every stored object version of a collection, as sorted canonical JSON. */
  const stored = async (collection: string) => {
    const exported = await cli(['export', collection]);
    expect(exported.code).toBe(0);
    return (JSON.parse(exported.stdout) as { objects: Record<string, unknown>[] }).objects.map((o) => canonicalJson(o)).sort();
  };
  const importInto = async (source: string, collection: string) => {
    const result = await cli(['misp', 'import', source, '--into', collection, '--json']);
    return { code: result.code, report: jsonOf<ImportReport>(result) };
  };
  const exportTo = async (collection: string, name: string) => {
    const out = path.join(dir, name);
    const result = await cli(['misp', 'export', collection, '--out', out, '--json']);
    expect(result.code, result.stderr).toBe(0);
    return { out, report: jsonOf<{ events: number; attributes: number; skipped: Record<string, number> }>(result) };
  };

  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-misp-cli-'));
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init'])).code).toBe(0);
    for (const alias of ['sample', 'sample-again', 'rich', 'rich-again', 'objects', 'objects-again', 'broken', 'red']) expect((await cli(['collection', 'create', '--title', alias, '--alias', alias])).code).toBe(0);
    const rich = richEvent();
    writeMispFeed(path.join(dir, 'rich-feed'), [rich.Event]);
    writeMispFeed(path.join(dir, 'objects-feed'), [objectEvent().Event]);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('round trip of the feed sample: import, export as a MISP feed, import again gives the same STIX objects', async () => {
    const first = await importInto(mispFeedSample(), 'sample');
    expect(first.code).toBe(0);
    expect(first.report).toMatchObject({ events: { read: 1, imported: 1, refused: 0 }, attributes: 1, objects: { rejected: 0 }, problems: [], hashes: { checked: false } });
    const { out, report } = await exportTo('sample', 'sample-feed');
    expect(report).toMatchObject({ events: 1, attributes: 1, skipped: {} });
    expect(fs.readdirSync(out).sort()).toEqual(['56bf399d-c46c-4fdb-a9cf-d9bb02de0b81.json', 'hashes.csv', 'manifest.json']);
    // The feed written is MISP's own test feed again: the same manifest, the same event.
    const original = (name: string) => JSON.parse(fs.readFileSync(path.join(mispFeedSample(), name), 'utf8')) as unknown;
    const written = (name: string) => JSON.parse(fs.readFileSync(path.join(out, name), 'utf8')) as unknown;
    expect(written('manifest.json')).toEqual(original('manifest.json'));
    expect(written('56bf399d-c46c-4fdb-a9cf-d9bb02de0b81.json')).toEqual(original('56bf399d-c46c-4fdb-a9cf-d9bb02de0b81.json'));
    const second = await importInto(out, 'sample-again');
    expect(second.code).toBe(0);
    expect(second.report.hashes).toEqual({ checked: true, mismatches: 0 });
    const objects = await stored('sample');
    expect(objects.length).toBe(first.report.objects.stored);
    expect(await stored('sample-again')).toEqual(objects);
  }, 60_000);

  it('round trip of an event of every mapped type, its object, galaxies and unmapped attributes, losslessly', async () => {
    const first = await importInto(path.join(dir, 'rich-feed'), 'rich');
    expect(first.code, JSON.stringify(first.report.rejected)).toBe(0);
    expect(first.report.unmapped).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'attribute-type', name: 'size-in-bytes', count: 1 }),
      expect.objectContaining({ kind: 'attribute-value', name: 'AS', count: 1 }),
    ]));
    // The file object is mapped as a whole, its reference to the ip-src attribute a relationship.
    expect(first.report.unmapped.filter((e) => e.kind.startsWith('object-'))).toEqual([]);
    const rich = await stored('rich');
    expect(rich.map((o) => JSON.parse(o) as Record<string, unknown>).filter((o) => o.type === 'relationship')).toMatchObject([{ relationship_type: 'connects-to', source_ref: `indicator--${uuidFor('object-file')}`, target_ref: `indicator--${uuidFor('ip-src:198.51.100.7')}` }]);
    const { out } = await exportTo('rich', 'rich-export');
    const event = (JSON.parse(fs.readFileSync(path.join(out, `${uuidFor('event')}.json`), 'utf8')) as { Event: Record<string, unknown> }).Event;
    expect(event).toMatchObject({ info: richEvent().Event.info, x_unknown_field: { kept: true }, Object: [expect.objectContaining({ name: 'file' })] });
    expect((await importInto(out, 'rich-again')).code).toBe(0);
    expect(await stored('rich-again')).toEqual(rich);
  }, 60_000);

  it('round trip of an event of MISP objects and references: nothing rejected, the objects back in the feed, the same STIX again', async () => {
    const first = await importInto(path.join(dir, 'objects-feed'), 'objects');
    expect(first.code, JSON.stringify(first.report.rejected)).toBe(0);
    expect(first.report.unmapped.filter((e) => e.kind.startsWith('object-')).map((e) => [e.kind, e.name])).toEqual([['object-reference', 'located-at'], ['object-reference', 'related-to'], ['object-template', 'geolocation']]);
    const { out, report } = await exportTo('objects', 'objects-export');
    expect(report.skipped).toEqual({});
    const event = (JSON.parse(fs.readFileSync(path.join(out, `${uuidFor('object-event')}.json`), 'utf8')) as { Event: Record<string, unknown> }).Event;
    expect(event.Object).toEqual(objectEvent().Event.Object);
    expect((await importInto(out, 'objects-again')).code).toBe(0);
    expect(await stored('objects-again')).toEqual(await stored('objects'));
  }, 60_000);

  it('stores nothing new when the same feed is imported again (same ids, the Exchange dedups id and version)', async () => {
    const again = await importInto(path.join(dir, 'rich-feed'), 'rich');
    expect(again.report.objects.stored).toBe(0);
    expect(again.report.objects.duplicates).toBe(again.report.objects.total);
  });

  it('names every problem by file and path, stores the events without one, and exits 1', async () => {
    const feed = path.join(dir, 'broken-feed');
    const good = richEvent({ uuid: uuidFor('good') }).Event;
    writeMispFeed(feed, [good]);
    const badUuid = uuidFor('bad');
    const missing = uuidFor('missing');
    fs.writeFileSync(path.join(feed, `${badUuid}.json`), JSON.stringify({ Event: { uuid: badUuid, info: 42, timestamp: '1700000000' } }));
    const manifest = JSON.parse(fs.readFileSync(path.join(feed, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(feed, 'manifest.json'), JSON.stringify({ ...manifest, [badUuid]: {}, [missing]: {} }));
    fs.appendFileSync(path.join(feed, 'hashes.csv'), `ffffffffffffffffffffffffffffffff,${good.uuid as string}\n`);
    const { code, report } = await importInto(feed, 'broken');
    expect(code).toBe(1);
    expect(report.events).toEqual({ read: 3, imported: 1, refused: 2 });
    expect(report.problems.map((p) => [p.rule, p.file, p.path])).toEqual([
      ['misp-wrong-type', `${badUuid}.json`, '$.Event.info'],
      ['misp-missing-event-file', 'manifest.json', `$["${missing}"]`],
      ['misp-hash-mismatch', 'hashes.csv', expect.stringMatching(/^line \d+$/)],
    ]);
    expect(report.hashes).toEqual({ checked: true, mismatches: 1 });
    expect(report.objects.stored).toBeGreaterThan(0);
    const human = await cli(['misp', 'import', feed, '--into', 'broken']);
    expect(human.stdout).toContain(`misp-wrong-type  ${badUuid}.json  $.Event.info  "info" must be a string, not 42`);
    expect(human.stdout).toMatch(/hashes\.csv: 1 mismatch\./);
  }, 60_000);

  it('reports the objects of a TLP:RED event as rejected by the sharing rules, and exits 1', async () => {
    const red = richEvent({ uuid: uuidFor('red') }).Event;
    red.Tag = [{ name: 'tlp:red' }];
    red.Attribute = (red.Attribute as Record<string, unknown>[]).slice(2, 4);
    delete red.Object;
    const file = path.join(dir, 'red.json');
    fs.writeFileSync(file, JSON.stringify({ Event: red }));
    const { code, report } = await importInto(file, 'red');
    expect(code).toBe(1);
    expect(report.objects.rejected).toBeGreaterThan(0);
    expect(new Set(report.rejected.flatMap((r) => r.rules))).toEqual(new Set(['tlp-red-without-recipients']));
  });

  it('answers 3 for a file, folder or collection that does not exist', async () => {
    expect((await cli(['misp', 'import', path.join(dir, 'nope.json')])).code).toBe(3);
    expect((await cli(['misp', 'import', mispFeedSample(), '--into', 'nope'])).code).toBe(3);
    expect((await cli(['misp', 'export', 'nope', '--out', path.join(dir, 'x')])).code).toBe(3);
  });

  it('answers 3 to a user for a collection hidden from her, and 5 when she may read it but not write', async () => {
    expect((await cli(['user', 'add', 'vera', '--role', 'viewer'], 'a long enough password\n')).code).toBe(0);
    expect((await cli(['misp', 'import', mispFeedSample(), '--into', 'sample', '--as', 'vera'])).code).toBe(3);
    expect((await cli(['collection', 'grant', 'sample', 'vera', '--read'])).code).toBe(0);
    const refused = await cli(['misp', 'import', mispFeedSample(), '--into', 'sample', '--as', 'vera', '--json']);
    expect(refused.code).toBe(5);
    expect(jsonOf<{ error: { code: string } }>(refused).error.code).toBe('collection.write_forbidden');
  });
});
