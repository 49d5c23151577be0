// import and export through the real command, on both databases: round trip of the reference bundles,
// rejected objects, duplicates, malformed files and stdin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { readJson, referenceBundles, referenceDataDir } from '../support/reference-data.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';
import { BAD_BUNDLE, versionKey, type StixLike } from './bundles.ts';
import { scanObject } from '../../shared/privacy/object-scan.ts';

interface ImportReport {
  sources: {
    source: string;
    objects: number;
    stored: number;
    duplicates: number;
    rejected: { index: number; id: string | null; reasons: string; problems: { rule: string }[] }[];
    malformed?: { code: string; offset: number; line: number };
  }[];
  totals: { objects: number; stored: number; duplicates: number; rejected: number };
}

describe.each(dialects)('import and export on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-cli-'));
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init'])).code).toBe(0);
    for (const alias of ['reference', 'mixed', 'piped']) expect((await cli(['collection', 'create', '--title', alias, '--alias', alias])).code).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('imports every reference bundle and exports each object back unchanged', async () => {
    const imported = await cli(['import', path.join(referenceDataDir(), 'stix'), '--collection', 'reference', '--json']);
    expect(imported.code).toBe(0);
    const report = jsonOf<ImportReport>(imported);
    const expected = new Map<string, unknown>();
    for (const file of referenceBundles()) for (const object of (readJson(file) as { objects: StixLike[] }).objects) expected.set(versionKey(object), object);
    expect(report.totals).toMatchObject({ objects: expected.size, stored: expected.size, rejected: 0 });

    const output = path.join(dir, 'reference-export.json');
    const exported = await cli(['export', 'reference', '--output', output, '--json']);
    expect(jsonOf(exported)).toMatchObject({ objects: expected.size, file: output });
    const bundle = readJson(output) as { type: string; id: string; objects: StixLike[] };
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    const actual = new Map(bundle.objects.map((object) => [versionKey(object), object]));
    expect(actual.size).toBe(expected.size);
    for (const [key, object] of expected) expect(actual.get(key), key).toEqual(object);
  });

  it('exports to stdout as a stream the same bundle', async () => {
    const exported = await cli(['export', 'reference']);
    expect(exported.code).toBe(0);
    const bundle = JSON.parse(exported.stdout) as { objects: unknown[] };
    const expected = referenceBundles().reduce((n, file) => n + (readJson(file) as { objects: unknown[] }).objects.length, 0);
    expect(bundle.objects.length).toBe(expected);
    expect(exported.stderr).toMatch(new RegExp(`^Exported ${expected.toLocaleString('en-US')} objects`));
  });

  it('warns on stderr of the objects that seem to hold personal data, and redacts them on request', async () => {
    // One indicator of the Poison Ivy report names an e-mail address in its description.
    const plain = await cli(['export', 'reference']);
    expect(plain.stderr).toContain('Warning: personal data seems to be in 1 object (email 1); check before sharing the file, or export with --redact-personal-data.');
    const output = path.join(dir, 'redacted-export.json');
    const redacted = await cli(['export', 'reference', '--output', output, '--redact-personal-data', '--json']);
    expect(jsonOf(redacted)).toMatchObject({ personalData: { objects: 1, redacted: 1 } });
    expect(redacted.stderr).toContain('Redacted personal data in 1 object: 1 findings written as [redacted] (email 1).');
    const bundle = readJson(output) as { objects: Record<string, unknown>[] };
    expect(bundle.objects.filter((object) => scanObject(object).length > 0)).toEqual([]);
    expect(bundle.objects.filter((object) => String(object.description ?? '').includes('[redacted]')).map((o) => o.id)).toEqual(['indicator--9695dc2f-d92a-4f2b-8b16-b0e21d7c631d']);
  });

  it('stores the valid objects of a bundle, rejects the others by index and rule, and exits 1', async () => {
    const file = path.join(dir, 'mixed.json');
    fs.writeFileSync(file, JSON.stringify(BAD_BUNDLE));
    const imported = await cli(['import', file, '--collection', 'mixed', '--json']);
    expect(imported.code).toBe(1);
    const [source] = jsonOf<ImportReport>(imported).sources;
    expect(source).toMatchObject({ objects: 4, stored: 2, duplicates: 0 });
    expect(source!.rejected.map((r) => [r.index, r.id, r.problems.map((p) => p.rule).sort()])).toEqual([
      [1, 'indicator--not-a-uuid', ['invalid-identifier', 'required-property']],
      [3, null, ['not-an-object']],
    ]);

    const human = await cli(['import', file, '--collection', 'mixed']);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/4 objects: 0 stored, 2 duplicates, 2 rejected/);
    expect(human.stdout).toMatch(/rejected #1 indicator--not-a-uuid: .*\[invalid-identifier\]/);
    expect(human.stdout).toMatch(/rejected #3 \(no id\): .*\[not-an-object\]/);

    const exported = JSON.parse((await cli(['export', 'mixed'])).stdout) as { objects: StixLike[] };
    expect(exported.objects.map((o) => o.id).sort()).toEqual([BAD_BUNDLE.objects[0], BAD_BUNDLE.objects[2]].map((o) => (o as StixLike).id).sort());
  });

  it('counts a second import of the same bundle as duplicates', async () => {
    const again = jsonOf<ImportReport>(await cli(['import', referenceBundles()[0]!, '--collection', 'reference', '--json']));
    expect(again.totals.stored).toBe(0);
    expect(again.totals.duplicates).toBe(again.totals.objects);
  });

  it('keeps what came before a JSON syntax error and says where the error is', async () => {
    const text = JSON.stringify({ type: 'bundle', id: 'bundle--9a3c5d1e-7b2f-4c8d-a1e6-5f4b3c2d1e0f', objects: [BAD_BUNDLE.objects[0], BAD_BUNDLE.objects[2]] }, null, 1);
    const cut = text.lastIndexOf('"name"');
    const file = path.join(dir, 'truncated.json');
    fs.writeFileSync(file, text.slice(0, cut));
    const result = await cli(['import', file, '--collection', 'piped', '--json']);
    expect(result.code).toBe(1);
    const [source] = jsonOf<ImportReport>(result).sources;
    expect(source).toMatchObject({ objects: 1, stored: 1, malformed: { code: 'json.syntax', offset: Buffer.byteLength(text.slice(0, cut)) } });
    const human = await cli(['import', file, '--collection', 'piped']);
    expect(human.stdout).toMatch(/malformed JSON at byte \d+ \(line \d+, column \d+\): expected/);
    expect(human.stdout).toMatch(/Objects before that point: 1, all processed \(the stored ones stay stored\)/);
  });

  it('reads a bundle from stdin', async () => {
    const result = await cli(['import', '-', '--collection', 'piped', '--json'], fs.readFileSync(referenceBundles()[0]!, 'utf8'));
    expect(result.code).toBe(0);
    expect(jsonOf<ImportReport>(result).sources[0]).toMatchObject({ source: '<stdin>', rejected: [] });
  });

  it('names what is missing: a file (3), a collection (3), the --collection option (2)', async () => {
    expect((await cli(['import', path.join(dir, 'nope.json'), '--collection', 'piped'])).code).toBe(3);
    const noCollection = await cli(['import', referenceBundles()[0]!, '--collection', 'nope', '--json']);
    expect(noCollection.code).toBe(3);
    expect(jsonOf<{ error: { code: string } }>(noCollection).error.code).toBe('collection.not_found');
    expect((await cli(['import', referenceBundles()[0]!])).code).toBe(2);
  });
});
