// `thiqa assessment import-results | results | compare` on both databases: ITU's published GCI 2020 and 2024
// results come back exactly as the files give them, ranked and tiered; two editions compare per country.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { jsonOf, runCli, storeArgs, type CliResult } from './cli-runner.ts';

const GCI_2024 = path.join(referenceDataDir(), 'gci', 'gci_2024.csv');
const GCI_2020 = path.join(referenceDataDir(), 'gci', 'gci_2020.csv');

interface Results {
  results: { country: string; pillars: Record<string, number>; overall: number; tier: string; rank: number }[];
}

/** GCI 2024 read here independently of the importer: the last three columns of each row are gci, iso3, year. */
function expected2024(): Map<string, number[]> {
  const lines = fs.readFileSync(GCI_2024, 'utf8').trim().split(/\r?\n/).slice(1);
  return new Map(
    lines.map((line) => {
      const cells = line.split(',');
      const [iso3] = cells.slice(-2);
      return [iso3!, cells.slice(-8, -2).map(Number)];
    }),
  );
}

describe.each(dialects)('assessment results on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[]) => Promise<CliResult>;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args) => runCli([...args, ...storeArgs(store)]);
    expect((await cli(['init', '--json'])).code).toBe(0);
  });
  afterAll(() => store.drop());

  it('imports GCI 2024 and gives back every pillar and overall score exactly as published', async () => {
    const imported = await cli(['assessment', 'import-results', GCI_2024, '--name', 'GCI 2024', '--json']);
    expect(imported.code).toBe(0);
    expect(jsonOf<{ edition: { countries: number; year: number } }>(imported).edition).toMatchObject({ countries: 194, year: 2024 });
    const { results } = jsonOf<Results>(await cli(['assessment', 'results', 'GCI 2024', '--json']));
    expect(results).toHaveLength(194);
    const expected = expected2024();
    const alpha3 = { AL: 'ALB', AF: 'AFG', BS: 'BHS', CD: 'COD' } as const;
    for (const [alpha2, iso3] of Object.entries(alpha3)) {
      const result = results.find((r) => r.country === alpha2)!;
      const [legal, technical, organisational, capacity, cooperation, overall] = expected.get(iso3)!;
      expect(result.pillars).toEqual({ legal, technical, organisational, capacity, cooperation });
      expect(result.overall).toBe(overall);
    }
    // Every overall score, exactly, and the ranks follow them.
    expect(results.map((r) => r.overall).sort((a, b) => b - a)).toEqual([...expected.values()].map((v) => v[5]!).sort((a, b) => b - a));
    for (let i = 1; i < results.length; i++) expect(results[i]!.overall <= results[i - 1]!.overall && results[i]!.rank >= results[i - 1]!.rank).toBe(true);
    expect(results.find((r) => r.country === 'AF')).toMatchObject({ tier: 'building' });
    expect(results.find((r) => r.country === 'AL')).toMatchObject({ tier: 'advancing' });
  });

  it('imports GCI 2020 (long form) exactly, with the pillars it lacks left out, and compares the two editions', async () => {
    expect((await cli(['assessment', 'import-results', GCI_2020, '--name', 'GCI 2020'])).code).toBe(0);
    const { results } = jsonOf<Results>(await cli(['assessment', 'results', 'gci 2020', '--json']));
    expect(results).toHaveLength(191);
    const rows = fs.readFileSync(GCI_2020, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map((c) => c.replace(/"/g, '')));
    const afghanistan = Object.fromEntries(rows.filter((r) => r[0] === 'AFG').map((r) => [r[2], Number(r[3])]));
    expect(results.find((r) => r.country === 'AF')).toMatchObject({
      overall: afghanistan.gci_overall,
      pillars: { legal: afghanistan.gci_legal_measures, technical: afghanistan.gci_technical_measures, organisational: afghanistan.gci_organisational_measures, capacity: afghanistan.gci_capacity_development, cooperation: afghanistan.gci_cooperative_measures },
    });
    expect(results.filter((r) => r.pillars.cooperation === undefined)).toHaveLength(3);

    const comparison = jsonOf<{ countries: { country: string; overall: number; pillars: Record<string, number>; tier: { from: string; to: string } }[]; onlyTo: string[]; onlyFrom: string[] }>(
      await cli(['assessment', 'compare', 'GCI 2020', 'GCI 2024', '--json']),
    );
    expect(comparison.countries).toHaveLength(191);
    expect(comparison.onlyTo).toEqual(['FM', 'VA', 'YE']);
    expect(comparison.onlyFrom).toEqual([]);
    const af = comparison.countries.find((c) => c.country === 'AF')!;
    expect(af.overall).toBeCloseTo(expected2024().get('AFG')![5]! - afghanistan.gci_overall!, 10);
    expect(af.tier).toEqual({ from: 'building', to: 'building' });
  });

  it('refuses a second edition of the same name, a file with problems (storing nothing), and an unknown edition', async () => {
    const again = await cli(['assessment', 'import-results', GCI_2024, '--name', 'gci 2024', '--json']);
    expect(again.code).not.toBe(0);
    expect(jsonOf<{ error: { code: string } }>(again).error.code).toBe('assessment.edition_exists');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-gci-'));
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'country,legal,technical,organizational,capacity,cooperation,gci,iso3,year\nX,1,1,1,1,1,5,ALB,2024\nY,1,1,1,1,1,5,QQQ,2024\n');
    const refused = await cli(['assessment', 'import-results', bad, '--name', 'Bad', '--json']);
    expect(refused.code).toBe(1);
    expect(jsonOf<{ problems: { rule: string; path: string }[] }>(refused).problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['results-unknown-country line 3, iso3']);
    const missing = await cli(['assessment', 'results', 'Bad']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no edition named "Bad"');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
