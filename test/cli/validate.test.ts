// `thiqa validate`: offline, no store; reports per object and exits 1 on any error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceBundles } from '../support/reference-data.ts';
import { BAD_BUNDLE } from './bundles.ts';
import { jsonOf, runCli } from './cli-runner.ts';

interface ValidationReport {
  valid: boolean;
  objects: number;
  errors: number;
  warnings: number;
  envelope: { rule: string }[];
  results: { index: number; id: string | null; problems: { severity: string; rule: string; path: string; message: string }[] }[];
  malformed: { code: string; offset: number; line: number; column: number } | null;
}

describe('thiqa validate', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, text);
    return at;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-validate-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(referenceBundles())('passes %s', async (bundle) => {
    const result = await runCli(['validate', bundle, '--json']);
    expect(result.code).toBe(0);
    expect(jsonOf<ValidationReport>(result)).toMatchObject({ valid: true, errors: 0, envelope: [], malformed: null });
  });

  it('reports each bad object with its index, id, rule codes and JSON paths, and exits 1', async () => {
    const bad = file('bad.json', JSON.stringify(BAD_BUNDLE, null, 2));
    const result = await runCli(['validate', bad, '--json']);
    expect(result.code).toBe(1);
    const report = jsonOf<ValidationReport>(result);
    expect(report).toMatchObject({ valid: false, objects: 4, errors: 3 });
    expect(report.results.map((r) => [r.index, r.id, r.problems.map((p) => `${p.severity} ${p.rule} ${p.path}`)])).toEqual([
      [1, 'indicator--not-a-uuid', ['error invalid-identifier $.id', 'error required-property $.pattern']],
      [3, null, ['error not-an-object $']],
    ]);

    const human = await runCli(['validate', bad]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('#1 indicator--not-a-uuid\n  error   invalid-identifier  $.id  ');
    expect(human.stdout).toContain('#3 (no id)\n  error   not-an-object  $  ');
    expect(human.stdout).toMatch(/INVALID: 4 objects, 3 errors, 0 warnings\.\n$/);
  });

  it('checks the envelope: a missing id and an empty objects list are errors', async () => {
    const result = await runCli(['validate', file('envelope.json', '{"type":"bundle","objects":[]}'), '--json']);
    expect(result.code).toBe(1);
    expect(jsonOf<ValidationReport>(result).envelope.map((p) => p.rule).sort()).toEqual(['empty-list', 'required-property']);
  });

  it('reports malformed JSON with its position, having checked the objects before it', async () => {
    const text = `${JSON.stringify(BAD_BUNDLE, null, 2).slice(0, -4)}\n  ,}`;
    const result = await runCli(['validate', file('broken.json', text), '--json']);
    expect(result.code).toBe(1);
    const report = jsonOf<ValidationReport>(result);
    expect(report.objects).toBe(4);
    expect(report.malformed).toMatchObject({ code: 'json.syntax', offset: Buffer.byteLength(text) - 1 });
    const human = await runCli(['validate', path.join(dir, 'broken.json')]);
    expect(human.stdout).toMatch(/malformed JSON at byte \d+ \(line \d+, column 4\): expected a value, found "}"/);
  });

  it('reads stdin and needs no store', async () => {
    const result = await runCli(['validate', '-', '--data', path.join(dir, 'never-created')], { input: fs.readFileSync(referenceBundles()[0]!) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<stdin>: valid/m);
    expect(fs.existsSync(path.join(dir, 'never-created'))).toBe(false);
  });
});
