// The commitment index's published results over REST, on both databases: public (no credentials needed),
// exactly as imported, ranked and tiered; two editions compared; unknown editions and missing fields named.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { rest } from './rest-client.ts';

const gci = (name: string) => fs.readFileSync(path.join(referenceDataDir(), 'gci', name), 'utf8');

describe.each(dialects)('assessment results over REST on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const [name, file] of [['GCI 2020', 'gci_2020.csv'], ['GCI 2024', 'gci_2024.csv']]) {
      const { edition } = await server.platform.editions.importResults(SYSTEM, { name: name!, text: gci(file!) });
      expect(edition).toBeDefined();
    }
  });
  afterAll(() => server.close());

  it('lists the editions to anyone, signed in or not', async () => {
    const anonymous = await rest(server, '/assessment/editions', { auth: null });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.editions.map((e: { name: string; year: number; kind: string }) => [e.name, e.year, e.kind])).toEqual([
      ['GCI 2020', 2020, 'scores-only'],
      ['GCI 2024', 2024, 'scores-only'],
    ]);
  });

  it('answers an edition’s results exactly as published, ranked, with tiers', async () => {
    const response = await rest(server, `/assessment/editions/${encodeURIComponent('gci 2024')}/results`, { auth: null });
    expect(response.status).toBe(200);
    expect(response.body.results).toHaveLength(194);
    const albania = response.body.results.find((r: { country: string }) => r.country === 'AL');
    expect(albania).toMatchObject({ overall: 86.5063381552001, tier: 'advancing', pillars: { technical: 18.378615933412604 } });
    expect(response.body.results[0].rank).toBe(1);
  });

  it('downloads an edition’s results as CSV at full precision, the pillars an edition lacks left empty', async () => {
    const response = await fetch(`${server.url}/api/v1/assessment/editions/GCI%202024/results.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="GCI 2024.csv"');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('country,legal,technical,organisational,capacity,cooperation,overall,tier,rank');
    expect(lines).toHaveLength(195);
    expect(lines).toContain('AL,20,18.378615933412604,19.465132154006245,12.077979891913667,16.58461017586758,86.5063381552001,advancing,' + lines.find((l) => l.startsWith('AL,'))!.split(',').pop());
    const old = (await (await fetch(`${server.url}/api/v1/assessment/editions/GCI%202020/results.csv`)).text()).split('\r\n');
    expect(old.filter((l) => /,,/.test(l)).length).toBeGreaterThanOrEqual(3);
  });

  it('compares two editions per country', async () => {
    const response = await rest(server, '/assessment/compare?from=GCI%202020&to=GCI%202024', { auth: null });
    expect(response.status).toBe(200);
    expect(response.body.only_to).toEqual(['FM', 'VA', 'YE']);
    const afghanistan = response.body.countries.find((c: { country: string }) => c.country === 'AF');
    expect(afghanistan.overall).toBeCloseTo(18.41864682399532 - 5.2, 10);
    expect(afghanistan.tier).toEqual({ from: 'building', to: 'building' });
  });

  it('aggregates an edition per UN M49 region and sub-region', async () => {
    const response = await rest(server, '/assessment/editions/GCI%202024/regions', { auth: null });
    expect(response.status).toBe(200);
    const regions = new Map(response.body.regions.map((r: { region: string }) => [r.region, r]));
    // Five M49 regions, all with results; Northern Africa (015) among the sub-regions.
    for (const code of ['002', '009', '019', '142', '150']) expect(regions.has(code), code).toBe(true);
    const world = response.body.regions.filter((r: { region: string }) => ['002', '009', '019', '142', '150'].includes(r.region));
    expect(world.reduce((n: number, r: { countries: number }) => n + r.countries, 0)).toBe(194);
    const northernAfrica = regions.get('015') as { overall: { min: number; max: number; mean: number; count: number } };
    expect(northernAfrica.overall.count).toBeGreaterThanOrEqual(6);
    expect(northernAfrica.overall.min).toBeLessThanOrEqual(northernAfrica.overall.mean);
    expect(northernAfrica.overall.mean).toBeLessThanOrEqual(northernAfrica.overall.max);
  });

  it('answers a country’s history across editions, with its region', async () => {
    const response = await rest(server, '/assessment/countries/tn', { auth: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ country: 'TN', region: '002', sub_region: '015' });
    expect(response.body.editions.map((e: { edition: { name: string }; countries: number }) => [e.edition.name, e.countries])).toEqual([
      ['GCI 2020', 191],
      ['GCI 2024', 194],
    ]);
    const yemen = await rest(server, '/assessment/countries/YE', { auth: null });
    expect(yemen.body.editions.map((e: { edition: { name: string } }) => e.edition.name)).toEqual(['GCI 2024']);
    const bad = await rest(server, '/assessment/countries/UK', { auth: null });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'assessment.invalid_country']);
  });

  it('names a missing edition and a missing query field', async () => {
    const missing = await rest(server, '/assessment/editions/GCI%201999/results', { auth: null });
    expect([missing.status, missing.body.error.code, missing.body.error.params]).toEqual([404, 'assessment.edition_not_found', { name: 'GCI 1999' }]);
    const noTo = await rest(server, '/assessment/compare?from=GCI%202020', { auth: null });
    expect([noTo.status, noTo.body.error.code, noTo.body.error.params.field]).toEqual([400, 'request.missing_field', 'to']);
  });
});
