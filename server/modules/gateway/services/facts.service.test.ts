// What the published records say of each country, on both databases. After importing the EU CSIRTs Network
// list, the gaps list every UN country of the reference ISO 3166 / M49 file (../shared/data/countries) that has
// no CIRT on record — exactly the file's countries with an M49 region less the list's — while the list's
// countries are `unconfirmed` (the list gives no kind) until a record says `national`. Strategies and
// agreements by status; coverage by region and sub-region matching the file's own region codes; a country's
// facts with its records; the cooperation network by form and status. Pending records count nowhere.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../core/auth/actor.ts';
import type { Platform } from '../../../platform.ts';
import { parseCsv } from '../../../../shared/assessment/csv.ts';
import type { GatewayRecord } from '../../../../shared/gateway/record-types.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';
import { referenceDataDir } from '../../../../test/support/reference-data.ts';

/** The reference file's countries: alpha-2 → M49 region and sub-region codes (empty where it gives none). */
function referenceCountries(): Map<string, { region: string; subRegion: string }> {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(referenceDataDir(), 'countries', 'iso3166-m49.csv'), 'utf8')).map((r) => r.fields);
  const column = (name: string) => header!.indexOf(name);
  return new Map(rows.map((r) => [r[column('alpha-2')]!, { region: r[column('region-code')]!, subRegion: r[column('sub-region-code')]! }]));
}

const euList = () => fs.readFileSync(path.join(referenceDataDir(), 'csirts', 'eu-csirts-network.csv'));

const AGREEMENTS: GatewayRecord[] = [
  { title: { fr: 'Accord de coopération en cybersécurité', ar: 'اتفاقية تعاون في مجال الأمن السيبراني' }, source_url: 'https://example.org/tn-fr', form: 'bilateral', countries: ['TN', 'FR'], status: 'in-force' },
  { title: { en: 'Budapest-style regional convention' }, source_url: 'https://example.org/convention', form: 'multilateral', countries: ['SN', 'CI', 'GH'], organisations: ['ECOWAS'], status: 'signed' },
  { title: { en: 'Memorandum under negotiation' }, source_url: 'https://example.org/mou', form: 'bilateral', countries: ['KE', 'GH'], status: 'negotiation' },
];

