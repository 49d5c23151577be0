// Bulk import through the service, on both databases: the real EU CSIRTs Network list gives its 33 cirt records,
// published and searchable, audited once; a file with problems (missing column, unknown country, bad date, bad
// URL, text in an unexpected script) is reported by row and column and imports nothing, or only its valid rows
// when asked; a dry run stores nothing but says what would be flagged; the same file again flags duplicates;
// moderators only; and a failure mid-import leaves nothing of the file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Platform } from '../../../platform.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';
import { referenceDataDir } from '../../../../test/support/reference-data.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { RecordRepository } from '../repositories/record.repository.ts';
import { ImportService } from './import.service.ts';

const euList = () => fs.readFileSync(path.join(referenceDataDir(), 'csirts', 'eu-csirts-network.csv'));

const HEADER = 'title_en,title_ar,source_url,country,kind,established,last_verified';
const BAD_CSV = [
  HEADER,
  'Tunisian CERT,الفريق الوطني,https://www.ansi.tn,TN,national,2004,2025-01-15',
  'Atlantis CERT,,https://example.org/atlantis,XA,national,,',
  'Mauritius CERT,,https://cert-mu.org.mu,MU,national,,2025-13-40',
  'Kenya CERT,,not a web address,KE,national,,',
  'Morocco CERT,Morocco CERT,https://www.dgssi.gov.ma,MA,national,,',
  'Senegal CERT,,https://example.org/sn,SN,national,,',
].join('\n');

