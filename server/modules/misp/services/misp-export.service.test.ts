// The MISP export reads through the Exchange's scoped export: a user's feed holds only what that user may see
// (an AMBER+STRICT attribute of another organisation is left out, values and hashes.csv lines too), the
// importer's holds it, and the import is as the caller, who needs write access. On both databases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { writeMispFeed, openMispInput } from '../../../../shared/misp/feed-directory.ts';
import { richEvent } from '../../../../shared/misp/testing/rich-event.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';

describe.each(dialects)('MISP export scoped to the reader on %s', (dialect) => {
  let test: TestPlatform;
  let dir: string;
  let alice: Actor;
  let bob: Actor;
  let collectionId: string;
  const feedOf = async (actor: Actor, name: string) => {
    const out = path.join(dir, name);
    const report = await test.platform.mispExport.export(actor, collectionId, out);
    const event = JSON.parse(fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f !== 'manifest.json' && f.endsWith('.json'))!), 'utf8')) as { Event: { Attribute: { value: string }[] } };
    return { report, values: event.Event.Attribute.map((a) => a.value), hashes: fs.readFileSync(path.join(out, 'hashes.csv'), 'utf8') };
  };

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-misp-export-'));
    const { platform } = test;
    await platform.apiRoots.create(SYSTEM, { name: 'misp', title: 'MISP', maxContentLength: 10_000_000 });
    collectionId = (await platform.collections.create(SYSTEM, { apiRoot: 'misp', title: 'Shared MISP' })).id;
    await platform.collections.grant(SYSTEM, collectionId, 'authenticated', { read: true, write: true });
    for (const [name, country] of [['CERT-A', 'MU'], ['CERT-B', 'SN']] as const) await platform.organisations.add(SYSTEM, { name, type: 'member-state', country });
    await platform.users.addUser({ name: 'alice', password: 'alice-password-long', organisation: 'CERT-A' });
    await platform.users.addUser({ name: 'bob', password: 'bob-password-long', organisation: 'CERT-B' });
    await platform.users.addUser({ name: 'vic', password: 'vic-password-long', roles: ['viewer'], organisation: 'CERT-B' });
    alice = await platform.users.actAs(SYSTEM, 'alice');
    bob = await platform.users.actAs(SYSTEM, 'bob');
    writeMispFeed(path.join(dir, 'in'), [richEvent().Event]);
    const report = await platform.mispImport.import(alice, collectionId, openMispInput(path.join(dir, 'in')));
    expect(report.objects.rejected).toBe(0);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await test.close();
  });

  it('gives the importer’s organisation its AMBER+STRICT attributes and another organisation none of them', async () => {
    const mine = await feedOf(alice, 'alice');
    const theirs = await feedOf(bob, 'bob');
    // ip-src is tagged tlp:amber+strict, ip-dst has distribution 0: both AMBER+STRICT, origin CERT-A.
    for (const value of ['198.51.100.7', '2001:db8::1']) {
      expect(mine.values).toContain(value);
      expect(theirs.values).not.toContain(value);
    }
    // md5 of "198.51.100.7".
    expect(mine.hashes).toContain('526291673f8700ef4e4902e29550a03b');
    expect(theirs.hashes).not.toContain('526291673f8700ef4e4902e29550a03b');
    expect(theirs.values).toContain('evil.example.com');
    expect(theirs.report.objects).toBeLessThan(mine.report.objects);
  });

  it('refuses an import by a user who may read but not write', async () => {
    const vic = await test.platform.users.actAs(SYSTEM, 'vic');
    await expect(test.platform.mispImport.import(vic, collectionId, openMispInput(path.join(dir, 'in')))).rejects.toMatchObject({ code: 'collection.write_forbidden' });
  });

  it('counts the objects whose text seems to hold personal data, and redacts them on request', async () => {
    const note = { type: 'note', spec_version: '2.1', id: `note--${crypto.randomUUID()}`, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', content: 'Victim: leila.mansour@post.tn', object_refs: ['indicator--9d6c6a1c-3d1e-4a8b-9b44-3f0e5c2a1d12'] };
    const ingested = await test.platform.objects.ingest(alice, 'misp', collectionId, [note]);
    expect(ingested.rejected).toEqual([]);
    const plain = await test.platform.mispExport.export(alice, collectionId, path.join(dir, 'personal'));
    expect(plain.personalData).toEqual({ objects: 1, kinds: { email: 1 }, redacted: 0 });
    const redacted = await test.platform.mispExport.export(alice, collectionId, path.join(dir, 'redacted'), { redactPersonalData: true });
    expect(redacted.personalData).toMatchObject({ objects: 1, redacted: 1 });
    const written = fs.readdirSync(path.join(dir, 'redacted')).map((f) => fs.readFileSync(path.join(dir, 'redacted', f), 'utf8')).join('\n');
    expect(written).not.toContain('leila.mansour');
  });
});
