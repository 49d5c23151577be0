// `thiqa assessment framework import|list|export` on both databases: a framework goes in checked whole and
// comes out as it went in; a stored version never changes; a bad file is refused with every problem named.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_FRAMEWORKS } from '../../cli/commands/assessment-framework.command.ts';
import { smallFramework } from '../../shared/assessment/testing/small-framework.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { jsonOf, runCli, storeArgs, type CliResult } from './cli-runner.ts';

describe.each(dialects)('assessment frameworks on %s', (dialect) => {
  let store: TestStore;
  let dir: string;
  let cli: (args: string[]) => Promise<CliResult>;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-frameworks-'));
    cli = (args) => runCli([...args, ...storeArgs(store)]);
    expect((await cli(['init', '--json'])).code).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await store.drop();
  });

  it('imports a shipped framework by name and exports it back unchanged', async () => {
    const imported = await cli(['assessment', 'framework', 'import', 'csirt-maturity', '--json']);
    expect(imported.code).toBe(0);
    expect(jsonOf<{ framework: { id: string; version: string } }>(imported).framework).toMatchObject({ id: 'csirt-maturity', version: '1' });
    const out = path.join(dir, 'out.json');
    expect((await cli(['assessment', 'framework', 'export', 'csirt-maturity', '--output', out])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(JSON.parse(fs.readFileSync(path.join(SHIPPED_FRAMEWORKS, 'csirt-maturity.json'), 'utf8')));
  });

  it('keeps versions apart and never changes a stored one', async () => {
    const file = (name: string, framework: unknown) => {
      const at = path.join(dir, name);
      fs.writeFileSync(at, JSON.stringify(framework));
      return at;
    };
    expect((await cli(['assessment', 'framework', 'import', file('v1.json', smallFramework())])).code).toBe(0);
    const again = await cli(['assessment', 'framework', 'import', file('v1b.json', { ...smallFramework(), title: { ...smallFramework().title, en: 'changed' } }), '--json']);
    expect(again.code).not.toBe(0);
    expect(jsonOf<{ error: { code: string } }>(again).error.code).toBe('assessment.framework_exists');
    expect((await cli(['assessment', 'framework', 'import', file('v2.json', { ...smallFramework(), version: '2' })])).code).toBe(0);
    const list = jsonOf<{ frameworks: { id: string; version: string; shipped: boolean }[] }>(await cli(['assessment', 'framework', 'list', '--json']));
    // The shipped GCA questionnaire is listed too, not imported yet (an edition opened on it stores it).
    expect(list.frameworks.map((f) => `${f.id}@${f.version}${f.shipped ? ' shipped' : ''}`)).toEqual(['csirt-maturity@1', 'gca-commitment@1 shipped', 'test-framework@1', 'test-framework@2']);
    const v1 = JSON.parse((await cli(['assessment', 'framework', 'export', 'test-framework', '--version', '1'])).stdout);
    expect(v1.title.en).toBe(smallFramework().title.en);
    expect(JSON.parse((await cli(['assessment', 'framework', 'export', 'test-framework'])).stdout).version).toBe('2');
  });

  it('refuses a bad framework whole, naming every problem, and an unknown one on export', async () => {
    const bad = structuredClone(smallFramework()) as unknown as { version: string; pillars: { indicators: { questions: { weight: number; parent?: string }[] }[] }[] };
    bad.version = '3';
    bad.pillars[0]!.indicators[0]!.questions[0]!.weight = -1;
    bad.pillars[0]!.indicators[0]!.questions[1]!.parent = 'nowhere';
    const at = path.join(dir, 'bad.json');
    fs.writeFileSync(at, JSON.stringify(bad));
    const refused = await cli(['assessment', 'framework', 'import', at, '--json']);
    expect(refused.code).toBe(1);
    expect(jsonOf<{ problems: { rule: string; path: string }[] }>(refused).problems.map((p) => `${p.rule} ${p.path}`)).toEqual([
      'framework-invalid-weight $.pillars[0].indicators[0].questions[0].weight',
      'framework-unknown-parent $.pillars[0].indicators[0].questions[1].parent',
    ]);
    const list = jsonOf<{ frameworks: { version: string }[] }>(await cli(['assessment', 'framework', 'list', '--json']));
    expect(list.frameworks.map((f) => f.version)).not.toContain('3');
    const unknown = await cli(['assessment', 'framework', 'export', 'no-such-framework', '--json']);
    expect(jsonOf<{ error: { code: string } }>(unknown).error.code).toBe('assessment.framework_not_found');
  });
});
