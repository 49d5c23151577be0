// `thiqa assessment region-scheme import | list | show` and `thiqa assessment regions --scheme` on both
// databases: a CSV scheme imported, refused with its problems' lines (exit 1, nothing stored), replaced with
// --replace, and an edition aggregated over it as by hand from the published GCI 2024 file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { jsonOf, runCli, storeArgs, type CliResult } from './cli-runner.ts';

const GCI_2024 = path.join(referenceDataDir(), 'gci', 'gci_2024.csv');
const MAGHREB = { DZ: 'DZA', LY: 'LBY', MA: 'MAR', MR: 'MRT', TN: 'TUN' };

interface Regions {
  scheme: string;
  regions: { region: string; countries: number; overall: { count: number; mean: number; median: number; min: number; max: number } }[];
}

describe.each(dialects)('assessment region schemes on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let cli: (args: string[]) => Promise<CliResult>;
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, text);
    return at;
  };
  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-schemes-'));
    cli = (args) => runCli([...args, ...storeArgs(store)]);
    expect((await cli(['init', '--json'])).code).toBe(0);
    expect((await cli(['assessment', 'import-results', GCI_2024, '--name', 'GCI 2024'])).code).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('refuses a file with problems, printing each with its line, and stores nothing', async () => {
    const bad = file('bad.csv', 'region,name,country\nMAG,Maghreb,TN\nMAG,Maghreb,MA\nMAG,,XX\nMAG,Magreb,DZ\n');
    const text = await cli(['assessment', 'region-scheme', 'import', bad, '--name', 'Arab sub-regions']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('region-scheme-unknown-country  line 4, country  unknown country code "XX": not an assigned ISO 3166-1 alpha-2 code');
    expect(text.stdout).toContain('region-scheme-conflicting-name  line 5, name');
    expect(text.stdout).toContain('nothing imported, 2 problem(s).');
    const json = await cli(['assessment', 'region-scheme', 'import', bad, '--name', 'Arab sub-regions', '--json']);
    expect(json.code).toBe(1);
    expect(jsonOf<{ imported: boolean; problems: { rule: string; line: number; column: string }[] }>(json)).toMatchObject({
      imported: false,
      problems: [{ rule: 'region-scheme-unknown-country', line: 4, column: 'country' }, { rule: 'region-scheme-conflicting-name', line: 5, column: 'name' }],
    });
    expect(jsonOf<{ schemes: unknown[] }>(await cli(['assessment', 'region-scheme', 'list', '--json'])).schemes).toEqual([]);
  });

  it('imports a scheme, lists and shows it, and aggregates an edition over it', async () => {
    const scheme = file('arab.csv', ['region,name,country', ...Object.keys(MAGHREB).map((c) => `MAG,Maghreb,${c}`), 'GCC,Gulf Cooperation Council,SA', 'GCC,,AE', 'EMPTY,No results,AQ'].join('\n'));
    const imported = await cli(['assessment', 'region-scheme', 'import', scheme, '--name', 'Arab sub-regions', '--json']);
    expect(imported.code).toBe(0);
    expect(jsonOf<{ scheme: Record<string, unknown> }>(imported).scheme).toMatchObject({ name: 'Arab sub-regions', source: 'arab.csv', regions: 3, countries: 8, replaced: false });
    const list = await cli(['assessment', 'region-scheme', 'list']);
    expect(list.stdout).toMatch(/Arab sub-regions\s+3\s+8/);
    const show = await cli(['assessment', 'region-scheme', 'show', 'arab sub-regions']);
    expect(show.stdout).toMatch(/MAG\s+Maghreb\s+DZ LY MA MR TN/);

    const regions = jsonOf<Regions>(await cli(['assessment', 'regions', 'GCI 2024', '--scheme', 'ARAB SUB-REGIONS', '--json']));
    expect(regions.scheme).toBe('Arab sub-regions');
    // Antarctica has no result: a region without any is left out.
    expect(regions.regions.map((r) => [r.region, r.countries])).toEqual([['GCC', 2], ['MAG', 5]]);
    const overall = new Map(fs.readFileSync(GCI_2024, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => [line.split(',').at(-2)!, Number(line.split(',').at(-3))]));
    const values = Object.values(MAGHREB).map((iso3) => overall.get(iso3)!).sort((a, b) => a - b);
    const mag = regions.regions.find((r) => r.region === 'MAG')!.overall;
    expect(mag.mean).toBeCloseTo((values[0]! + values[1]! + values[2]! + values[3]! + values[4]!) / 5, 12);
    expect([mag.count, mag.median, mag.min, mag.max]).toEqual([5, values[2], values[0], values[4]]);

    const table = await cli(['assessment', 'regions', 'GCI 2024', '--scheme', 'Arab sub-regions']);
    expect(table.stdout).toContain('GCI 2024: 2 regions of Arab sub-regions');
    expect(table.stdout).toMatch(/MAG\s+Maghreb\s+5\s+/);
    expect((await cli(['assessment', 'regions', 'GCI 2024'])).stdout).toContain('UN M49 regions and sub-regions');
  });

  it('refuses a name taken unless --replace, which replaces the scheme whole; an unknown scheme is not found', async () => {
    const smaller = file('smaller.csv', 'region,name,country\nMAG,Maghreb,TN\n');
    const again = await cli(['assessment', 'region-scheme', 'import', smaller, '--name', 'arab sub-regions', '--json']);
    expect(again.code).toBe(1);
    expect(jsonOf<{ error: { code: string } }>(again).error.code).toBe('assessment.region_scheme_exists');
    const replaced = await cli(['assessment', 'region-scheme', 'import', smaller, '--name', 'arab sub-regions', '--replace']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('Replaced region scheme "arab sub-regions": 1 region, 1 country.');
    const regions = jsonOf<Regions>(await cli(['assessment', 'regions', 'GCI 2024', '--scheme', 'Arab sub-regions', '--json']));
    expect(regions.regions.map((r) => [r.region, r.countries])).toEqual([['MAG', 1]]);
    const unknown = await cli(['assessment', 'regions', 'GCI 2024', '--scheme', 'ITU']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('no region scheme named "ITU"');
    const reserved = await cli(['assessment', 'region-scheme', 'import', smaller, '--name', 'M49']);
    expect(reserved.code).toBe(1);
    expect(reserved.stderr).toContain('UN M49');
  });
});
