// The Gateway's data endpoints over HTTP, on both databases: bulk import by moderators only (CSV and JSON,
// dry runs, valid rows only, a refused file answering every problem by row and column, limits and flags);
// the JSON Feed and Atom feed of the newest records, anonymously, titles in their languages and markup
// escaped; the gaps as JSON and CSV; a country's facts; and the cooperation network.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { MAX_RECORD_FILE_BYTES } from '../../shared/gateway/record-file.ts';
import { dialects } from '../support/databases.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { childrenNamed, parseXml } from '../support/xml.ts';
import { basic, recordedChanges, rest } from './rest-client.ts';

const EU_LIST = fs.readFileSync(path.join(referenceDataDir(), 'csirts', 'eu-csirts-network.csv'), 'utf8');
const BAD_CSV = ['title_en,source_url,country', 'Ghana CERT,https://example.org/gh,GH', 'Atlantis CERT,https://example.org/atlantis,XA', 'Kenya CERT,ftp://example.org/ke,KE'].join('\n');
const TRICKY = { title: { en: 'Tom & Jerry <script>alert("x")</script> CERT', ar: 'الفريق الوطني للاستجابة' }, summary: { en: 'Says "hello" & <b>bye</b>' }, source_url: 'https://example.org/a?b=1&c=2', country: 'MU', kind: 'national' };

