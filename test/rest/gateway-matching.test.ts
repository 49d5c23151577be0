// A country's assessment needs matched with the Gateway's assistance offers, over REST, on both databases: a small
// cycle edition on the shipped GCA framework is run through the services (opened, Tunisia assessed from public
// evidence on a few questions, finalised, published), and assistance offers aimed at Tunisia, at its sub-region,
// at Africa, at Europe, and at no one are published. Each need gets exactly the offers for its indicator that
// reach Tunisia, the most precisely aimed first; the needs keep the profile's order by priority. An edition not
// published is not found, as the Assessment module answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import type { GatewayRecord } from '../../shared/gateway/record-types.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { rest } from './rest-client.ts';

const EDITION = 'GCA 2027 (matching)';
const DRAFT = 'GCA 2028 (open)';

const OFFERS: [name: string, record: GatewayRecord][] = [
  ['cirt-for-tn', { title: { fr: 'Appui à la mise en place du CERT national' }, source_url: 'https://example.org/offer/tn', provider: 'Example Development Agency', kinds: ['cirt-establishment'], indicators: ['technical-national-cirt'], countries: ['TN'] }],
  ['africa', { title: { en: 'Cybercrime law and CIRT programme for Africa', ar: 'برنامج لأفريقيا' }, source_url: 'https://example.org/offer/africa', provider: 'Example Cyber Capacity Fund', kinds: ['legal-drafting', 'training'], indicators: ['legal-cybercrime', 'technical-national-cirt'], regions: ['002'] }],
  ['europe', { title: { en: 'Cybercrime law for Europe' }, source_url: 'https://example.org/offer/europe', provider: 'Example Cyber Capacity Fund', kinds: ['legal-drafting'], indicators: ['legal-cybercrime'], regions: ['150'] }],
  ['northern-africa', { title: { ar: 'صياغة الاستراتيجيات الوطنية في شمال أفريقيا' }, source_url: 'https://example.org/offer/north', provider: 'Example Regional Cybersecurity Centre', kinds: ['strategy-drafting'], indicators: ['organisational-strategy'], regions: ['015'] }],
  ['no-one', { title: { en: 'Strategy drafting, anywhere' }, source_url: 'https://example.org/offer/any', provider: 'Example University', kinds: ['strategy-drafting'], indicators: ['organisational-strategy', 'technical-national-cirt'] }],
];

describe.each(dialects)('needs matched with assistance over REST on %s', (dialect) => {
  let server: TestServer;
  const names = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { cycles, answers, gatewayRecords, gatewayModeration } = server.platform;
    await cycles.open(SYSTEM, { name: EDITION, framework: 'gca-commitment' });
    await cycles.invite(SYSTEM, EDITION, { country: 'TN' });
    for (const [question, level] of [
      ['technical-cirt-exists', 'nonexistent'],
      ['legal-cybercrime-substantive', 'partial'],
      ['organisational-strategy-adopted', 'in-place'],
    ] as const) {
      await answers.save(SYSTEM, EDITION, 'TN', question, { level, revision: 0 });
    }
    await cycles.finalise(SYSTEM, EDITION);
    await cycles.publish(SYSTEM, EDITION);
    await cycles.open(SYSTEM, { name: DRAFT, framework: 'gca-commitment' });
    for (const [name, record] of OFFERS) {
      const proposed = await gatewayRecords.propose(SYSTEM, { type: 'assistance', record });
      await gatewayModeration.moderate(SYSTEM, proposed.record.id, 1, { action: 'accept' });
      names.set(proposed.record.id, name);
    }
    // Pending offers meet no need.
    await gatewayRecords.propose(SYSTEM, { type: 'assistance', record: { ...OFFERS[0]![1], source_url: 'https://example.org/offer/pending' } });
  });
  afterAll(() => server.close());

  it('gives each need the offers for its indicator that reach the country, most precisely aimed first', async () => {
    const response = await rest(server, `/gateway/matching?country=tn&edition=${encodeURIComponent(EDITION)}`, { auth: null });
    expect(response.status).toBe(200);
    const { body } = response;
    expect(body).toMatchObject({ country: 'TN', region: '002', sub_region: '015', edition: { name: EDITION, kind: 'cycle', status: 'published' }, offers: 3 });
    const profile = await rest(server, `/assessment/countries/TN/profile?edition=${encodeURIComponent(EDITION)}`, { auth: null });
    expect(body.needs.map((n: { question: string }) => n.question)).toEqual(profile.body.needs.map((n: { question: string }) => n.question));
    const priorities = body.needs.map((n: { priority: number }) => n.priority);
    expect(priorities).toEqual([...priorities].sort((a: number, b: number) => b - a));

    const offersOf = (question: string) => {
      const need = body.needs.find((n: { question: string }) => n.question === question);
      return need.offers.map((o: { id: string; reach: string }) => [names.get(o.id), o.reach]);
    };
    expect(offersOf('technical-cirt-exists')).toEqual([['cirt-for-tn', 'country'], ['africa', 'region']]);
    expect(offersOf('legal-cybercrime-substantive')).toEqual([['africa', 'region']]);
    expect(offersOf('organisational-strategy-review')).toEqual([['northern-africa', 'sub-region']]);
    expect(body.needs.find((n: { question: string }) => n.question === 'organisational-strategy-adopted')).toBeUndefined();
    for (const need of body.needs) {
      expect(need.indicator).toEqual(expect.any(String));
      for (const offer of need.offers) expect(offer.record.indicators).toContain(need.indicator);
      expect(need.offers.map((o: { id: string }) => names.get(o.id))).not.toContain('europe');
      expect(need.offers.map((o: { id: string }) => names.get(o.id))).not.toContain('no-one');
    }
    const tech = body.needs.find((n: { question: string }) => n.question === 'technical-cirt-exists');
    expect(tech).toMatchObject({ pillar: 'technical', indicator: 'technical-national-cirt', priority: 3, text: { en: expect.any(String), ar: expect.any(String) } });
  });

  it('takes the newest published edition by default, and answers as the Assessment module for editions not published', async () => {
    const latest = await rest(server, '/gateway/matching?country=TN', { auth: null });
    expect(latest.body.edition.name).toBe(EDITION);
    const open = await rest(server, `/gateway/matching?country=TN&edition=${encodeURIComponent(DRAFT)}`, { auth: null });
    expect(open.status).toBe(404);
    expect(open.body.error.code).toBe('assessment.edition_not_found');
    const none = await rest(server, '/gateway/matching?country=MU', { auth: null });
    expect(none.body).toMatchObject({ country: 'MU', edition: null, needs: [], offers: 1 });
    expect((await rest(server, '/gateway/matching', { auth: null })).body.error).toMatchObject({ code: 'request.missing_field', params: { field: 'country' } });
    expect((await rest(server, '/gateway/matching?country=XA', { auth: null })).body.error.code).toBe('gateway.unknown_country');
  });
});