describe.each(dialects)('Gateway bulk import on %s', (dialect) => {
  let test: TestPlatform;
  let platform: Platform;
  let analyst: Actor;
  let moderator: Actor;
  let moderatorId: string;
  const cirts = async () => (await platform.gatewaySearch.find({ type: 'cirt', limit: 100 })).total;
  const stored = async () => Number((await platform.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM gateway_records'))!.n);
  const keysStored = async () => Number((await platform.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM gateway_duplicate_keys'))!.n);

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    platform = test.platform;
    const { organisations, users } = platform;
    const org = await organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', country: 'MU' });
    const a = await users.addUser({ name: 'analyst', password: 'analyst-password', organisation: org.name });
    const m = await users.addUser({ name: 'moderator', password: 'moderator-password', roles: ['gateway-moderator'], organisation: org.name });
    analyst = { kind: 'user', userId: a.id, name: 'analyst', roles: a.roles, organisationId: a.organisationId };
    moderatorId = m.id;
    moderator = { kind: 'user', userId: m.id, name: 'moderator', roles: m.roles, organisationId: m.organisationId };
  });
  afterAll(() => test.close());

  it('lets only moderators and platform administrators import, and names the type it refuses', async () => {
    expect(await errorCode(platform.gatewayImport.import(analyst, { type: 'cirt', content: euList() }))).toBe('gateway.import_forbidden');
    expect(await errorCode(platform.gatewayImport.import(analyst, { type: 'cirt', content: euList(), dryRun: true }))).toBe('gateway.import_forbidden');
    expect(await errorCode(platform.gatewayImport.import(moderator, { type: 'team', content: euList() }))).toBe('gateway.unknown_type');
    expect(await stored()).toBe(0);
  });

  it('checks the EU CSIRTs Network list on a dry run, storing nothing', async () => {
    const report = await platform.gatewayImport.import(moderator, { type: 'cirt', content: euList(), dryRun: true, source: 'eu-csirts-network.csv' });
    expect(report).toMatchObject({ format: 'eu-csirts-network', dryRun: true, rows: 33, valid: 33, refused: false, imported: 0, problems: [], records: [] });
    expect(report.duplicates).toEqual([]);
    expect(await stored()).toBe(0);
  });

  it('imports the 33 teams of the EU CSIRTs Network list, published and searchable at once, in one audit entry', async () => {
    const report = await platform.gatewayImport.import(moderator, { type: 'cirt', content: euList(), source: 'eu-csirts-network.csv' });
    expect(report).toMatchObject({ rows: 33, valid: 33, refused: false, imported: 33, skipped: 0, problems: [], duplicates: [] });
    expect(report.records.map((r) => r.line)).toEqual(Array.from({ length: 33 }, (_, i) => i + 2));
    expect(await cirts()).toBe(33);
    const found = await platform.gatewaySearch.find({ q: 'CERT.at' });
    expect(found.records.map((r) => r.body!.country)).toEqual(['AT']);
    expect((await platform.gatewaySearch.find({ country: 'DE' })).total).toBe(2);
    const history = await platform.gatewayRecords.history(moderator, report.records[0]!.id);
    expect(history.revisions.map(({ revision }) => [revision.state, revision.moderatedBy, revision.note])).toEqual([['accepted', moderatorId, 'imported from eu-csirts-network.csv']]);
    const entries = (await platform.audit.list(SYSTEM, { limit: 1000 })).filter((e) => e.action === 'gateway.import');
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({ type: 'cirt', format: 'eu-csirts-network', rows: 33, imported: 33, skipped: 0, duplicates: 0, source: 'eu-csirts-network.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('flags every record of the same file imported again as a likely duplicate, on a dry run first', async () => {
    const check = await platform.gatewayImport.import(moderator, { type: 'cirt', content: euList(), dryRun: true });
    expect(check.duplicates).toHaveLength(33);
    expect(check.duplicates.every((d) => d.record === null && d.flag === null && d.other !== null && d.reasons.includes('source_url'))).toBe(true);
    expect(await stored()).toBe(33);
    const again = await platform.gatewayImport.import(moderator, { type: 'cirt', content: euList() });
    expect(again.imported).toBe(33);
    expect(again.duplicates).toHaveLength(33);
    const first = again.duplicates.find((d) => d.row.line === 2)!;
    expect(first.other?.title).toEqual({ en: 'CERT.at' });
    expect(first.reasons).toEqual(['source_url', 'title']);
    const open = await platform.gatewayDuplicates.list(moderator, { limit: 100 });
    expect(open.total).toBe(33);
    expect(open.items.every(({ record, other }) => record.title.en === other.title.en)).toBe(true);
  });

  it('reports every problem of a file by row and column and imports nothing', async () => {
    const before = await stored();
    const report = await platform.gatewayImport.import(moderator, { type: 'cirt', content: BAD_CSV });
    expect(report.refused).toBe(true);
    expect(report).toMatchObject({ rows: 6, valid: 2, imported: 0, records: [] });
    expect(report.problems.map((p) => [p.rule, p.line, p.column])).toEqual([
      ['gateway-unknown-country', 3, 'country'],
      ['gateway-malformed-date', 4, 'last_verified'],
      ['gateway-malformed-url', 5, 'source_url'],
      ['gateway-unexpected-script', 6, 'title_ar'],
    ]);
    expect(await stored()).toBe(before);
  });

  it('imports only the valid rows when asked, and reports the others', async () => {
    const report = await platform.gatewayImport.import(moderator, { type: 'cirt', content: BAD_CSV, validOnly: true });
    expect(report).toMatchObject({ refused: false, rows: 6, valid: 2, imported: 2, skipped: 4 });
    expect(report.records.map((r) => r.line)).toEqual([2, 7]);
    expect(report.problems).toHaveLength(4);
    expect((await platform.gatewaySearch.find({ country: 'TN' })).records.map((r) => r.body!.title)).toEqual([{ ar: 'الفريق الوطني', en: 'Tunisian CERT' }]);
  });

  it('refuses a file missing a required column before reading any row, and a JSON file by index and path', async () => {
    const missing = await platform.gatewayImport.import(moderator, { type: 'cirt', content: 'title_en,country\nX CERT,TN\n', validOnly: true });
    expect(missing).toMatchObject({ refused: true, rows: 0, imported: 0 });
    expect(missing.problems.map((p) => [p.rule, p.line, p.column])).toEqual([['gateway-missing-column', 1, 'source_url']]);
    const json = JSON.stringify([{ title: { en: 'Ghana CERT' }, source_url: 'https://example.org/gh', country: 'GH' }, { title: { ru: 'Team' }, source_url: 'https://example.org/x' }]);
    const report = await platform.gatewayImport.import(moderator, { type: 'cirt', content: json });
    expect(report).toMatchObject({ format: 'json', refused: true, imported: 0 });
    expect(report.problems.map((p) => [p.rule, p.index, p.path])).toEqual([['gateway-unexpected-script', 1, '$[1].title.ru']]);
  });

  it('flags rows of one file that resemble each other, once per pair', async () => {
    const csv = [HEADER, 'Liberia CERT,,https://example.org/lr-1,LR,national,,', 'Liberia CERT,,https://example.org/lr-2,LR,national,,'].join('\n');
    const check = await platform.gatewayImport.import(moderator, { type: 'cirt', content: csv, dryRun: true });
    expect(check.duplicates.map((d) => [d.row.line, d.otherRow?.line, d.reasons])).toEqual([[3, 2, ['title']]]);
    const report = await platform.gatewayImport.import(moderator, { type: 'cirt', content: csv });
    expect(report.duplicates.map((d) => [d.row.line, d.otherRow?.line, d.other, d.reasons])).toEqual([[3, 2, null, ['title']]]);
  });

  it('leaves nothing of a file when the import fails before its end', async () => {
    const before = { records: await stored(), keys: await keysStored(), cirts: await cirts(), clock: await platform.db.get('SELECT doc FROM gateway_clock') };
    // The audit entry is written last, inside the transaction: failing there fails the whole file.
    const failing = { within: () => async () => { throw new Error('the store went away'); } } as unknown as AuditLog;
    const service = new ImportService(new ImportRepository(platform.db), new RecordRepository(platform.db), failing);
    const csv = [HEADER, 'Nigeria CERT,,https://example.org/ng,NG,national,,', 'Rwanda CERT,,https://example.org/rw,RW,national,,'].join('\n');
    await expect(service.import(SYSTEM, { type: 'cirt', content: csv })).rejects.toThrow('the store went away');
    expect({ records: await stored(), keys: await keysStored(), cirts: await cirts(), clock: await platform.db.get('SELECT doc FROM gateway_clock') }).toEqual(before);
    expect((await platform.gatewaySearch.find({ country: 'NG' })).total).toBe(0);
  });
});
