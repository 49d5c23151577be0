// Audit entries by organisation: each carries the acting user's organisation; an org-admin sees its
// organisation's entries and its own, other users their own; exports can be limited to one organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import { SYSTEM, type Actor } from '../auth/actor.ts';
import type { AuditEntry } from './audit-chain.ts';

const user = (userId: string, roles: string[], organisationId: string | null): Actor => ({ kind: 'user', userId, name: userId, roles, organisationId });
const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

describe.each(dialects)('audit entries by organisation on %s', (dialect) => {
  let test: TestPlatform;
  let orgA: string;
  let orgB: string;
  let leadA: Actor;
  let leadB: Actor;
  let analystA: Actor;
  const seqs = (entries: readonly AuditEntry[]) => entries.map((e) => e.seq);
  const exported = async (actor: Actor, options: { organisationId?: string } = {}) => {
    const entries: AuditEntry[] = [];
    for await (const entry of test.platform.audit.export(actor, options)) entries.push(entry);
    return entries;
  };

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    orgA = (await test.platform.organisations.add(SYSTEM, { name: 'CERT-A', type: 'member-state', subtype: 'national-cirt', country: 'JO' })).id;
    orgB = (await test.platform.organisations.add(SYSTEM, { name: 'CERT-B', type: 'member-state', subtype: 'national-cirt', country: 'OM' })).id;
    leadA = user('lead-a', ['org-admin'], orgA);
    leadB = user('lead-b', ['org-admin'], orgB);
    analystA = user('ana-a', ['analyst'], orgA);
  });
  afterAll(() => test.close());

  it("records the acting user's organisation, and none for system and failed sign-ins", async () => {
    const start = (await test.platform.audit.verify(SYSTEM)).head.seq;
    await test.platform.users.addUser({ name: 'dina', password: 'a long password', organisation: orgA }, leadA);
    await test.platform.audit.record(analystA, { action: 'token.create', target: 't-a' });
    await test.platform.audit.record(leadB, { action: 'token.create', target: 't-b' });
    await test.platform.audit.record(user('solo', ['analyst'], null), { action: 'token.create', target: 't-solo' });
    await test.platform.users.authenticate(basic('dina', 'a long password'));
    await expect(test.platform.users.authenticate(basic('dina', 'wrong'))).rejects.toMatchObject({ code: 'auth.bad_credentials' });
    const entries = await test.platform.audit.list(SYSTEM, { after: start, limit: 100 });
    expect(entries.map((e) => [e.action, e.organisationId])).toEqual([
      ['user.add', orgA],
      ['token.create', orgA],
      ['token.create', orgB],
      ['token.create', null],
      ['auth.sign_in', orgA],
      ['auth.sign_in_failed', null],
    ]);
    expect((await test.platform.audit.verify(SYSTEM)).ok).toBe(true);
  });

  it("shows an org-admin its organisation's entries and its own, nothing of another organisation", async () => {
    const all = await test.platform.audit.list(SYSTEM, { limit: 1000 });
    const ofA = all.filter((e) => e.organisationId === orgA || e.actor === 'user:lead-a');
    expect(ofA.length).toBeGreaterThan(2);
    expect(seqs(await test.platform.audit.list(leadA, { limit: 1000 }))).toEqual(seqs(ofA));
    expect(seqs(await exported(leadA))).toEqual(seqs(ofA));
    expect((await test.platform.audit.list(leadB, { limit: 1000 })).map((e) => e.organisationId)).toEqual(expect.arrayContaining([orgB]));
    expect((await test.platform.audit.list(leadB, { limit: 1000 })).some((e) => e.organisationId === orgA)).toBe(false);
  });

  it('shows other users their own entries only, and platform admins everything', async () => {
    expect((await test.platform.audit.list(analystA, { limit: 1000 })).map((e) => e.actor)).toEqual(['user:ana-a']);
    // An org-admin of no organisation has no organisation's entries to read.
    const stray = user('stray', ['org-admin'], null);
    await test.platform.audit.record(stray, { action: 'token.create', target: 't-stray' });
    expect((await test.platform.audit.list(stray, { limit: 1000 })).map((e) => e.actor)).toEqual(['user:stray']);
    const everything = await test.platform.audit.list(SYSTEM, { limit: 1000 });
    expect(seqs(await test.platform.audit.list(user('root', ['platform-admin'], orgB), { limit: 1000 }))).toEqual(seqs(everything));
  });

  it("exports one organisation's entries to those who may read them, and records the export", async () => {
    const all = await test.platform.audit.list(SYSTEM, { limit: 1000 });
    const onlyA = seqs(all.filter((e) => e.organisationId === orgA));
    expect(seqs(await exported(SYSTEM, { organisationId: orgA }))).toEqual(onlyA);
    expect(seqs(await exported(leadA, { organisationId: orgA }))).toEqual(onlyA);
    const [last] = await test.platform.audit.list(SYSTEM, { after: all.at(-1)!.seq + 1, limit: 10 });
    expect(last).toMatchObject({ action: 'audit.export', actor: 'user:lead-a', organisationId: orgA });
    expect(JSON.parse(last!.details)).toEqual({ entries: onlyA.length, organisation: orgA });
    for (const [actor, code] of [
      [leadA, 'audit.organisation_forbidden'],
      [analystA, 'audit.organisation_forbidden'],
      [{ kind: 'anonymous' } as Actor, 'audit.forbidden'],
    ] as const) {
      await expect(exported(actor, { organisationId: orgB })).rejects.toMatchObject({ kind: 'forbidden', code });
    }
  });
});