describe.each(dialects)('Gateway facts, gaps and network on %s', (dialect) => {
  let test: TestPlatform;
  let platform: Platform;
  const reference = referenceCountries();
  const euCountries = new Set<string>();

  const publish = async (type: string, record: GatewayRecord) => {
    const proposed = await platform.gatewayRecords.propose(SYSTEM, { type, record });
    await platform.gatewayModeration.moderate(SYSTEM, proposed.record.id, 1, { action: 'accept' });
    return proposed.record.id;
  };

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    platform = test.platform;
    const report = await platform.gatewayImport.import(SYSTEM, { type: 'cirt', content: euList() });
    for (const { id } of report.records) {
      const country = (await platform.gatewayRecords.get(SYSTEM, id)).record.body!.country;
      if (typeof country === 'string') euCountries.add(country);
    }
  });
  afterAll(() => test.close());

  it('lists as lacking a CIRT every UN country of the reference file the EU list does not name', async () => {
    const gaps = await platform.gatewayFacts.gaps();
    const un = [...reference].filter(([, codes]) => codes.region !== '').map(([code]) => code).sort();
    expect(gaps.countries.map((c) => c.country)).toEqual(un);
    expect(euCountries.size).toBe(24);
    expect(gaps.gaps.nationalCirt).toEqual(un.filter((code) => !euCountries.has(code)));
    expect(gaps.unconfirmed.nationalCirt).toEqual([...euCountries].sort());
    expect(gaps.gaps.nationalCirt).toContain('TN');
    expect(gaps.gaps.nationalCirt).not.toContain('AT');
    // Antarctica and Taiwan have no M49 region in the file, and are not on the UN list.
    expect(un).not.toContain('AQ');
    for (const c of gaps.countries) expect([c.region, c.subRegion], c.country).toEqual([reference.get(c.country)!.region, reference.get(c.country)!.subRegion]);
    expect(gaps.countries.find((c) => c.country === 'CZ')).toMatchObject({ facts: { nationalCirt: 'unconfirmed', strategy: 'no', agreement: 'no' }, records: { nationalCirt: 3 } });
  });

  it('counts a country as having a national CIRT once a record says so, and strategies and agreements by status', async () => {
    await publish('cirt', { title: { ar: 'الوكالة الوطنية للسلامة المعلوماتية', fr: 'tunCERT' }, source_url: 'https://www.ansi.tn', country: 'TN', kind: 'national' });
    await publish('cirt', { title: { en: 'CERT.at (national)' }, source_url: 'https://cert.at/en', country: 'AT', kind: 'national' });
    await publish('strategy', { title: { fr: 'Stratégie nationale de cybersécurité' }, source_url: 'https://example.org/tn-strategy', country: 'TN', status: 'adopted' });
    await publish('strategy', { title: { es: 'Estrategia nacional (borrador)' }, source_url: 'https://example.org/cl-strategy', country: 'CL', status: 'draft' });
    for (const agreement of AGREEMENTS) await publish('agreement', agreement);
    // Pending: counts nowhere.
    await platform.gatewayRecords.propose(SYSTEM, { type: 'strategy', record: { title: { en: 'Pending strategy' }, source_url: 'https://example.org/ke', country: 'KE', status: 'adopted' } });

    const gaps = await platform.gatewayFacts.gaps();
    const of = (code: string) => gaps.countries.find((c) => c.country === code)!.facts;
    expect(of('TN')).toEqual({ nationalCirt: 'yes', strategy: 'yes', agreement: 'yes' });
    expect(of('AT')).toEqual({ nationalCirt: 'yes', strategy: 'no', agreement: 'no' });
    expect(of('CL')).toEqual({ nationalCirt: 'no', strategy: 'unconfirmed', agreement: 'no' });
    expect(of('KE')).toEqual({ nationalCirt: 'no', strategy: 'no', agreement: 'unconfirmed' });
    expect(of('GH').agreement).toBe('yes');
    expect(gaps.gaps.nationalCirt).not.toContain('TN');
    expect(gaps.unconfirmed.nationalCirt).not.toContain('AT');
    expect(gaps.gaps.strategy).not.toContain('TN');
    expect(gaps.gaps.strategy).toContain('KE');
    expect(gaps.gaps.agreement.filter((c) => ['TN', 'FR', 'SN', 'CI', 'GH', 'KE'].includes(c))).toEqual([]);
  });

  it('covers each M49 region and sub-region, counting its countries in each state', async () => {
    const gaps = await platform.gatewayFacts.gaps();
    const europe = gaps.regions.find((r) => r.code === '150')!;
    const inEurope = [...reference].filter(([, c]) => c.region === '150').length;
    expect(europe).toMatchObject({ level: 'region', countries: inEurope });
    expect(europe.facts.nationalCirt.yes + europe.facts.nationalCirt.unconfirmed + europe.facts.nationalCirt.no).toBe(inEurope);
    expect(europe.facts.nationalCirt).toMatchObject({ yes: 1, unconfirmed: 23 });
    const northernAfrica = gaps.regions.find((r) => r.code === '015')!;
    expect(northernAfrica).toMatchObject({ level: 'sub-region', countries: [...reference].filter(([, c]) => c.subRegion === '015').length, facts: { nationalCirt: { yes: 1 }, strategy: { yes: 1 } } });
    expect(gaps.regions.map((r) => r.level)).toEqual([...gaps.regions.filter((r) => r.level === 'region'), ...gaps.regions.filter((r) => r.level === 'sub-region')].map((r) => r.level));
    const africa = await platform.gatewayFacts.gaps({ region: '002' });
    expect(africa.countries.every((c) => c.region === '002')).toBe(true);
    expect(africa.countries.length).toBe([...reference].filter(([, c]) => c.region === '002').length);
    expect(await errorCode(platform.gatewayFacts.gaps({ region: '999' }))).toBe('gateway.invalid_filter');
  });

  it('answers a country’s facts with every published record naming it, for the Assessment side', async () => {
    const facts = await platform.gatewayFacts.factsOf('tn');
    expect(facts).toMatchObject({ country: 'TN', region: '002', subRegion: '015', facts: { nationalCirt: 'yes', strategy: 'yes', agreement: 'yes' }, records: { nationalCirt: 1, strategy: 1, agreement: 1 } });
    expect(facts.published.map((r) => r.type).sort()).toEqual(['agreement', 'cirt', 'strategy']);
    expect(await errorCode(platform.gatewayFacts.factsOf('XA'))).toBe('gateway.unknown_country');
  });

  it('draws the cooperation network: parties, agreements whole, and pairs by form and status', async () => {
    const network = await platform.gatewayNetwork.network();
    expect(network.agreements.map((a) => [a.form, a.status, a.parties])).toEqual([
      ['bilateral', 'negotiation', ['country:KE', 'country:GH']],
      ['multilateral', 'signed', ['country:SN', 'country:CI', 'country:GH', 'organisation:ecowas']],
      ['bilateral', 'in-force', ['country:TN', 'country:FR']],
    ]);
    expect(network.nodes.map((n) => [n.id, n.agreements])).toEqual([
      ['country:CI', 1], ['country:FR', 1], ['country:GH', 2], ['country:KE', 1], ['country:SN', 1], ['country:TN', 1], ['organisation:ecowas', 1],
    ]);
    expect(network.nodes.find((n) => n.kind === 'organisation')).toMatchObject({ name: 'ECOWAS', region: null });
    expect(network.edges).toHaveLength(1 + 6 + 1);
    expect(network.edges.find((e) => e.source === 'country:FR')).toMatchObject({ target: 'country:TN', form: 'bilateral', status: 'in-force' });
    const multilateral = await platform.gatewayNetwork.network({ form: 'multilateral' });
    expect(multilateral.edges.every((e) => e.form === 'multilateral' && e.status === 'signed')).toBe(true);
    expect((await platform.gatewayNetwork.network({ country: 'gh' })).agreements).toHaveLength(2);
    expect((await platform.gatewayNetwork.network({ region: '015' })).agreements.map((a) => a.parties[0])).toEqual(['country:TN']);
    expect((await platform.gatewayNetwork.network({ status: 'expired' })).nodes).toEqual([]);
    expect(await errorCode(platform.gatewayNetwork.network({ form: 'trilateral' }))).toBe('gateway.invalid_filter');
  });
});
