// `thiqa warninglists import DIR|FILE` and `list` on both databases, as scripts call them: the 136 real MISP
// lists imported (--json: each list's outcome), the same folder again all unchanged, a newer version updated,
// a broken file refused with its problems and exit status 1 while the others are imported, and usage errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { jsonOf, runCli, storeArgs, type CliResult } from './cli-runner.ts';

interface Report {
  imported: number;
  updated: number;
  unchanged: number;
  refused: number;
  lists: { file: string; outcome: string; name: string | null; version: number | null; previous_version: number | null; entries: number; problems: { rule: string; path: string; file: string }[] }[];
}

const LISTS = path.join(referenceDataDir(), 'misp', 'warninglists');

describe.each(dialects)('thiqa warninglists on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let cli: (args: string[]) => Promise<CliResult>;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-warninglists-'));
    cli = (args) => runCli([...args, ...storeArgs(store)]);
    expect((await cli(['init', '--json'])).code).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('imports the 136 MISP lists of a folder, then finds every one unchanged', async () => {
    const run = await cli(['warninglists', 'import', LISTS, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = jsonOf<Report>(run);
    expect(report).toMatchObject({ imported: 136, updated: 0, unchanged: 0, refused: 0 });
    expect(report.lists.find((l) => l.file === 'rfc1918/list.json')).toMatchObject({ outcome: 'imported', name: 'List of RFC 1918 CIDR blocks', version: 5, entries: 3 });
    const again = jsonOf<Report>(await cli(['warninglists', 'import', LISTS, '--json']));
    expect(again).toMatchObject({ imported: 0, unchanged: 136 });
    const listed = jsonOf<{ lists: { name: string; type: string; entries: number; enabled: boolean }[] }>(await cli(['warninglists', 'list', '--json']));
    expect(listed.lists).toHaveLength(136);
    expect(new Set(listed.lists.map((l) => l.type))).toEqual(new Set(['cidr', 'hostname', 'string', 'substring', 'regex']));
    expect(listed.lists.every((l) => l.enabled)).toBe(true);
  });

  it('updates a list from a newer list.json, and says so to people', async () => {
    const original = JSON.parse(fs.readFileSync(path.join(LISTS, 'rfc1918', 'list.json'), 'utf8')) as Record<string, unknown>;
    const file = path.join(dir, 'list.json');
    fs.writeFileSync(file, JSON.stringify({ ...original, version: 6, list: [...(original.list as string[]), '100.64.0.0/10'] }));
    const run = await cli(['warninglists', 'import', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('updated    list.json  "List of RFC 1918 CIDR blocks" version 5 → 6 (4 entries)');
    expect(run.stdout).toContain('1 file: 0 imported, 1 updated, 0 unchanged, 0 refused.');
    const listed = jsonOf<{ lists: { name: string; version: number; entries: number }[] }>(await cli(['warninglists', 'list', '--json']));
    expect(listed.lists.find((l) => l.name === 'List of RFC 1918 CIDR blocks')).toMatchObject({ version: 6, entries: 4 });
  });

  it('refuses a broken list with its problems and exit status 1, importing the others of the folder', async () => {
    const folder = path.join(dir, 'lists');
    fs.mkdirSync(path.join(folder, 'broken'), { recursive: true });
    fs.mkdirSync(path.join(folder, 'fine'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'broken', 'list.json'), JSON.stringify({ name: 'Broken', version: 'one', type: 'cidr', list: ['10.0.0.0/8'] }));
    fs.writeFileSync(path.join(folder, 'fine', 'list.json'), JSON.stringify({ name: 'Fine', version: 1, description: '', type: 'string', matching_attributes: [], list: ['x'] }));
    const run = await cli(['warninglists', 'import', folder, '--json']);
    expect(run.code).toBe(1);
    const report = jsonOf<Report>(run);
    expect(report).toMatchObject({ imported: 1, refused: 1 });
    expect(report.lists[0]).toMatchObject({ file: 'broken/list.json', outcome: 'refused', name: null, problems: [{ rule: 'warninglist-wrong-kind', path: '$.version', file: 'broken/list.json' }] });
    const human = await cli(['warninglists', 'import', folder]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('refused    broken/list.json');
    expect(human.stdout).toContain('warninglist-wrong-kind  $.version');
    expect(human.stdout).toContain('unchanged  fine/list.json');
  });

  it('names a missing folder, and one with no list in it', async () => {
    const missing = await cli(['warninglists', 'import', path.join(dir, 'nothing-here'), '--json']);
    expect(missing.code).not.toBe(0);
    expect(jsonOf<{ error: { code: string } }>(missing).error.code).toBe('file.not_found');
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    const none = await cli(['warninglists', 'import', empty]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('there is no list.json');
  });
});
