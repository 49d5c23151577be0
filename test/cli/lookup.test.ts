// `thiqa lookup` through the real command on both databases: values looked up as the operator and as a user
// (--as), text and --json output, usage errors, and `lookup reindex`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP2_MARKINGS } from '../../shared/stix/tlp.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { jsonOf, runCli, storeArgs } from './cli-runner.ts';

const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects });

interface Answers {
  results: { query: string; type: string | null; value: string | null; matches: { id: string }[]; organisations: number }[];
}

describe.each(dialects)('thiqa lookup on %s', (dialect) => {
  let store: TestStore;
  let cli: (args: string[], input?: string) => ReturnType<typeof runCli>;
  const scanner = indicator({ pattern: "[ipv4-addr:value = '198.51.100.0/24']" });
  const strict = indicator({ pattern: "[domain-name:value = 'strict.example']", object_marking_refs: [TLP2_MARKINGS['amber+strict']] });

  beforeAll(async () => {
    store = await createTestStore(dialect);
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init', '--json'])).code).toBe(0);
    expect((await cli(['import', '-', '--collection', 'default', '--json'], bundle([scanner, strict]))).code).toBe(0);
    expect((await cli(['user', 'add', 'dana'], 'dana-password-1\n')).code).toBe(0);
  }, 120_000);
  afterAll(async () => store.drop());

  it('prints each value’s type, normal form and matches, and answers --json as the REST API', async () => {
    const text = await cli(['lookup', '198.51.100.9', 'Strict.Example.', 'nonsense value']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('198.51.100.9 (ipv4-addr 198.51.100.9): 1 object(s), reported by 0 organisation(s)');
    expect(text.stdout).toContain(`  ${String(scanner.id)} `);
    expect(text.stdout).toContain('Strict.Example. (domain-name strict.example): 1 object(s)');
    expect(text.stdout).toContain('nonsense value: not an observable value');
    const json = jsonOf<Answers>(await cli(['lookup', '198.51.100.0/25', '--json']));
    expect(json.results).toEqual([expect.objectContaining({ query: '198.51.100.0/25', type: 'ipv4-addr', value: '198.51.100.0/25', matches: [expect.objectContaining({ id: scanner.id })] })]);
  });

  it('answers as a user with --as: nothing of a collection the user may not read', async () => {
    const json = jsonOf<Answers>(await cli(['lookup', '198.51.100.9', 'strict.example', '--as', 'dana', '--json']));
    expect(json.results.map((r) => r.matches)).toEqual([[], []]);
  });

  it('refuses no values, and rebuilds the index with reindex', async () => {
    const none = await cli(['lookup', '--json']);
    expect([none.code, jsonOf<{ error: { code: string } }>(none).error.code]).toEqual([2, 'usage.lookup_values']);
    const report = jsonOf<{ collections: number; versions: number; observables: number }>(await cli(['lookup', 'reindex', '--json']));
    expect(report).toEqual({ collections: 1, versions: 2, observables: 2 });
    expect(jsonOf<Answers>(await cli(['lookup', 'strict.example', '--json'])).results[0]!.matches).toHaveLength(1);
  });
});
