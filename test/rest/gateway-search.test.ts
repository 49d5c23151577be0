// The Gateway's search and export over REST, anonymously, on both databases: records found whatever language
// they are written in, facets by type, country, M49 region, pillar, language and year counted over all the
// matching records, filters, pages by cursor, input errors naming the field; exports as CSV of one type (read
// back as a bulk file) or JSON, and a CSV of several types refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { readRecordFile } from '../../shared/gateway/record-file.ts';
import type { GatewayRecord } from '../../shared/gateway/record-types.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { rest } from './rest-client.ts';

/** Published in this order, so newest first is the reverse. */
const RECORDS: [name: string, type: string, record: GatewayRecord][] = [
  ['tn-strategy', 'strategy', { title: { fr: 'Stratégie nationale de cybersécurité', ar: 'الاستراتيجية الوطنية للأمن السيبراني' }, source_url: 'https://example.org/tn', country: 'TN', year: 2020, pillars: ['organisational'] }],
  ['ma-strategy', 'strategy', { title: { fr: 'Stratégie nationale de la cybersécurité 2030' }, source_url: 'https://example.org/ma', country: 'MA', year: 2023, pillars: ['organisational'] }],
  ['tn-cirt', 'cirt', { title: { en: 'Tunisian National Computer Emergency Response Team', ar: 'الفريق الوطني للاستجابة للطوارئ المعلوماتية' }, source_url: 'https://example.org/tuncert', country: 'TN', established: 2004, indicators: ['technical-national-cirt'] }],
  ['ru-law', 'legislation', { title: { ru: 'Федеральный закон о безопасности критической информационной инфраструктуры' }, source_url: 'https://example.org/ru', country: 'RU', kinds: ['critical-infrastructure'], year: 2017, pillars: ['legal'] }],
  ['cn-pk-mou', 'agreement', { title: { zh: '网络安全合作谅解备忘录', en: 'Memorandum of understanding on cybersecurity cooperation' }, source_url: 'https://example.org/mou', form: 'bilateral', countries: ['CN', 'PK'], signed_date: '2023-11-02', pillars: ['cooperation'] }],
  ['iso-27001', 'standard', { title: { en: 'Information security management systems', fr: 'Systèmes de management de la sécurité de l’information' }, source_url: 'https://example.org/27001', body: 'ISO/IEC', identifier: 'ISO/IEC 27001:2022', pillars: ['technical'] }],
];

