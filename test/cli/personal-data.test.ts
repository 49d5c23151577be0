// The personal-data guard of the operator's commands through the real CLI, on both databases: `thiqa import`
// and `thiqa misp import` into a collection people outside the organisation read refuse every file holding
// personal data before storing any (the findings on stderr by object, path and kind, never the value; exit
// 1) unless `--personal-data confirm` (stored as they are, said in the audit log) or `redact`; a collection
// nobody else reads needs no decision; `thiqa taxii push` to a real Thiqa server sends nothing until the
// operator decides: `confirm` sends them as they are, `redact` sends redacted copies without changing what is stored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richEvent } from '../../shared/misp/testing/rich-event.ts';
import { createTestStore, dialects, type TestStore } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { objectsPath, readAllPages, startTestServer, type TestServer } from '../support/taxii-server.ts';
import { jsonOf, runCli, storeArgs, type CliResult } from './cli-runner.ts';

const PERSON = 'leila.mansour@post.tn';
const personal = () => indicator({ description: `Reported by ${PERSON}, call +216 98 765 432` });
const REDACTED = 'Reported by [redacted], call [redacted]';
const bundle = (...objects: unknown[]) => JSON.stringify({ type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects });

describe.each(dialects)('the personal-data guard of the CLI on %s', (dialect) => {
  let store: TestStore;
  let remote: TestServer;
  let dir: string;
  let cli: (args: string[], input?: string) => Promise<CliResult>;
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, text);
    return at;
  };
  /** The stored objects of a collection by id. */
  const stored = async (collection: string) => {
    const exported = await cli(['export', collection]);
    expect(exported.code, exported.stderr).toBe(0);
    // A bundle of an empty collection has no `objects`.
    return new Map(((JSON.parse(exported.stdout) as { objects?: Record<string, unknown>[] }).objects ?? []).map((o) => [o.id as string, o]));
  };
  const audited = async () => {
    const out = path.join(dir, `audit-${crypto.randomUUID()}.jsonl`);
    expect((await cli(['audit', 'export', '--output', out])).code).toBe(0);
    return fs.readFileSync(out, 'utf8').trimEnd().split('\n');
  };

  beforeAll(async () => {
    [store, remote] = await Promise.all([createTestStore(dialect), startTestServer(dialect)]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-personal-data-cli-'));
    cli = (args, input) => runCli([...args, ...storeArgs(store)], { input });
    expect((await cli(['init'])).code).toBe(0);
    expect((await cli(['org', 'add', 'CERT-MU', '--type', 'member-state', '--country', 'MU'])).code).toBe(0);
    expect((await cli(['community', 'add', 'Indian Ocean CIRTs'])).code).toBe(0);
    expect((await cli(['community', 'join', 'Indian Ocean CIRTs', 'CERT-MU'])).code).toBe(0);
    expect((await cli(['collection', 'create', '--title', 'Shared', '--alias', 'shared', '--community', 'Indian Ocean CIRTs'])).code).toBe(0);
    expect((await cli(['collection', 'create', '--title', 'Internal', '--alias', 'internal'])).code).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await remote.close();
    await store.drop();
  });

  it('refuses the files of an import holding personal data before storing any, listing each finding without its value', async () => {
    const clean = indicator();
    const found = personal();
    const result = await cli(['import', file('clean.json', bundle(clean)), file('found.json', bundle(indicator(), found)), '--collection', 'shared', '--json']);
    expect(result.code).toBe(1);
    expect(jsonOf<{ error: { code: string; message: string; params: Record<string, number> } }>(result).error).toMatchObject({
      code: 'personal_data.found',
      message: expect.stringMatching(/--personal-data confirm/),
      params: { objects: 1, findings: 2 },
    });
    expect(result.stderr).toContain(`found.json #1 ${String(found.id)}: $.description email`);
    expect(result.stderr).toContain(`found.json #1 ${String(found.id)}: $.description phone`);
    expect(result.stderr).toMatch(/nothing was stored/);
    expect(result.stderr + result.stdout).not.toMatch(/leila|765/);
    expect((await stored('shared')).size).toBe(0);
  });

  it('stores them as they are on confirmation, saying so in the audit log by counts and kinds only', async () => {
    const found = personal();
    const result = await cli(['import', file('confirmed.json', bundle(found, indicator())), '--collection', 'shared', '--personal-data', 'confirm', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(jsonOf<{ totals: Record<string, unknown> }>(result).totals).toMatchObject({ stored: 2, personalData: { decision: 'confirm', objects: 1, redacted: 0 } });
    expect((await stored('shared')).get(found.id as string)?.description).toBe(found.description);
    const entries = await audited();
    const entry = JSON.parse(entries.filter((line) => line.includes('"objects.add"')).at(-1)!) as { details: Record<string, unknown> };
    expect(entry.details).toMatchObject({ stored: 2, personal_data: 'confirm', personal_data_objects: 1, personal_data_findings: 'email:1,phone:1' });
    expect(entries.join('\n')).not.toContain(PERSON);
  });

  it('redacts each finding on request, from stdin too, and needs no decision where nobody else reads', async () => {
    const found = personal();
    const result = await cli(['import', '-', '--collection', 'shared', '--personal-data', 'redact', '--json'], bundle(found));
    expect(result.code, result.stderr).toBe(0);
    expect(jsonOf<{ totals: Record<string, unknown> }>(result).totals).toMatchObject({ stored: 1, personalData: { decision: 'redact', objects: 1, redacted: 2 } });
    expect((await stored('shared')).get(found.id as string)?.description).toBe(REDACTED);
    const internal = personal();
    expect((await cli(['import', '-', '--collection', 'internal'], bundle(internal))).code).toBe(0);
    expect((await stored('internal')).get(internal.id as string)?.description).toBe(internal.description);
  });

  it('refuses a decision it does not know, as a usage error', async () => {
    const result = await cli(['import', file('any.json', bundle(indicator())), '--collection', 'shared', '--personal-data', 'maybe']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--personal-data.*maybe.*confirm, redact/s);
  });

  it('guards a MISP import the same way', async () => {
    const event = richEvent();
    // An indicator (to_ids) of the TLP:CLEAR event, not the first attribute, which is AMBER+STRICT.
    const attribute = (event.Event.Attribute as Record<string, unknown>[])[2]!;
    attribute.comment = `Seen by ${PERSON}`;
    const source = file('event.json', JSON.stringify(event));
    const before = (await stored('shared')).size;
    const refused = await cli(['misp', 'import', source, '--into', 'shared', '--json']);
    expect(refused.code).toBe(1);
    expect(jsonOf<{ error: { code: string } }>(refused).error.code).toBe('personal_data.found');
    expect(refused.stderr).toMatch(/\$\.description email/);
    expect(refused.stderr).not.toContain(PERSON);
    expect((await stored('shared')).size).toBe(before);
    const redacted = await cli(['misp', 'import', source, '--into', 'shared', '--personal-data', 'redact', '--json']);
    expect(redacted.code, redacted.stderr).toBe(0);
    expect(jsonOf<{ personalData: { objects: number; redacted: number } }>(redacted).personalData).toEqual({ objects: 1, redacted: 1 });
    const objects = [...(await stored('shared')).values()];
    expect(objects.some((o) => o.description === 'Seen by [redacted]')).toBe(true);
    expect(JSON.stringify(objects)).not.toContain(`Seen by ${PERSON}`);
  });

  it('sends nothing of a push holding personal data until the operator decides; redact sends redacted copies only', async () => {
    const found = personal();
    expect((await cli(['collection', 'create', '--title', 'Outbox', '--alias', 'outbox'])).code).toBe(0);
    expect((await cli(['import', '-', '--collection', 'outbox'], bundle(indicator(), found))).code).toBe(0);
    const token = `${remote.auth.admin.replace(/^Bearer /, '')}\n`;
    const push = (...extra: string[]) => cli(['taxii', 'push', `${remote.url}/thiqa/`, '--collection', remote.collectionId, '--from', 'outbox', '--token-stdin', '--json', ...extra], token);
    const remoteObjects = async () => ((await readAllPages(remote, objectsPath(remote), 100)) as Record<string, unknown>[]).filter((o) => o.id === found.id);
    const refused = await push();
    expect(refused.code).toBe(1);
    expect(jsonOf<{ error: { code: string } }>(refused).error.code).toBe('personal_data.found');
    expect(refused.stderr).toContain(`#1 ${String(found.id)}: $.description email`);
    expect(refused.stderr).toMatch(/nothing was sent/);
    expect(await readAllPages(remote, objectsPath(remote), 100)).toEqual([]);
    const redacted = await push('--personal-data', 'redact');
    expect(redacted.code, redacted.stderr).toBe(0);
    expect(jsonOf<{ succeeded: number; personalData: Record<string, unknown> }>(redacted)).toMatchObject({ succeeded: 2, personalData: { decision: 'redact', objects: 1, redacted: 2 } });
    expect((await remoteObjects()).map((o) => o.description)).toEqual([REDACTED]);
    expect((await stored('outbox')).get(found.id as string)?.description).toBe(found.description);
  });

  it('sends them as they are on confirmation, and says how many it sent so', async () => {
    const found = personal();
    expect((await cli(['collection', 'create', '--title', 'Confirmed outbox', '--alias', 'confirmed-outbox'])).code).toBe(0);
    expect((await cli(['import', '-', '--collection', 'confirmed-outbox'], bundle(found))).code).toBe(0);
    const token = `${remote.auth.admin.replace(/^Bearer /, '')}\n`;
    const confirmed = await cli(['taxii', 'push', `${remote.url}/thiqa/`, '--collection', remote.collectionId, '--from', 'confirmed-outbox', '--token-stdin', '--json', '--personal-data', 'confirm'], token);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(jsonOf<{ succeeded: number; personalData: Record<string, unknown> }>(confirmed)).toMatchObject({ succeeded: 1, personalData: { decision: 'confirm', objects: 1, redacted: 0 } });
    const sent = ((await readAllPages(remote, objectsPath(remote), 100)) as Record<string, unknown>[]).filter((o) => o.id === found.id);
    expect(sent.map((o) => o.description)).toEqual([found.description]);
  });
});
