// Gateway records over REST, on both databases: a member of an organisation proposes a record (refused with
// every problem when it has any); a moderator asks for changes with a comment, the proposer submits a new
// revision, the moderator accepts it and it is published, readable by anyone; corrections by other members,
// one superseding another, an outdated one refused, a moderator never deciding on its own; a rejected
// proposal. Pending records stay with their proposer and the moderators, and the whole history is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { dialects } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/taxii-server.ts';
import { basic, recordedChanges, rest } from './rest-client.ts';

const STRATEGY = {
  title: { fr: 'Stratégie nationale de cybersécurité 2020–2025', ar: 'الاستراتيجية الوطنية للأمن السيبراني' },
  source_url: 'https://example.org/tn/strategie',
  country: 'TN',
  year: 2020,
  pillars: ['organisational'],
};

describe.each(dialects)('Gateway moderation over REST on %s', (dialect) => {
  let server: TestServer;
  let id: string;
  const amal = basic('amal');
  const li = basic('li');
  const mod = basic('mod');
  const modTn = basic('mod-tn');
  const propose = (auth: string, body: unknown) => rest(server, '/gateway/records', { method: 'POST', auth, body });
  const revise = (auth: string, record: unknown, note?: string) => rest(server, `/gateway/records/${id}/revisions`, { method: 'POST', auth, body: { record, note } });
  const moderate = (auth: string, revision: number, action: string, comment?: string) =>
    rest(server, `/gateway/records/${id}/revisions/${revision}/moderate`, { method: 'POST', auth, body: { action, comment } });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const { users, organisations } = server.platform;
    await organisations.add(SYSTEM, { name: 'CERT-TN', type: 'member-state', subtype: 'national-cirt', country: 'TN' });
    await organisations.add(SYSTEM, { name: 'Université de Carthage', type: 'academia', country: 'TN' });
    await users.addUser({ name: 'amal', password: 'amal-password', roles: ['analyst'], organisation: 'CERT-TN' });
    await users.addUser({ name: 'li', password: 'li-password', roles: ['viewer'], organisation: 'Université de Carthage' });
    await users.addUser({ name: 'mod', password: 'mod-password', roles: ['gateway-moderator'] });
    await users.addUser({ name: 'mod-tn', password: 'mod-tn-password', roles: ['gateway-moderator'], organisation: 'CERT-TN' });
  });
  afterAll(() => server.close());

  it('lets members of any organisation propose, refusing a record with problems whole', async () => {
    const noOrganisation = await propose(server.auth.alice, { type: 'strategy', record: STRATEGY });
    expect([noOrganisation.status, noOrganisation.body.error.code]).toEqual([403, 'gateway.propose_forbidden']);
    expect((await rest(server, '/gateway/records', { method: 'POST', auth: null, body: { type: 'strategy', record: STRATEGY } })).status).toBe(401);
    const notObject = await propose(amal, { type: 'strategy', record: [STRATEGY] });
    expect(notObject.body.error).toMatchObject({ code: 'request.invalid_field', params: { field: 'record', expected: 'object' } });

    const before = await recordedChanges(server);
    const bad = await propose(amal, { type: 'strategy', record: { title: { en: 'استراتيجية' }, country: 'XX', colour: 'red' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'gateway.record_problems', params: { count: 4, field: 'record' } });
    expect(bad.body.error.problems.map((p: { rule: string; path: string; field: string }) => [p.rule, p.path, p.field])).toEqual([
      ['gateway-unknown-field', '$.colour', 'colour'],
      ['gateway-unexpected-script', '$.title.en', 'title'],
      ['gateway-missing-field', '$.source_url', 'source_url'],
      ['gateway-unknown-country', '$.country', 'country'],
    ]);
    expect(await recordedChanges(server)).toBe(before);

    const proposed = await propose(amal, { type: 'strategy', record: STRATEGY, note: 'adopted by decree' });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ type: 'strategy', status: 'pending', revision: 1, revision_state: 'pending', published_at: null, proposed_by: { name: 'amal' }, duplicates: [], languages: ['ar', 'fr'] });
    expect(proposed.body.record).toEqual({ ...STRATEGY, title: { ar: STRATEGY.title.ar, fr: STRATEGY.title.fr } });
    id = proposed.body.id;
  });

  it('keeps a pending record from everyone but its proposer and the moderators', async () => {
    expect((await rest(server, `/gateway/records/${id}`, { auth: null })).status).toBe(404);
    expect((await rest(server, `/gateway/records/${id}`, { auth: li })).body.error.code).toBe('gateway.record_not_found');
    expect((await rest(server, `/gateway/records/${id}/history`, { auth: null })).status).toBe(404);
    expect((await rest(server, `/gateway/records/${id}`, { auth: amal })).status).toBe(200);
    expect((await rest(server, `/gateway/records/${id}`, { auth: mod })).body.proposed_by).toMatchObject({ name: 'amal' });
    expect((await rest(server, '/gateway/records?q=stratégie', { auth: null })).body).toMatchObject({ total: 0, records: [] });
    // Not even a correction from others: they cannot see it.
    expect((await revise(li, STRATEGY)).status).toBe(404);
  });

  it('shows moderators the queue, and refuses it to others', async () => {
    expect((await rest(server, '/gateway/moderation', { auth: amal })).body.error.code).toBe('gateway.moderate_forbidden');
    const queue = await rest(server, '/gateway/moderation', { auth: mod });
    expect(queue.body).toMatchObject({ total: 1, queue: [{ id, type: 'strategy', status: 'pending', revision: 1, kind: 'new', note: 'adopted by decree', proposed_by: { name: 'amal' }, duplicates: 0 }] });
    expect((await moderate(amal, 1, 'accept')).status).toBe(403);
  });

  it('asks for changes with a comment; the proposer submits a new revision, which is accepted and published', async () => {
    expect((await moderate(mod, 1, 'approve')).body.error).toMatchObject({ code: 'gateway.invalid_action', params: { field: 'action' } });
    expect((await moderate(mod, 1, 'request_changes')).body.error).toMatchObject({ code: 'gateway.comment_required', params: { field: 'comment' } });
    expect((await moderate(mod, 9, 'accept')).body.error.code).toBe('gateway.revision_not_found');
    const asked = await moderate(mod, 1, 'request_changes', 'Please add the English title and the document.');
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ decision: 'changes_requested', record: { status: 'pending', revision: 1, revision_state: 'changes_requested' } });
    expect((await rest(server, `/gateway/records/${id}`, { auth: amal })).body.revision_state).toBe('changes_requested');
    expect((await rest(server, '/gateway/moderation', { auth: mod })).body.total).toBe(0);

    expect((await revise(amal, STRATEGY)).body.error.code).toBe('gateway.no_change');
    const better = { ...STRATEGY, title: { ...STRATEGY.title, en: 'National Cybersecurity Strategy 2020–2025' }, document_url: 'https://example.org/tn/strategie.pdf' };
    const second = await revise(amal, better, 'added the English title');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ revision: 2, record: { status: 'pending', revision: 2, revision_state: 'pending' } });
    expect((await moderate(mod, 1, 'accept')).body.error).toMatchObject({ code: 'gateway.revision_not_pending', params: { state: 'changes_requested' } });

    const accepted = await moderate(mod, 2, 'accept', 'Thank you');
    expect(accepted.body).toMatchObject({ decision: 'accepted', record: { status: 'published', revision: 2, revision_state: 'accepted' } });
    const read = await rest(server, `/gateway/records/${id}`, { auth: null });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'published', revision: 2, proposed_by: null, duplicates: [], languages: ['ar', 'en', 'fr'], merged_into: null });
    expect(read.body.record.document_url).toBe('https://example.org/tn/strategie.pdf');
    expect(read.body.published_at).toBe(read.body.updated_at);
    const found = await rest(server, '/gateway/records?q=National%20Strategy&country=tn', { auth: null });
    expect(found.body.records.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('takes corrections from other members: one supersedes the same member’s earlier one, and moderators never decide on their own', async () => {
    const published = (await rest(server, `/gateway/records/${id}`, { auth: null })).body.record;
    const first = await revise(li, { ...published, status: 'adopted' }, 'it was adopted');
    expect(first.body).toMatchObject({ revision: 3, record: { status: 'published', revision: 2 } });
    const second = await revise(li, { ...published, status: 'adopted', year: 2021 }, 'adopted in 2021');
    expect(second.body.revision).toBe(4);
    const own = await revise(modTn, { ...published, last_verified: '2026-01-15' });
    expect(own.body.revision).toBe(5);
    expect((await moderate(modTn, 5, 'accept')).body.error.code).toBe('gateway.own_revision');
    expect((await moderate(mod, 5, 'reject', 'already verified')).body).toMatchObject({ decision: 'rejected', record: { status: 'published', revision: 2 } });

    const queue = (await rest(server, '/gateway/moderation', { auth: mod })).body;
    expect(queue.queue.map((q: { revision: number; kind: string; based_on: number }) => [q.revision, q.kind, q.based_on])).toEqual([[4, 'correction', 2]]);
    expect((await moderate(modTn, 4, 'accept')).body.record).toMatchObject({ status: 'published', revision: 4 });
    const read = (await rest(server, `/gateway/records/${id}`, { auth: null })).body;
    expect(read.record).toMatchObject({ status: 'adopted', year: 2021 });
    expect(read.updated_at >= read.published_at).toBe(true);
    expect((await rest(server, '/gateway/records?year=2021', { auth: null })).body.total).toBe(1);
    expect((await rest(server, '/gateway/records?year=2020', { auth: null })).body.total).toBe(0);
  });

  it('refuses a correction made on an older revision than the one published since', async () => {
    const current = (await rest(server, `/gateway/records/${id}`, { auth: null })).body.record;
    const fromAmal = await revise(amal, { ...current, summary: { en: 'Five axes and thirty measures.' } });
    const fromLi = await revise(li, { ...current, languages: ['ar', 'fr'] });
    expect((await moderate(mod, fromAmal.body.revision, 'accept')).status).toBe(200);
    const outdated = await moderate(mod, fromLi.body.revision, 'accept');
    expect(outdated.status).toBe(409);
    expect(outdated.body.error).toMatchObject({ code: 'gateway.revision_outdated', params: { based_on: 4, published: fromAmal.body.revision } });
    await moderate(mod, fromLi.body.revision, 'request_changes', 'Please redo it on the current record.');
    const redone = await revise(li, { ...(await rest(server, `/gateway/records/${id}`, { auth: null })).body.record, languages: ['ar', 'fr'] });
    expect((await moderate(mod, redone.body.revision, 'accept')).body.record.record).toMatchObject({ summary: { en: 'Five axes and thirty measures.' }, languages: ['ar', 'fr'] });
  });

  it('keeps the whole history: anyone sees the accepted revisions, proposers their own whole, moderators everything', async () => {
    const anyone = (await rest(server, `/gateway/records/${id}/history`, { auth: null })).body.revisions;
    expect(anyone.map((r: { revision: number; state: string }) => [r.revision, r.state])).toEqual([
      [2, 'accepted'],
      [4, 'accepted'],
      [6, 'accepted'],
      [8, 'accepted'],
    ]);
    expect(anyone.every((r: { proposed_by: unknown; comment: unknown; note: unknown }) => r.proposed_by === null && r.comment === null && r.note === null)).toBe(true);
    const moderator = (await rest(server, `/gateway/records/${id}/history`, { auth: mod })).body.revisions;
    expect(moderator.map((r: { revision: number; kind: string; state: string; proposed_by: { name: string } }) => [r.revision, r.kind, r.state, r.proposed_by.name])).toEqual([
      [1, 'new', 'changes_requested', 'amal'],
      [2, 'new', 'accepted', 'amal'],
      [3, 'correction', 'superseded', 'li'],
      [4, 'correction', 'accepted', 'li'],
      [5, 'correction', 'rejected', 'mod-tn'],
      [6, 'correction', 'accepted', 'amal'],
      [7, 'correction', 'changes_requested', 'li'],
      [8, 'correction', 'accepted', 'li'],
    ]);
    expect(moderator[0]).toMatchObject({ comment: 'Please add the English title and the document.', moderated_by: { name: 'mod' } });
    const li_ = (await rest(server, `/gateway/records/${id}/history`, { auth: li })).body.revisions;
    expect(li_.filter((r: { proposed_by: unknown }) => r.proposed_by !== null).map((r: { revision: number }) => r.revision)).toEqual([3, 4, 7, 8]);
  });

  it('rejects a proposal whole: it takes no revision, and only its proposer and the moderators still see it', async () => {
    const other = await propose(li, { type: 'resource', record: { title: { en: 'A toolkit' }, source_url: 'https://example.org/toolkit', kind: 'toolkit' } });
    const otherId = other.body.id;
    const rejected = await rest(server, `/gateway/records/${otherId}/revisions/1/moderate`, { method: 'POST', auth: mod, body: { action: 'reject', comment: 'not a resource' } });
    expect(rejected.body).toMatchObject({ decision: 'rejected', record: { status: 'rejected', revision_state: 'rejected' } });
    expect((await rest(server, `/gateway/records/${otherId}`, { auth: null })).status).toBe(404);
    expect((await rest(server, `/gateway/records/${otherId}`, { auth: li })).body.status).toBe('rejected');
    const again = await rest(server, `/gateway/records/${otherId}/revisions`, { method: 'POST', auth: li, body: { record: { title: { en: 'A toolkit, again' }, source_url: 'https://example.org/toolkit', kind: 'toolkit' } } });
    expect(again.body.error).toMatchObject({ code: 'gateway.record_closed', params: { status: 'rejected' } });
  });

  it('audits every change in its own transaction', async () => {
    const entries = await server.platform.audit.list(SYSTEM, { limit: 1000 });
    const actions = entries.filter((e) => e.action.startsWith('gateway.')).map((e) => e.action);
    expect(actions.filter((a) => a === 'gateway.propose')).toHaveLength(2);
    expect(actions.filter((a) => a === 'gateway.revise')).toHaveLength(7);
    expect(actions.filter((a) => a === 'gateway.moderate')).toHaveLength(8);
    expect(entries.find((e) => e.action === 'gateway.moderate' && e.target === id)?.details).toContain('"decision":"request_changes"');
  });
});