describe.each(dialects)('Gateway search over REST on %s', (dialect) => {
  let server: TestServer;
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  const search = async (query: string) => {
    const response = await rest(server, `/gateway/records${query}`, { auth: null });
    return response;
  };
  const found = async (query: string) => ((await search(query)).body.records as { id: string }[]).map((r) => names.get(r.id));

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { gatewayRecords, gatewayModeration } = server.platform;
    for (const [name, type, record] of RECORDS) {
      const proposed = await gatewayRecords.propose(SYSTEM, { type, record });
      await gatewayModeration.moderate(SYSTEM, proposed.record.id, 1, { action: 'accept' });
      ids.set(name, proposed.record.id);
      names.set(proposed.record.id, name);
    }
    // A pending proposal is never found.
    await gatewayRecords.propose(SYSTEM, { type: 'strategy', record: { title: { fr: 'Stratégie en projet' }, source_url: 'https://example.org/draft', country: 'SN' } });
  });
  afterAll(() => server.close());

  it('counts every facet over all the published records, newest first', async () => {
    const all = await search('');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    expect(all.body.records.map((r: { id: string }) => names.get(r.id))).toEqual(RECORDS.map(([name]) => name).reverse());
    expect(all.body.facets).toEqual({
      type: [
        { value: 'strategy', count: 2 },
        { value: 'agreement', count: 1 },
        { value: 'cirt', count: 1 },
        { value: 'legislation', count: 1 },
        { value: 'standard', count: 1 },
      ],
      country: [
        { value: 'TN', count: 2 },
        { value: 'CN', count: 1 },
        { value: 'MA', count: 1 },
        { value: 'PK', count: 1 },
        { value: 'RU', count: 1 },
      ],
      // Africa, Northern Africa; Asia (CN, PK); Eastern Asia; Southern Asia; Europe, Eastern Europe.
      region: [
        { value: '002', count: 3 },
        { value: '015', count: 3 },
        { value: '030', count: 1 },
        { value: '034', count: 1 },
        { value: '142', count: 1 },
        { value: '150', count: 1 },
        { value: '151', count: 1 },
      ],
      pillar: [
        { value: 'organisational', count: 2 },
        { value: 'technical', count: 2 },
        { value: 'cooperation', count: 1 },
        { value: 'legal', count: 1 },
      ],
      language: [
        { value: 'en', count: 3 },
        { value: 'fr', count: 3 },
        { value: 'ar', count: 2 },
        { value: 'ru', count: 1 },
        { value: 'zh', count: 1 },
      ],
      year: [
        { value: '2023', count: 2 },
        { value: '2004', count: 1 },
        { value: '2017', count: 1 },
        { value: '2020', count: 1 },
      ],
    });
    expect(all.body.records[0]).toMatchObject({ id: ids.get('iso-27001'), type: 'standard', revision: 1, languages: ['en', 'fr'], record: { identifier: 'ISO/IEC 27001:2022' } });
  });

  it('finds records whatever language they are written in, and counts the facets of what it found', async () => {
    expect(await found('?q=stratégies%20nationales')).toEqual(['ma-strategy', 'tn-strategy']);
    const arabic = await search(`?q=${encodeURIComponent('الأمن السيبراني')}`);
    expect(arabic.body.records.map((r: { id: string }) => names.get(r.id))).toEqual(['tn-strategy']);
    expect(arabic.body.facets.language).toEqual([{ value: 'ar', count: 1 }, { value: 'fr', count: 1 }]);
    expect(await found(`?q=${encodeURIComponent('网络安全')}`)).toEqual(['cn-pk-mou']);
    expect(await found(`?q=${encodeURIComponent('законы')}`)).toEqual(['ru-law']);
    expect(await found('?q=ISO%2027001')).toEqual(['iso-27001']);
    // English finds the French «cybersécurité» too: one stem for both.
    expect(await found('?q=cybersecurity')).toEqual(['cn-pk-mou', 'ma-strategy', 'tn-strategy']);
    expect((await search('?q=nothing%20like%20this')).body).toMatchObject({ total: 0, records: [], next: null });
    expect((await search('?q=%E2%80%94%20!')).body.total).toBe(0);
  });

  it('filters by every facet, in any case', async () => {
    expect(await found('?type=strategy&country=ma')).toEqual(['ma-strategy']);
    expect(await found('?region=150')).toEqual(['ru-law']);
    expect(await found('?region=015&type=CIRT')).toEqual(['tn-cirt']);
    expect(await found('?pillar=technical')).toEqual(['iso-27001', 'tn-cirt']);
    expect(await found('?language=zh')).toEqual(['cn-pk-mou']);
    expect(await found('?year=2023')).toEqual(['cn-pk-mou', 'ma-strategy']);
    expect(await found('?q=national&country=TN')).toEqual(['tn-cirt', 'tn-strategy']);
  });

  it('pages newest first by cursor', async () => {
    const seen: string[] = [];
    let next: string | null = '';
    let pages = 0;
    while (next !== null) {
      const page = await search(`?limit=4${next ? `&cursor=${next}` : ''}`);
      expect(page.body.total).toBe(6);
      seen.push(...page.body.records.map((r: { id: string }) => names.get(r.id)!));
      next = page.body.next;
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(RECORDS.map(([name]) => name).reverse());
  });

  it('names the field of a bad filter, cursor or page size', async () => {
    for (const [query, field] of [
      ['?country=XX', 'country'],
      ['?type=law', 'type'],
      ['?region=2', 'region'],
      ['?pillar=social', 'pillar'],
      ['?language=pt', 'language'],
      ['?year=19', 'year'],
    ]) {
      const response = await search(query!);
      expect([response.status, response.body.error.code, response.body.error.params.field], query).toEqual([400, 'gateway.invalid_filter', field]);
    }
    expect((await search('?cursor=abc')).body.error).toMatchObject({ code: 'gateway.invalid_cursor', params: { field: 'cursor' } });
    expect((await search('?limit=0')).body.error).toMatchObject({ code: 'request.invalid_field', params: { field: 'limit' } });
    expect((await search(`?q=${'a'.repeat(501)}`)).body.error).toMatchObject({ code: 'gateway.query_too_long', params: { field: 'q' } });
    expect((await search('?colour=red')).body.error.code).toBe('request.unknown_parameter');
  });

  it('exports a search as CSV of one type, read back as the bulk file of that type', async () => {
    const csv = await rest(server, '/gateway/export?type=strategy&format=csv', { auth: null });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="gateway-strategy.csv"');
    const file = readRecordFile('strategy', csv.text);
    expect(file.problems).toEqual([]);
    expect(file.rows.map((row) => row.record)).toEqual([RECORDS[1]![2], RECORDS[0]![2]]);
    // A query whose results are all of one type needs no type filter.
    const strategies = await rest(server, '/gateway/export?q=strat%C3%A9gie&format=csv', { auth: null });
    expect(readRecordFile('strategy', strategies.text).valid).toBe(2);
    const none = await rest(server, '/gateway/export?type=exercise&format=csv', { auth: null });
    expect(none.text.split('\n')[0]).toMatch(/^title_ar,title_zh,/);
    const mixed = await rest(server, '/gateway/export?format=csv', { auth: null });
    expect([mixed.status, mixed.body.error.code, mixed.body.error.params.types]).toEqual([400, 'gateway.export_mixed_types', 'agreement, cirt, legislation, standard, strategy']);
    expect((await rest(server, '/gateway/export?format=xml', { auth: null })).body.error).toMatchObject({ code: 'gateway.invalid_format', params: { field: 'format' } });
  });

  it('exports any mix of types as JSON', async () => {
    const json = await rest(server, '/gateway/export?pillar=technical', { auth: null });
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(json.headers.get('x-total-count')).toBe('2');
    const records = (JSON.parse(json.text) as { records: { id: string; type: string; revision: number; record: GatewayRecord }[] }).records;
    expect(records.map((r) => [names.get(r.id), r.type, r.revision])).toEqual([
      ['iso-27001', 'standard', 1],
      ['tn-cirt', 'cirt', 1],
    ]);
    expect(records[1]!.record).toEqual(RECORDS[2]![2]);
  });
});
