// `thiqa assessment score FILE`: an edition file scored again offline gives its published scores; a changed
// weight or a bad file is said, with exit status 1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITION_FORMAT } from '../../shared/assessment/edition-file.ts';
import { smallFramework } from '../../shared/assessment/testing/small-framework.ts';
import { jsonOf, runCli } from './cli-runner.ts';

interface ScoreReport {
  valid: boolean;
  scores: { country: string; pillars: Record<string, number>; overall: number; tier: string; rank: number }[];
  published: { matches: boolean; differences: string[] } | null;
  problems?: { rule: string; path: string }[];
}

const answers = {
  TN: { q1: 'in-place', q2: 'partial', q3: 'nonexistent', q4: 'in-place' },
  KE: { q1: 'partial', q3: 'in-place' },
  EG: { q1: 'in-place', q2: 'in-place', q3: 'in-place', q4: 'in-place' },
};
// By hand: TN legal 50 × 2.5 / 3 = 41.67, technical 50 × 3 / 4 = 37.5; KE legal 50 × 1 / 3 = 16.67, technical 50 × 1 / 4 = 12.5.
const published = [
  { country: 'EG', pillars: { legal: 50, technical: 50 }, overall: 100, tier: 'role-modelling', rank: 1 },
  { country: 'TN', pillars: { legal: 41.67, technical: 37.5 }, overall: 79.17, tier: 'establishing', rank: 2 },
  { country: 'KE', pillars: { legal: 16.67, technical: 12.5 }, overall: 29.17, tier: 'evolving', rank: 3 },
];

describe('thiqa assessment score', () => {
  let dir: string;
  const edition = (change: (file: Record<string, any>) => void = () => {}) => { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests alter files at will
    const file = { format: EDITION_FORMAT, version: 1, edition: { name: 'Test 2026' }, framework: smallFramework(), answers: structuredClone(answers), scores: structuredClone(published) };
    change(file);
    const at = path.join(dir, `edition-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(at, JSON.stringify(file));
    return at;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-assessment-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reproduces the published scores of an edition file', async () => {
    const result = await runCli(['assessment', 'score', edition(), '--json']);
    expect(result.code).toBe(0);
    const report = jsonOf<ScoreReport>(result);
    expect(report.scores).toEqual(published);
    expect(report.published).toEqual({ matches: true, differences: [] });
    const human = await runCli(['assessment', 'score', edition()]);
    expect(human.stdout).toContain('The published scores match.');
    expect(human.stdout).toMatch(/2\s+TN\s+41\.67\s+37\.50\s+79\.17\s+establishing/);
  });

  it('says where the published scores differ when a weight was changed, and exits 1', async () => {
    const result = await runCli(['assessment', 'score', edition((f) => (f.framework.pillars[1].indicators[0].subIndicators[0].questions[0].weight = 1)), '--json']);
    expect(result.code).toBe(1);
    const report = jsonOf<ScoreReport>(result);
    expect(report.published?.matches).toBe(false);
    expect(report.published?.differences).toContain('TN technical: published 37.5, computed 25');
  });

  it('names each problem of a bad file, with its rule and path, and exits 1', async () => {
    const result = await runCli(['assessment', 'score', edition((f) => {
      f.framework.pillars[0].indicators[0].questions[0].weight = -2;
      f.answers.ZZZ = {};
    }), '--json']);
    expect(result.code).toBe(1);
    const report = jsonOf<ScoreReport>(result);
    expect(report.valid).toBe(false);
    expect(report.problems?.map((p) => `${p.rule} ${p.path}`)).toEqual([
      'framework-invalid-weight $.framework.pillars[0].indicators[0].questions[0].weight',
      'edition-wrong-shape $.answers.ZZZ',
    ]);
    const answersOff = await runCli(['assessment', 'score', edition((f) => (f.answers.KE = { q1: 'nonexistent', q2: 'in-place', q9: 'in-place' })), '--json']);
    expect(jsonOf<ScoreReport>(answersOff).problems?.map((p) => `${p.rule} ${p.path}`)).toEqual(['answer-gated-off $.answers.KE.q2', 'answer-unknown-question $.answers.KE.q9']);
    const notJson = path.join(dir, 'not.json');
    fs.writeFileSync(notJson, '{ "format": ');
    expect(jsonOf<ScoreReport>(await runCli(['assessment', 'score', notJson, '--json'])).problems?.map((p) => p.rule)).toEqual(['edition-not-json']);
  });

  it('says how each country holds its tier and rank when the weights move, the same for the same seed', async () => {
    const file = edition();
    const run = async () => jsonOf<{ countries: { country: string; tierKept: number; rankP5: number; rankP95: number }[] }>(await runCli(['assessment', 'sensitivity', file, '--draws', '500', '--spread', '0.25', '--seed', '3', '--json']));
    const first = await run();
    expect(await run()).toEqual(first);
    const byCountry = Object.fromEntries(first.countries.map((c) => [c.country, c]));
    expect(byCountry.EG).toMatchObject({ tierKept: 1, rankP5: 1, rankP95: 1 });
    expect(first.countries).toHaveLength(3);
    const bad = await runCli(['assessment', 'sensitivity', file, '--spread', '1.5']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--spread');
  });

  it('ranks what a country and a region lack', async () => {
    const file = edition();
    const needs = jsonOf<{ needs: { question: string; priority: number }[] }>(await runCli(['assessment', 'needs', file, '--country', 'ke', '--json']));
    // KE: q1 partial (2 × 0.5), q2 asked and unanswered (1 × 1), q4 unanswered (3 × 1); q3 in place.
    expect(needs.needs.map((n) => [n.question, n.priority])).toEqual([
      ['q4', 3],
      ['q1', 1],
      ['q2', 1],
    ]);
    const africa = jsonOf<{ needs: { question: string; countries: number }[] }>(await runCli(['assessment', 'needs', file, '--region', '002', '--json']));
    expect(africa.needs.find((n) => n.question === 'q4')).toMatchObject({ countries: 1 });
    const none = await runCli(['assessment', 'needs', file, '--country', 'FR', '--json']);
    expect(jsonOf<{ error: { code: string } }>(none).error.code).toBe('assessment.country_not_in_edition');
  });
});
