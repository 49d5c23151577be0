// `thiqa gateway search` and `thiqa gateway export` on both databases, over records published through the
// services: a query in any language with filters, as a table and as the REST API's JSON; exports as CSV of
// one type (read back as a bulk file) to a file or stdout, JSON of any mix, and a CSV of several types refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { loadConfig } from '../../server/core/config.ts';
import { openPlatform } from '../../server/platform.ts';
import { readRecordFile } from '../../shared/gateway/record-file.ts';
import { EXAMPLE_RECORDS } from '../../shared/gateway/testing/examples.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs, type CliResult } from './cli-runner.ts';

interface Search {
  total: number;
  records: { id: string; type: string; record: { title: Record<string, string> } }[];
  facets: Record<string, { value: string; count: number }[]>;
  next: string | null;
}

describe.each(dialects)('thiqa gateway on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let cli: (args: string[]) => Promise<CliResult>;
  const second = { ...EXAMPLE_RECORDS.strategy, title: { ru: 'Национальная стратегия кибербезопасности', en: 'National Cybersecurity Strategy' }, source_url: 'https://example.org/strategies/kz', country: 'KZ' };

  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-gateway-'));
    cli = (args) => runCli([...args, ...storeArgs(store)]);
    expect((await cli(['init', '--json'])).code).toBe(0);
    const platform = await openPlatform(loadConfig({ databaseUrl: store.url, dataDir: dir }, {}));
    try {
      for (const [type, record] of [['strategy', EXAMPLE_RECORDS.strategy], ['cirt', EXAMPLE_RECORDS.cirt], ['strategy', second]] as const) {
        const proposed = await platform.gatewayRecords.propose(SYSTEM, { type, record });
        await platform.gatewayModeration.moderate(SYSTEM, proposed.record.id, 1, { action: 'accept' });
      }
    } finally {
      await platform.close();
    }
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('searches in any language with filters, as JSON for scripts', async () => {
    const run = await cli(['gateway', 'search', 'стратегия', '--json']);
    expect(run.code).toBe(0);
    const found = jsonOf<Search>(run);
    expect(found.total).toBe(1);
    expect(found.records[0]!.record.title.ru).toBe('Национальная стратегия кибербезопасности');
    expect(found.facets.country).toEqual([{ value: 'KZ', count: 1 }]);
    const arabic = jsonOf<Search>(await cli(['gateway', 'search', 'الأمن السيبراني', '--type', 'strategy', '--json']));
    expect(arabic.records.map((r) => r.record.title.en)).toEqual(['National Cybersecurity Strategy 2024–2028']);
    const filtered = jsonOf<Search>(await cli(['gateway', 'search', '--country', 'kz', '--json']));
    expect(filtered.records.map((r) => r.type)).toEqual(['strategy', 'cirt']);
    const paged = jsonOf<Search>(await cli(['gateway', 'search', '--limit', '2', '--json']));
    expect([paged.records.length, paged.total, typeof paged.next]).toEqual([2, 3, 'string']);
    const rest = jsonOf<Search>(await cli(['gateway', 'search', '--limit', '2', '--cursor', paged.next!, '--json']));
    expect([rest.records.length, rest.next]).toEqual([1, null]);
  });

  // A title in the first of ar, zh, en, fr, ru, es it is written in.
  it('prints a table for people, and refuses a bad filter or limit', async () => {
    const run = await cli(['gateway', 'search', 'national strategy']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2 records found\ntype +title +countries +id\nstrategy +National Cybersecurity Strategy +KZ +[0-9a-f-]{36}\nstrategy +الاستراتيجية الوطنية للأمن السيبراني 2024–2028 +TN/);
    const bad = await cli(['gateway', 'search', 'x', '--country', 'XX', '--json']);
    expect(bad.code).toBe(1);
    expect(jsonOf<{ error: { code: string; params: { field: string } } }>(bad).error).toMatchObject({ code: 'gateway.invalid_filter', params: { field: 'country' } });
    expect((await cli(['gateway', 'search', 'x', '--limit', '0'])).code).toBe(2);
  });

  it('exports CSV of one type to a file, read back as a bulk file of that type', async () => {
    const file = path.join(dir, 'strategies.csv');
    const run = await cli(['gateway', 'export', '--type', 'strategy', '--format', 'csv', '--output', file, '--json']);
    expect(run.code).toBe(0);
    expect(jsonOf(run)).toEqual({ file, format: 'csv', type: 'strategy', records: 2 });
    const read = readRecordFile('strategy', fs.readFileSync(file, 'utf8'));
    expect(read.rows.map((row) => row.record)).toEqual([second, EXAMPLE_RECORDS.strategy]);
    const stdout = await cli(['gateway', 'export', 'cybersecurity', '--format', 'csv']);
    expect(stdout.code).toBe(0);
    expect(readRecordFile('strategy', stdout.stdout).valid).toBe(2);
    expect(stdout.stderr).toBe('Exported 2 records as CSV.\n');
  });

  it('exports JSON of any mix, and refuses CSV of several types', async () => {
    const json = await cli(['gateway', 'export', '--format', 'json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { records: { type: string }[] }).records.map((r) => r.type)).toEqual(['strategy', 'cirt', 'strategy']);
    const mixed = await cli(['gateway', 'export', '--format', 'csv']);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/records of 2 types \(cirt, strategy\)/);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
