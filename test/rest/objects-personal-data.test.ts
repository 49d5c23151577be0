// The personal-data guard on REST imports and TAXII posts, on both databases: a file whose objects people
// outside the writer's organisation would read is refused whole when it holds personal data (the findings
// listed by object, path and kind, never the value; nothing stored), stored as it is on confirmation (said
// in the audit log by counts and kinds) or with each finding redacted; a collection only the own
// organisation reads needs no decision; TAXII clients get a rejection per object unless they send a header.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { indicator } from '../support/stix-factory.ts';
import { request, startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, recordedChanges, rest } from './rest-client.ts';

const bundleOf = (...objects: unknown[]) => ({ type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects });
const PERSON = 'leila.mansour@post.tn';
const personal = () => indicator({ description: `Reported by ${PERSON}, call +216 98 765 432` });
const TAXII = 'application/taxii+json;version=2.1';

describe.each(dialects)('personal-data guard on %s', (dialect) => {
  let server: TestServer;
  let shared: string;
  let internal: string;
  const carol = basic('carol');
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { platform } = server;
    const mu = await platform.organisations.add(SYSTEM, { name: 'CERT-MU', type: 'member-state', country: 'MU' });
    await platform.users.addUser({ name: 'carol', password: 'carol-password', organisation: 'CERT-MU' });
    const made = async (alias: string, readers: string[]) =>
      (await platform.collections.create(SYSTEM, { apiRoot: 'thiqa', title: alias, alias, grants: [{ principal: `org:${mu.id}`, read: true, write: true }, ...readers.map((principal) => ({ principal, read: true, write: false }))] })).id;
    shared = await made('shared', ['authenticated']);
    internal = await made('internal', []);
  });
  afterAll(() => server.close());

  const upload = (collection: string, body: unknown, decision?: string) =>
    rest(server, `/collections/${collection}/import${decision ? `?personal_data=${decision}` : ''}`, { method: 'POST', auth: carol, body });
  const stored = async (collection: string, id: string) => {
    const response = await rest(server, `/collections/${collection}/objects/${id}`, { auth: carol });
    return response.status === 200 ? (response.body.object as Record<string, unknown>) : undefined;
  };

  it('refuses a file whose shared objects hold personal data, listing each finding, and stores nothing', async () => {
    const clean = indicator();
    const found = personal();
    const before = await recordedChanges(server);
    const response = await upload(shared, bundleOf(clean, found));
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'personal_data.found', params: { objects: 1, findings: 2 } });
    expect(response.body.error.problems).toEqual([
      expect.objectContaining({ rule: 'personal-data-email', path: '$.description', index: 1, object: found.id, kind: 'email' }),
      expect.objectContaining({ rule: 'personal-data-phone', path: '$.description', index: 1, object: found.id, kind: 'phone' }),
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/leila|765/);
    expect(await stored(shared, clean.id as string)).toBeUndefined();
    expect(await stored(shared, found.id as string)).toBeUndefined();
    expect(await recordedChanges(server)).toBe(before);
  });

  it('stores nothing when the finding is in a later batch of the file than the first', async () => {
    const first = Array.from({ length: 1_000 }, () => indicator());
    const response = await upload(shared, bundleOf(...first, personal()));
    expect(response.status).toBe(409);
    expect(response.body.error.problems[0]).toMatchObject({ index: 1_000 });
    expect(await stored(shared, first[0]!.id as string)).toBeUndefined();
  });

  it('stores the objects as they are on confirmation and records it in the audit log, without the values', async () => {
    const found = personal();
    const response = await upload(shared, bundleOf(found, indicator()), 'confirm');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ stored: 2, redacted: 0, personal_data: 'confirm' });
    expect((await stored(shared, found.id as string))?.description).toBe(found.description);
    const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
    const entry = entries.filter((e) => e.action === 'objects.add' && e.target === shared).at(-1)!;
    expect(JSON.parse(entry.details)).toMatchObject({ stored: 2, personal_data: 'confirm', personal_data_objects: 1, personal_data_findings: 'email:1,phone:1' });
    expect(JSON.stringify(entries)).not.toContain(PERSON);
  });

  it('replaces each finding with [redacted] on request, and says how many', async () => {
    const found = personal();
    const response = await upload(shared, bundleOf(found), 'redact');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ stored: 1, redacted: 2, personal_data: 'redact' });
    expect((await stored(shared, found.id as string))?.description).toBe('Reported by [redacted], call [redacted]');
  });

  it('needs no decision for a collection only the own organisation reads', async () => {
    const found = personal();
    const response = await upload(internal, bundleOf(found));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ stored: 1, personal_data: null });
    expect((await stored(internal, found.id as string))?.description).toBe(found.description);
  });

  it('asks for the collection’s grants only when a batch holds findings that could leave, on REST and TAXII', async () => {
    const beyond = vi.spyOn(server.platform.collections, 'readableBeyond');
    try {
      expect((await upload(shared, bundleOf(indicator(), indicator()))).status).toBe(200);
      const post = (objects: unknown[]) => request(server, `/thiqa/collections/${shared}/objects/`, TAXII, { method: 'POST', auth: carol, body: { objects } });
      expect((await post([indicator()])).body.success_count).toBe(1);
      expect(beyond).not.toHaveBeenCalled();
      // Named recipients leave wherever the object is stored: still no grants to read.
      const addressed = indicator({ description: `For ${PERSON}`, x_thiqa_recipient_users: ['carol'] });
      expect((await upload(internal, bundleOf(addressed))).status).toBe(409);
      expect(beyond).not.toHaveBeenCalled();
      expect((await upload(shared, bundleOf(personal()))).status).toBe(409);
      expect(beyond).toHaveBeenCalled();
    } finally {
      beyond.mockRestore();
    }
  });

  it('refuses a decision it does not know, naming the parameter', async () => {
    const response = await upload(shared, bundleOf(indicator()), 'perhaps');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'request.invalid_field', params: { field: 'personal_data' } });
  });

  it('rejects each such object in a TAXII status unless the client sends X-Thiqa-Personal-Data', async () => {
    const post = (objects: unknown[], headers: Record<string, string> = {}) =>
      request(server, `/thiqa/collections/${shared}/objects/`, TAXII, { method: 'POST', auth: carol, body: { objects }, headers });
    const [clean, found] = [indicator(), personal()];
    const refused = await post([clean, found]);
    expect(refused.status).toBe(202);
    expect(refused.body.success_count).toBe(1);
    expect(refused.body.failures).toEqual([expect.objectContaining({ id: found.id, message: expect.stringMatching(/personal-data-email.*X-Thiqa-Personal-Data/) })]);
    expect(JSON.stringify(refused.body)).not.toContain(PERSON);
    expect(await stored(shared, found.id as string)).toBeUndefined();
    expect((await post([found], { 'x-thiqa-personal-data': 'confirm' })).body.success_count).toBe(1);
    expect((await stored(shared, found.id as string))?.description).toBe(found.description);
    const other = personal();
    expect((await post([other], { 'x-thiqa-personal-data': 'redact' })).body.success_count).toBe(1);
    expect((await stored(shared, other.id as string))?.description).toBe('Reported by [redacted], call [redacted]');
    expect((await post([personal()], { 'x-thiqa-personal-data': 'maybe' })).status).toBe(400);
  });

  it('downloads a collection with each finding redacted on request', async () => {
    const found = personal();
    expect((await upload(internal, bundleOf(found))).status).toBe(200);
    const download = async (query: string) => {
      const response = await fetch(`${server.url}/api/v1/collections/${internal}/export${query}`, { headers: { authorization: carol } });
      const counts = ['objects', 'redacted'].map((name) => response.headers.get(`x-thiqa-personal-data-${name}`));
      return { status: response.status, text: await response.text(), counts };
    };
    const plain = await download('');
    expect(plain.text).toContain(PERSON);
    expect(plain.counts).toEqual([null, null]);
    const held = (JSON.parse(plain.text) as { objects: { description?: string }[] }).objects.filter((o) => o.description?.includes(PERSON)).length;
    const redacted = await download('?personal_data=redact');
    expect(redacted.status).toBe(200);
    // Each object above holds an e-mail address and a phone number.
    expect(redacted.counts).toEqual([String(held), String(2 * held)]);
    expect(redacted.text).not.toContain(PERSON);
    const objects = (JSON.parse(redacted.text) as { objects: { id: string; description?: string }[] }).objects;
    expect(objects.find((o) => o.id === found.id)?.description).toBe('Reported by [redacted], call [redacted]');
    expect((await download('?personal_data=confirm')).status).toBe(400);
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>> };
    expect(Object.keys(doc.paths['/api/v1/collections/{id}/export']!.get!.responses['200']!.headers ?? {})).toEqual(
      expect.arrayContaining(['X-Thiqa-Personal-Data-Objects', 'X-Thiqa-Personal-Data-Redacted']),
    );
  });
});
