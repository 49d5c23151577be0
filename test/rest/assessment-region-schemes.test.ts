// Region schemes imported from CSV over REST, on both databases: platform administrators import (a new name)
// or replace one; anyone reads them; a file with an unknown country code answers 400 naming its line and code,
// and nothing is stored; an edition's aggregates over a scheme equal a hand computation on GCI 2024.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { recordedChanges, rest } from './rest-client.ts';

const GCI_2024 = path.join(referenceDataDir(), 'gci', 'gci_2024.csv');

const MAGHREB = ['DZ', 'LY', 'MA', 'MR', 'TN'];
const GULF = ['AE', 'BH', 'KW', 'OM', 'QA', 'SA'];
// Libya and Tunisia belong to both "NA" regions: a country may be in several regions of a scheme.
const NILE = ['EG', 'LY', 'SD', 'TN'];
const SCHEME = [
  'region,name,country,name_ar',
  ...MAGHREB.map((c, i) => `MAG,Maghreb,${c},${i === 0 ? 'المغرب العربي' : ''}`),
  ...GULF.map((c, i) => `GCC,Gulf Cooperation Council,${c.toLowerCase()},${i === 0 ? 'مجلس التعاون الخليجي' : ''}`),
  ...NILE.map((c) => `NA2,North Africa (East),${c},`),
].join('\n');

/** GCI 2024 read here independently of the importer: per alpha-3, [legal, technical, organisational, capacity, cooperation, overall]. */
function published(): Map<string, number[]> {
  const lines = fs.readFileSync(GCI_2024, 'utf8').trim().split(/\r?\n/).slice(1);
  return new Map(lines.map((line) => [line.split(',').at(-2)!, line.split(',').slice(-8, -2).map(Number)]));
}
const ALPHA3: Record<string, string> = { DZ: 'DZA', LY: 'LBY', MA: 'MAR', MR: 'MRT', TN: 'TUN', AE: 'ARE', BH: 'BHR', KW: 'KWT', OM: 'OMN', QA: 'QAT', SA: 'SAU', EG: 'EGY', SD: 'SDN' };

/** Mean, median, min and max written out by hand. */
function byHand(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let sum = 0;
  for (const v of values) sum += v;
  return { count: n, mean: sum / n, median: n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2, min: sorted[0]!, max: sorted[n - 1]! };
}

