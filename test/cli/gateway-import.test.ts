// `thiqa gateway import` on both databases, as scripts call it: the EU CSIRTs Network list checked with --dry-run,
// then imported (--json: the REST API's report) and found by `thiqa gateway search`; a file with problems printed
// by row and column, exit status 1 and nothing stored, or its valid rows with --valid-only; the same file again
// flags its rows as likely duplicates; a JSON file; usage and missing files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { jsonOf, runCli, storeArgs, type CliResult } from './cli-runner.ts';

interface Report {
  dry_run: boolean;
  refused: boolean;
  rows: number;
  imported: number;
  skipped: number;
  problems: { rule: string; line: number | null; column: string | null; index: number | null }[];
  duplicates: { line: number | null; other: { id: string } | null }[];
}

const EU_LIST = path.join(referenceDataDir(), 'csirts', 'eu-csirts-network.csv');

describe.each(dialects)('thiqa gateway import on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let cli: (args: string[]) => Promise<CliResult>;
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, text);
    return at;
  };
  const total = async () => jsonOf<{ total: number }>(await cli(['gateway', 'search', '--type', 'cirt', '--json'])).total;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-gateway-import-'));
    cli = (args) => runCli([...args, ...storeArgs(store)]);
    expect((await cli(['init', '--json'])).code).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('checks the EU CSIRTs Network list with --dry-run, then imports its 33 teams', async () => {
    const dry = await cli(['gateway', 'import', EU_LIST, '--type', 'cirt', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(jsonOf<Report>(dry)).toMatchObject({ dry_run: true, refused: false, rows: 33, imported: 0 });
    expect(await total()).toBe(0);
    const run = await cli(['gateway', 'import', EU_LIST, '--type', 'cirt', '--json']);
    expect(run.code).toBe(0);
    expect(jsonOf<Report>(run)).toMatchObject({ dry_run: false, refused: false, rows: 33, imported: 33, problems: [], duplicates: [] });
    expect(await total()).toBe(33);
    const found = jsonOf<{ records: { record: { country: string } }[] }>(await cli(['gateway', 'search', 'CERT.at', '--json']));
    expect(found.records.map((r) => r.record.country)).toEqual(['AT']);
  });

  it('flags the rows of the same file imported again, as people read it', async () => {
    const run = await cli(['gateway', 'import', EU_LIST, '--type', 'cirt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('likely duplicate  line 2  of record');
    expect(run.stdout).toMatch(/imported 33 cirt records, published \(33 rows read, 33 valid rows; 33 likely duplicates flagged\)\.\n$/);
  });

  it('prints every problem by row and column, stores nothing and exits 1; imports the valid rows with --valid-only', async () => {
    const bad = file('bad.csv', ['title_en,title_ru,source_url,country,established', 'Ghana CERT,,https://example.org/gh,GH,2014', 'Kenya CERT,Kenya CERT,https://example.org/ke,KE,14', 'X CERT,,https://example.org/x,XX,'].join('\n'));
    const before = await total();
    const refused = await cli(['gateway', 'import', bad, '--type', 'cirt']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('gateway-unexpected-script  line 3, title_ru');
    expect(refused.stdout).toContain('gateway-bad-year  line 3, established');
    expect(refused.stdout).toContain('gateway-unknown-country  line 4, country');
    expect(refused.stdout).toContain('nothing imported (3 rows read, 1 valid row, 3 problems)');
    expect(await total()).toBe(before);
    const dry = await cli(['gateway', 'import', bad, '--type', 'cirt', '--dry-run', '--json']);
    expect(dry.code).toBe(1);
    expect(jsonOf<Report>(dry).problems.map((p) => [p.rule, p.line, p.column])).toEqual([
      ['gateway-unexpected-script', 3, 'title_ru'],
      ['gateway-bad-year', 3, 'established'],
      ['gateway-unknown-country', 4, 'country'],
    ]);
    const valid = await cli(['gateway', 'import', bad, '--type', 'cirt', '--valid-only', '--json']);
    expect(valid.code).toBe(0);
    expect(jsonOf<Report>(valid)).toMatchObject({ refused: false, imported: 1, skipped: 2 });
    expect(await total()).toBe(before + 1);
  });

  it('reads JSON files by their extension, and refuses a missing column, an unknown type and a missing file', async () => {
    const json = file('teams.json', JSON.stringify([{ title: { fr: 'CERT du Sénégal' }, source_url: 'https://example.org/sn', country: 'SN', kind: 'national' }]));
    expect(jsonOf<Report>(await cli(['gateway', 'import', json, '--type', 'cirt', '--json']))).toMatchObject({ imported: 1 });
    const missing = await cli(['gateway', 'import', file('missing.csv', 'title_en,country\nMali CERT,ML\n'), '--type', 'cirt', '--json']);
    expect(missing.code).toBe(1);
    expect(jsonOf<Report>(missing).problems.map((p) => [p.rule, p.line, p.column])).toEqual([['gateway-missing-column', 1, 'source_url']]);
    const type = await cli(['gateway', 'import', json, '--type', 'team', '--json']);
    expect(type.code).toBe(1);
    expect(jsonOf<{ error: { code: string } }>(type).error.code).toBe('gateway.unknown_type');
    expect((await cli(['gateway', 'import', path.join(dir, 'none.csv'), '--type', 'cirt'])).code).toBe(3);
    expect((await cli(['gateway', 'import', json, '--type', 'cirt', '--format', 'xml'])).code).toBe(2);
  });
});
