// Warning lists over the REST API on both databases, with real MISP lists: the objects the web UI lists and
// shows carry warning_lists (an observable's value, an indicator pattern's values; empty when none); disabling
// a list takes its flags away at once; the lists, the check of a value, and who may enable or disable.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { computeScoId } from '../../shared/stix/sco-id.ts';
import { dialects } from '../support/databases.ts';
import { referenceDataDir } from '../support/reference-data.ts';
import { indicator, malware } from '../support/stix-factory.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { rest } from './rest-client.ts';

type StixObject = Record<string, unknown>;
type Flag = { name: string; type: string; matched_value: string };

const FOLDERS = ['rfc1918', 'url-shortener', 'empty-hashes', 'automated-malware-analysis', 'common-contact-emails'];
const listFile = (folder: string) => ({ file: `${folder}/list.json`, content: fs.readFileSync(path.join(referenceDataDir(), 'misp', 'warninglists', folder, 'list.json')) });

const sco = (type: string, value: string): StixObject => {
  const object: StixObject = { type, spec_version: '2.1', value };
  object.id = computeScoId(object);
  return object;
};

describe.each(dialects)('REST warning lists on %s', (dialect) => {
  let server: TestServer;
  let base: string;
  const names = new Map<string, string>();
  const o = {} as Record<'privateIp' | 'publicIp' | 'shortener' | 'contact' | 'ind' | 'plainInd' | 'mal', StixObject>;
  const flagsById = async (): Promise<Map<string, Flag[]>> => {
    const listed = await rest(server, `${base}/objects`, { auth: server.auth.alice });
    expect(listed.status, listed.text).toBe(200);
    return new Map((listed.body.objects as { id: string; warning_lists: Flag[] }[]).map((s) => [s.id, s.warning_lists]));
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const results = await server.platform.warningLists.import(SYSTEM, FOLDERS.map(listFile));
    expect(results.map((r) => r.outcome)).toEqual(FOLDERS.map(() => 'imported'));
    FOLDERS.forEach((folder, i) => names.set(folder, results[i]!.name!));
    base = `/collections/${server.collectionId}`;
    o.privateIp = sco('ipv4-addr', '10.1.2.3');
    o.publicIp = sco('ipv4-addr', '198.51.100.7');
    o.shortener = sco('domain-name', 'go.2ly.link');
    o.contact = sco('email-addr', 'abuse@cert.example');
    o.ind = indicator({ name: 'Empty file or sandbox', pattern: "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e'] OR [url:value = 'https://app.any.run/tasks/1']" });
    o.plainInd = indicator({ name: 'Real C2', pattern: "[ipv4-addr:value = '203.0.113.99']" });
    o.mal = malware({ name: 'Loader' });
    const bundle = { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: Object.values(o) };
    const imported = await rest(server, `${base}/import`, { method: 'POST', auth: server.auth.alice, body: bundle });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body).toMatchObject({ stored: 7, rejected: 0 });
  });
  afterAll(() => server.close());

  it('flags each listed object with the lists its values are on, and no other object', async () => {
    const flags = await flagsById();
    expect(flags.get(o.privateIp.id as string)).toEqual([{ name: names.get('rfc1918'), type: 'cidr', matched_value: '10.1.2.3' }]);
    expect(flags.get(o.shortener.id as string)).toEqual([{ name: names.get('url-shortener'), type: 'hostname', matched_value: 'go.2ly.link' }]);
    expect(flags.get(o.contact.id as string)).toEqual([{ name: names.get('common-contact-emails'), type: 'regex', matched_value: 'abuse@cert.example' }]);
    expect(flags.get(o.ind.id as string)).toEqual([
      { name: names.get('empty-hashes'), type: 'string', matched_value: 'd41d8cd98f00b204e9800998ecf8427e' },
      { name: names.get('automated-malware-analysis'), type: 'substring', matched_value: 'https://app.any.run/tasks/1' },
    ]);
    for (const clean of [o.publicIp, o.plainInd, o.mal]) expect(flags.get(clean.id as string)).toEqual([]);
  });

  it('flags an object’s detail, and the dashboard’s newest objects', async () => {
    const detail = await rest(server, `${base}/objects/${o.privateIp.id}`, { auth: server.auth.alice });
    expect(detail.status).toBe(200);
    expect(detail.body.summary.warning_lists).toEqual([{ name: names.get('rfc1918'), type: 'cidr', matched_value: '10.1.2.3' }]);
    const clean = await rest(server, `${base}/objects/${o.plainInd.id}`, { auth: server.auth.alice });
    expect(clean.body.summary.warning_lists).toEqual([]);
    const dashboard = await rest(server, '/dashboard', { auth: server.auth.alice });
    const recent = new Map((dashboard.body.recent as { id: string; warning_lists: Flag[] }[]).map((s) => [s.id, s.warning_lists]));
    expect(recent.get(o.shortener.id as string)).toHaveLength(1);
    expect(recent.get(o.mal.id as string)).toEqual([]);
  });

  it('takes a list’s flags away once an administrator disables it, and gives them back when enabled', async () => {
    const name = names.get('url-shortener')!;
    const off = await rest(server, `/warninglists/${encodeURIComponent(name)}`, { method: 'POST', body: { enabled: false } });
    expect(off.status, off.text).toBe(200);
    expect(off.body).toMatchObject({ name, enabled: false, type: 'hostname' });
    expect((await flagsById()).get(o.shortener.id as string)).toEqual([]);
    const on = await rest(server, `/warninglists/${encodeURIComponent(name)}`, { method: 'POST', body: { enabled: true } });
    expect(on.body.enabled).toBe(true);
    expect((await flagsById()).get(o.shortener.id as string)).toHaveLength(1);
    const actions = (await server.platform.audit.list(SYSTEM, { limit: 1000 })).map((e) => e.action);
    expect(actions.filter((a) => a === 'warninglists.import')).toHaveLength(FOLDERS.length);
    expect(actions.filter((a) => a === 'warninglists.disable' || a === 'warninglists.enable')).toHaveLength(2);
  });

  it('refuses enabling or disabling to others than administrators, and names an unknown list', async () => {
    const name = names.get('rfc1918')!;
    const refused = await rest(server, `/warninglists/${encodeURIComponent(name)}`, { method: 'POST', auth: server.auth.alice, body: { enabled: false } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('warninglists.manage_forbidden');
    expect((await flagsById()).get(o.privateIp.id as string)).toHaveLength(1);
    const unknown = await rest(server, '/warninglists/no%20such%20list', { method: 'POST', body: { enabled: false } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'warninglists.not_found', params: { name: 'no such list' } });
    const bad = await rest(server, `/warninglists/${encodeURIComponent(name)}`, { method: 'POST', body: { enabled: 'no' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.params.field).toBe('enabled');
  });

  it('lists the lists to signed-in users, with their entry counts', async () => {
    const listed = await rest(server, '/warninglists', { auth: server.auth.bob });
    expect(listed.status).toBe(200);
    expect(listed.body.lists).toHaveLength(FOLDERS.length);
    expect(listed.body.lists.find((l: { name: string }) => l.name === names.get('rfc1918'))).toMatchObject({ version: 5, type: 'cidr', entries: 3, enabled: true, matching_attributes: expect.arrayContaining(['ip-src']) });
    expect((await rest(server, '/warninglists', { auth: null })).status).toBe(401);
  });

  it('checks a value, its kind named or guessed, and refuses a kind that is none', async () => {
    const check = async (query: string) => rest(server, `/warninglists/check?${query}`, { auth: server.auth.bob });
    expect((await check('value=192.168.7.7')).body).toEqual({ value: '192.168.7.7', type: 'ipv4-addr', hash_algorithm: null, warning_lists: [{ name: names.get('rfc1918'), type: 'cidr', matched_value: '192.168.7.7' }] });
    expect((await check('value=D41D8CD98F00B204E9800998ECF8427E')).body).toMatchObject({ type: 'file-hash', hash_algorithm: 'MD5', warning_lists: [{ name: names.get('empty-hashes') }] });
    expect((await check(`value=${encodeURIComponent('https://x.2ly.link/a')}`)).body.warning_lists.map((h: Flag) => h.name)).toEqual([names.get('url-shortener')]);
    expect((await check('value=198.51.100.7')).body.warning_lists).toEqual([]);
    const badKind = await check('value=x&type=colour');
    expect(badKind.status).toBe(400);
    expect(badKind.body.error).toMatchObject({ code: 'warninglists.unknown_kind', params: { field: 'type', kind: 'colour' } });
    const noValue = await check('type=url');
    expect(noValue.status).toBe(400);
    expect(noValue.body.error).toMatchObject({ code: 'request.missing_field', params: { field: 'value' } });
  });
});