describe.each(dialects)('Gateway data over REST on %s', (dialect) => {
  let server: TestServer;
  const moderator = basic('moderator');
  const analyst = basic('analyst');
  const upload = (query: string, body: string, options: { auth?: string | null; type?: string } = {}) =>
    rest(server, `/gateway/import${query}`, { method: 'POST', auth: options.auth === undefined ? moderator : options.auth, body, headers: { 'content-type': options.type ?? 'text/csv' } });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { organisations, users } = server.platform;
    await organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', country: 'MU' });
    await users.addUser({ name: 'moderator', password: 'moderator-password', roles: ['gateway-moderator'] });
    await users.addUser({ name: 'analyst', password: 'analyst-password', organisation: 'CERT-MU' });
  });
  afterAll(() => server.close());

  it('imports for moderators only, checking on a dry run first', async () => {
    const before = await recordedChanges(server);
    expect((await upload('?type=cirt', EU_LIST, { auth: null })).status).toBe(401);
    const refused = await upload('?type=cirt', EU_LIST, { auth: analyst });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('gateway.import_forbidden');
    const dry = await upload('?type=cirt&dry_run=true&source=eu-csirts-network.csv', EU_LIST);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ type: 'cirt', format: 'eu-csirts-network', source: 'eu-csirts-network.csv', dry_run: true, rows: 33, valid: 33, refused: false, imported: 0, problems: [], records: [], duplicates: [] });
    expect(await recordedChanges(server)).toBe(before);

    const done = await upload('?type=cirt&source=eu-csirts-network.csv', EU_LIST);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ dry_run: false, imported: 33 });
    expect(done.body.records[0]).toEqual({ id: expect.any(String), line: 2, index: null });
    expect(await recordedChanges(server)).toBe(before + 1);
    const found = await rest(server, '/gateway/records?type=cirt&country=AT', { auth: null });
    expect(found.body.records.map((r: { record: { title: unknown } }) => r.record.title)).toEqual([{ en: 'CERT.at' }]);
  });

  it('answers a refused file with every problem by row and column, storing nothing; valid rows only when asked', async () => {
    const before = await recordedChanges(server);
    const refused = await upload('?type=cirt', BAD_CSV);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'gateway.import_problems', params: { count: 2, rows: 3, valid: 1 } });
    expect(refused.body.error.problems).toEqual([
      { rule: 'gateway-unknown-country', path: 'line 3, country', field: 'country', line: 3, column: 'country', index: null, message: expect.any(String) },
      { rule: 'gateway-malformed-url', path: 'line 4, source_url', field: 'source_url', line: 4, column: 'source_url', index: null, message: expect.any(String) },
    ]);
    expect(await recordedChanges(server)).toBe(before);
    const dry = await upload('?type=cirt&dry_run=1', BAD_CSV);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ refused: true, imported: 0 });
    expect(dry.body.problems).toHaveLength(2);
    const valid = await upload('?type=cirt&valid_only=true', BAD_CSV);
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ refused: false, imported: 1, skipped: 2 });
    expect(valid.body.problems.map((p: { line: number }) => p.line)).toEqual([3, 4]);
  });

  it('takes JSON files, and refuses a missing type, an unknown flag value, another media type and an oversized file', async () => {
    const json = JSON.stringify({ records: [TRICKY] });
    const imported = await upload('?type=cirt', json, { type: 'application/json' });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ format: 'json', imported: 1, records: [{ index: 0, line: null }] });
    const noType = await upload('', BAD_CSV);
    expect(noType.body.error).toMatchObject({ code: 'request.missing_field', params: { field: 'type' } });
    const unknownType = await upload('?type=team', BAD_CSV);
    expect(unknownType.body.error).toMatchObject({ code: 'gateway.unknown_type', params: { field: 'type', type: 'team' } });
    const badFlag = await upload('?type=cirt&dry_run=maybe', BAD_CSV);
    expect(badFlag.body.error).toMatchObject({ code: 'request.invalid_field', params: { field: 'dry_run' } });
    expect((await upload('?type=cirt', BAD_CSV, { type: 'text/plain' })).status).toBe(415);
    const big = await upload('?type=cirt', `title_en,source_url\n${'x'.repeat(MAX_RECORD_FILE_BYTES)}\n`);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('content.too_large');
  });

  it('serves the newest records as JSON Feed 1.1, titles in the language asked for where they have it', async () => {
    const response = await rest(server, '/gateway/feed.json?lang=ar&limit=3', { auth: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/feed+json');
    const feed = JSON.parse(response.text);
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'ar', title: expect.stringContaining('ثقة') });
    expect(feed.items).toHaveLength(3);
    const [newest, next] = feed.items;
    expect(newest).toMatchObject({ title: 'الفريق الوطني للاستجابة', language: 'ar', external_url: TRICKY.source_url, tags: ['cirt', 'MU'], _thiqa: { type: 'cirt', languages: ['ar', 'en'], title: TRICKY.title } });
    expect(newest.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(newest.url).toMatch(/\/api\/v1\/gateway\/records\/[0-9a-f-]{36}$/);
    expect(next).toMatchObject({ title: 'Ghana CERT', language: 'en', content_text: 'Ghana CERT' });
    expect(Date.parse(newest.date_published)).toBeGreaterThanOrEqual(Date.parse(next.date_published));
    const strategies = await rest(server, '/gateway/feed.json?type=strategy', { auth: null });
    expect(JSON.parse(strategies.text).items).toEqual([]);
    expect((await rest(server, '/gateway/feed.json?lang=de', { auth: null })).body.error.code).toBe('language.unknown');
  });

  it('serves them as a well-formed Atom 1.0 feed, escaped, each entry with its xml:lang and every language in its content', async () => {
    const response = await rest(server, '/gateway/feed.atom?limit=2', { auth: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(response.text);
    expect(feed).toMatchObject({ name: 'feed', attributes: { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en' } });
    for (const required of ['id', 'title', 'updated', 'author']) expect(childrenNamed(feed, required), required).toHaveLength(1);
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(2);
    const tricky = entries[0]!;
    expect(tricky.attributes['xml:lang']).toBe('en');
    expect(childrenNamed(tricky, 'title')[0]!.text).toBe(TRICKY.title.en);
    expect(childrenNamed(tricky, 'summary')[0]!.text).toBe(TRICKY.summary.en);
    expect(childrenNamed(tricky, 'link').map((l) => l.attributes.href)).toContain(TRICKY.source_url);
    expect(childrenNamed(tricky, 'category').map((c) => [c.attributes.scheme, c.attributes.term])).toEqual([['urn:thiqa:gateway:type', 'cirt'], ['urn:thiqa:gateway:country', 'MU']]);
    const blocks = childrenNamed(childrenNamed(tricky, 'content')[0]!, 'div')[0]!.children;
    expect(blocks.map((b) => [b.attributes['xml:lang'], b.attributes.dir, b.children[0]!.text])).toEqual([
      ['ar', 'rtl', TRICKY.title.ar],
      ['en', 'ltr', TRICKY.title.en],
    ]);
    expect(response.text).not.toContain('<script>');
    const arabic = parseXml((await rest(server, '/gateway/feed.atom?lang=ar&limit=1', { auth: null })).text);
    expect(childrenNamed(childrenNamed(arabic, 'entry')[0]!, 'title')[0]!.text).toBe(TRICKY.title.ar);
  });

  it('answers the gaps as JSON and as CSV, and a country’s facts, anonymously', async () => {
    const gaps = await rest(server, '/gateway/gaps?region=150', { auth: null });
    expect(gaps.status).toBe(200);
    expect(gaps.body.unconfirmed.national_cirt).toContain('AT');
    expect(gaps.body.gaps.national_cirt).toContain('CH');
    expect(gaps.body.countries.every((c: { region: string }) => c.region === '150')).toBe(true);
    const csv = await rest(server, '/gateway/gaps?format=csv&lang=fr', { auth: null });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="gateway-gaps.csv"');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('country,name,region,sub_region,national_cirt,strategy,agreement,national_cirt_records,strategy_records,agreement_records');
    expect(lines).toContain('MU,Maurice,002,202,yes,no,no,1,0,0');
    expect(lines).toContain('AT,Autriche,150,155,unconfirmed,no,no,1,0,0');
    expect(lines).toHaveLength(1 + 247);
    expect((await rest(server, '/gateway/gaps?format=xml', { auth: null })).body.error).toMatchObject({ code: 'gateway.invalid_format', params: { field: 'format' } });
    const facts = await rest(server, '/gateway/countries/GH/facts', { auth: null });
    expect(facts.body).toMatchObject({ country: 'GH', facts: { national_cirt: 'unconfirmed', strategy: 'no', agreement: 'no' }, records: { national_cirt: 1 } });
    expect(facts.body.published.map((r: { record: { title: unknown } }) => r.record.title)).toEqual([{ en: 'Ghana CERT' }]);
    expect((await rest(server, '/gateway/countries/XA/facts', { auth: null })).body.error).toMatchObject({ code: 'gateway.unknown_country', params: { field: 'country' } });
  });

  it('draws the cooperation network, anonymously', async () => {
    const { gatewayRecords, gatewayModeration } = server.platform;
    const proposed = await gatewayRecords.propose(SYSTEM, { type: 'agreement', record: { title: { en: 'MoU' }, source_url: 'https://example.org/mou', form: 'bilateral', countries: ['MU', 'FR'], status: 'signed' } });
    await gatewayModeration.moderate(SYSTEM, proposed.record.id, 1, { action: 'accept' });
    const network = await rest(server, '/gateway/network?status=signed', { auth: null });
    expect(network.status).toBe(200);
    expect(network.body).toEqual({
      nodes: [
        { id: 'country:FR', kind: 'country', name: 'FR', region: '150', sub_region: '155', agreements: 1 },
        { id: 'country:MU', kind: 'country', name: 'MU', region: '002', sub_region: '202', agreements: 1 },
      ],
      agreements: [{ id: proposed.record.id, title: { en: 'MoU' }, form: 'bilateral', status: 'signed', signed_date: null, parties: ['country:MU', 'country:FR'] }],
      edges: [{ source: 'country:FR', target: 'country:MU', form: 'bilateral', status: 'signed', agreements: [proposed.record.id] }],
    });
    expect((await rest(server, '/gateway/network?form=trilateral', { auth: null })).body.error).toMatchObject({ code: 'gateway.invalid_filter', params: { field: 'form' } });
  });
});
