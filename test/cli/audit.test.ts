// `thiqa audit verify` and `thiqa audit export` through the real command, on both databases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/core/config.ts';
import { openPlatform } from '../../server/platform.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

interface Verified {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  problems: { seq: number; kind: string; message: string }[];
}

describe.each(dialects)('thiqa audit on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  const cli = (...args: string[]) => runCli([...args, ...storeArgs(store)]);

  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-audit-'));
    expect((await cli('init')).code).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('exports the entries as JSON Lines, recording the exports themselves', async () => {
    const file = path.join(dir, 'bundle.json');
    expect((await cli('export', 'default', '--output', file)).code).toBe(0);
    const out = path.join(dir, 'audit.jsonl');
    const result = await cli('audit', 'export', '--output', out, '--json');
    expect(result.code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(jsonOf(result)).toEqual({ file: out, entries: lines.length });
    expect(lines.map((line) => line.action)).toEqual(['api_root.create', 'collection.create', 'user.add', 'collection.export']);
    expect(lines[3]).toMatchObject({ seq: 4, actor: 'system', details: { versions: 0 }, organisation_id: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const streamed = await cli('audit', 'export');
    expect(streamed.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { action: string }).action).at(-1)).toBe('audit.export');
  });

  it('verify says OK with the count and head, and --expect-head accepts that head', async () => {
    const human = await cli('audit', 'verify');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Audit log intact: 6 entries\.\nHead: 6:[0-9a-f]{64}\n/);
    const json = jsonOf<Verified>(await cli('audit', 'verify', '--json'));
    expect(json).toMatchObject({ ok: true, entries: 6, head: { seq: 6 }, problems: [] });
    expect((await cli('audit', 'verify', '--expect-head', `${json.head.seq}:${json.head.hash}`)).code).toBe(0);
    const bad = await cli('audit', 'verify', '--expect-head', 'yesterday', '--json');
    expect(bad.code).toBe(2);
    expect(jsonOf<{ error: { code: string } }>(bad).error.code).toBe('usage.invalid_anchor');
  });

  it('verify names the first broken entry and exits 1', async () => {
    const platform = await openPlatform(loadConfig({ databaseUrl: store.url }, {}));
    try {
      await platform.db.run("UPDATE audit_log SET actor = 'user:someone' WHERE seq = 2");
    } finally {
      await platform.close();
    }
    const human = await cli('audit', 'verify');
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^Audit log BROKEN at entry 2 \(hash_mismatch\): entry 2 .*edited/);
    const json = await cli('audit', 'verify', '--json');
    expect(json.code).toBe(1);
    expect(jsonOf<Verified>(json)).toMatchObject({ ok: false, entries: 1, problems: [{ seq: 2, kind: 'hash_mismatch' }] });
  });
});