describe.each(dialects)('region schemes over REST on %s', (dialect) => {
  let server: TestServer;
  const upload = (query: string, body: string, options: { auth?: string | null; method?: string; path?: string; headers?: Record<string, string> } = {}) =>
    rest(server, options.path ?? `/assessment/region-schemes${query}`, {
      method: options.method ?? 'POST',
      auth: options.auth,
      body,
      headers: { 'content-type': 'text/csv; charset=utf-8', ...(options.headers ?? {}) },
    });
  const schemeNames = async () => (await rest(server, '/assessment/region-schemes', { auth: null })).body.schemes.map((s: { name: string }) => s.name);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { edition } = await server.platform.editions.importResults(SYSTEM, { name: 'GCI 2024', text: fs.readFileSync(GCI_2024, 'utf8') });
    expect(edition).toBeDefined();
  });
  afterAll(() => server.close());

  it('imports a scheme as a platform administrator, recorded in the audit log, and shows it to anyone', async () => {
    const response = await upload('?name=Arab%20sub-regions', SCHEME);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ scheme: { name: 'Arab sub-regions', source: null, regions: 3, countries: 13 }, replaced: false });
    const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
    const entry = entries.find((e) => e.action === 'assessment.region_scheme_import')!;
    expect(entry.target).toBe(response.body.scheme.id);
    expect(JSON.parse(entry.details)).toEqual({ name: 'Arab sub-regions', regions: 3, countries: 13, replaced: false });

    expect(await schemeNames()).toEqual(['Arab sub-regions']);
    const detail = await rest(server, '/assessment/region-schemes/arab%20SUB-regions', { auth: null });
    expect(detail.status).toBe(200);
    expect(detail.body.regions).toEqual([
      { region: 'GCC', name: 'Gulf Cooperation Council', names: { ar: 'مجلس التعاون الخليجي' }, countries: [...GULF].sort() },
      { region: 'MAG', name: 'Maghreb', names: { ar: 'المغرب العربي' }, countries: MAGHREB },
      { region: 'NA2', name: 'North Africa (East)', names: {}, countries: NILE },
    ]);
  });

  it('aggregates an edition over the scheme exactly as computed by hand from the published file', async () => {
    const response = await rest(server, '/assessment/editions/GCI%202024/regions?scheme=ARAB%20SUB-REGIONS', { auth: null });
    expect(response.status).toBe(200);
    expect(response.body.scheme).toBe('Arab sub-regions');
    expect(response.body.edition.name).toBe('GCI 2024');
    const scores = published();
    const expected = (countries: string[], column: number) => byHand(countries.map((c) => scores.get(ALPHA3[c]!)![column]!));
    expect(response.body.regions.map((r: { region: string; countries: number }) => [r.region, r.countries])).toEqual([
      ['GCC', 6],
      ['MAG', 5],
      ['NA2', 4],
    ]);
    for (const [code, countries] of [['GCC', GULF], ['MAG', MAGHREB], ['NA2', NILE]] as const) {
      const region = response.body.regions.find((r: { region: string }) => r.region === code);
      for (const [stats, column] of [[region.overall, 5], [region.pillars.legal, 0], [region.pillars.cooperation, 4]] as const) {
        const hand = expected([...countries], column);
        expect(stats.count, code).toBe(hand.count);
        expect(stats.mean, code).toBeCloseTo(hand.mean, 12);
        expect([stats.median, stats.min, stats.max], code).toEqual([hand.median, hand.min, hand.max]);
      }
    }
    // UN M49 is still the default, and may be named.
    const m49 = await rest(server, '/assessment/editions/GCI%202024/regions', { auth: null });
    expect(m49.body.scheme).toBe('m49');
    expect((await rest(server, '/assessment/editions/GCI%202024/regions?scheme=M49', { auth: null })).body.regions).toEqual(m49.body.regions);
    const unknown = await rest(server, '/assessment/editions/GCI%202024/regions?scheme=ITU', { auth: null });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.params]).toEqual([404, 'assessment.region_scheme_not_found', { name: 'ITU' }]);
  });

  it('refuses a file with an unknown country code with 400, naming the line and the code, and stores nothing', async () => {
    const before = await recordedChanges(server);
    const text = 'region,name,country\nMAG,Maghreb,TN\nMAG,,MA\nMAG,,XX\nMAG,,DZ\nGCC,Gulf,\n';
    const response = await upload('?name=Broken', text);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'assessment.region_scheme_problems', params: { count: 2 } });
    expect(response.body.error.problems).toEqual([
      { rule: 'region-scheme-unknown-country', path: 'line 4, country', line: 4, column: 'country', message: 'unknown country code "XX": not an assigned ISO 3166-1 alpha-2 code' },
      { rule: 'region-scheme-unknown-country', path: 'line 6, country', line: 6, column: 'country', message: 'the country code is empty' },
    ]);
    expect(await schemeNames()).toEqual(['Arab sub-regions']);
    expect(await recordedChanges(server)).toBe(before);
    // In the caller's language; the problems keep their rule codes, which the UI says from the problem catalogs.
    const french = await upload('?name=Broken', text, { headers: { 'accept-language': 'fr' } });
    expect(french.body.error.message).toMatch(/^Rien n’a été importé/);
    expect(french.body.error.message).toContain('2');
  });

  it('refuses a non-administrator (403) and an anonymous caller (401), storing nothing', async () => {
    const alice = await upload('?name=Mine', SCHEME, { auth: server.auth.alice });
    expect([alice.status, alice.body.error.code]).toEqual([403, 'assessment.region_scheme_forbidden']);
    const replace = await upload('', SCHEME, { auth: server.auth.alice, method: 'PUT', path: '/assessment/region-schemes/Arab%20sub-regions' });
    expect([replace.status, replace.body.error.code]).toEqual([403, 'assessment.region_scheme_forbidden']);
    const anonymous = await upload('?name=Mine', SCHEME, { auth: null });
    expect(anonymous.status).toBe(401);
    expect(await schemeNames()).toEqual(['Arab sub-regions']);
  });

  it('refuses a name taken (409), the built-in name, a missing name and a file that is not CSV', async () => {
    const taken = await upload('?name=ARAB%20SUB-REGIONS', SCHEME);
    expect([taken.status, taken.body.error.code, taken.body.error.params]).toEqual([409, 'assessment.region_scheme_exists', { name: 'ARAB SUB-REGIONS' }]);
    const reserved = await upload('?name=M49', SCHEME);
    expect([reserved.status, reserved.body.error.code, reserved.body.error.params.field]).toEqual([400, 'assessment.region_scheme_reserved', 'name']);
    const unnamed = await upload('', SCHEME);
    expect([unnamed.status, unnamed.body.error.code, unnamed.body.error.params]).toEqual([400, 'request.missing_field', { field: 'name', in: 'query' }]);
    const json = await upload('?name=Json', '{}', { headers: { 'content-type': 'application/json' } });
    expect([json.status, json.body.error.code]).toEqual([415, 'media.unsupported']);
    const large = await upload('?name=Large', `region,name,country\n${'MAG,Maghreb,TN\n'.repeat(80_000)}`);
    expect([large.status, large.body.error.code]).toEqual([413, 'content.too_large']);
    expect(await schemeNames()).toEqual(['Arab sub-regions']);
  });

  it('replaces a scheme whole with PUT, keeping its id and creation time, and makes one of a new name', async () => {
    const before = (await rest(server, '/assessment/region-schemes/Arab%20sub-regions')).body.scheme;
    const replaced = await upload('', 'region,name,country\nMAG,Maghreb,TN\nMAG,,MA\n', { method: 'PUT', path: '/assessment/region-schemes/Arab%20Sub-Regions' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ scheme: { id: before.id, name: 'Arab Sub-Regions', created_at: before.created_at, regions: 1, countries: 2 }, replaced: true });
    const regions = await rest(server, '/assessment/editions/GCI%202024/regions?scheme=arab%20sub-regions', { auth: null });
    expect(regions.body.regions.map((r: { region: string; countries: number }) => [r.region, r.countries])).toEqual([['MAG', 2]]);
    // A refused replacement leaves the scheme as it was.
    const refused = await upload('', 'region,name,country\nMAG,Maghreb,UK\n', { method: 'PUT', path: '/assessment/region-schemes/Arab%20sub-regions' });
    expect([refused.status, refused.body.error.problems.map((p: { path: string }) => p.path)]).toEqual([400, ['line 2, country']]);
    expect((await rest(server, '/assessment/region-schemes/Arab%20sub-regions')).body.regions).toEqual([{ region: 'MAG', name: 'Maghreb', names: {}, countries: ['MA', 'TN'] }]);
    const fresh = await upload('', 'region,name,country\nLDC,Least developed countries,YE\n', { method: 'PUT', path: '/assessment/region-schemes/LDCs' });
    expect([fresh.status, fresh.body.replaced]).toEqual([200, false]);
    expect(await schemeNames()).toEqual(['Arab Sub-Regions', 'LDCs']);
    const entries = (await server.platform.audit.list(SYSTEM, { limit: 1000 })).filter((e) => e.action === 'assessment.region_scheme_import');
    expect(entries.map((e) => JSON.parse(e.details).replaced)).toEqual([false, true, false]);
  });
});
