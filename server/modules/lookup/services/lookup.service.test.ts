// The lookup service on both databases: the index kept on ingest and deletion and rebuilt by a reindex,
// CIDR containment both ways, pattern constants, warning-list flags, correlation counts, names and who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import type { Platform } from '../../../platform.ts';
import { computeScoId } from '../../../../shared/stix/sco-id.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';
import { LOOKUP_MAX_VALUES } from './lookup.service.ts';

const id = (n: number) => `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
function indicator(n: number, pattern: string, more: Record<string, unknown> = {}) {
  return { type: 'indicator', spec_version: '2.1', id: id(n), created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', ...more };
}
function sco(type: string, value: string) {
  const object = { type, spec_version: '2.1', value };
  return { ...object, id: computeScoId(object)! };
}

describe.each(dialects)('lookup service on %s', (dialect) => {
  let test: TestPlatform;
  let platform: Platform;
  let collection: string;
  const actors: Record<'alice' | 'bob' | 'eve', Actor> = {} as never;
  const ids = async (actor: Actor, value: string) => (await platform.lookup.lookup(actor, value)).matches.map((m) => m.id).sort();

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    platform = test.platform;
    await platform.apiRoots.create(SYSTEM, { name: 'look', title: 'Lookup', maxContentLength: 10_000_000 });
    collection = (await platform.collections.create(SYSTEM, { apiRoot: 'look', title: 'Shared' })).id;
    for (const [n, name] of (['alice', 'bob', 'eve'] as const).entries()) {
      const org = await platform.organisations.add(SYSTEM, { name: `Organisation ${n}`, type: 'regional-international' });
      const user = await platform.users.addUser({ name, password: `${name}-password`, organisation: org.id });
      actors[name] = { kind: 'user', userId: user.id, name, roles: user.roles, organisationId: user.organisationId };
      if (name !== 'eve') await platform.collections.grant(SYSTEM, collection, `user:${user.id}`, { read: true, write: true });
    }
    const fromAlice = await platform.objects.ingest(actors.alice, 'look', collection, [
      indicator(1, "[ipv4-addr:value = '10.0.0.0/24'] OR [domain-name:value = 'Evil.Example.']"),
      indicator(2, "[domain-name:value = 'red.example']", { object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['alice'] }),
      indicator(3, "[file:hashes.MD5 = 'D41D8CD98F00B204E9800998ECF8427E']"),
    ]);
    const fromBob = await platform.objects.ingest(actors.bob, 'look', collection, [sco('ipv4-addr', '10.0.0.7'), sco('domain-name', 'evil.example'), sco('domain-name', 'red.example')]);
    expect([...fromAlice.rejected, ...fromBob.rejected]).toEqual([]);
  });
  afterAll(() => test.close());

  it('finds an address on the networks containing it, and the addresses in a network', async () => {
    const answer = await platform.lookup.lookup(actors.bob, '10.0.0.7');
    expect(answer.observable).toEqual({ type: 'ipv4-addr', value: '10.0.0.7' });
    expect(answer.matches.map((m) => m.type).sort()).toEqual(['indicator', 'ipv4-addr']);
    expect(await ids(actors.bob, '10.0.0.99/24')).toEqual([id(1), sco('ipv4-addr', '10.0.0.7').id].sort());
    expect(await ids(actors.bob, '10.0.0.8')).toEqual([id(1)]);
    expect(await ids(actors.bob, '10.0.1.7')).toEqual([]);
  });

  it('finds values in normal form, pattern constants and hashes included, and counts the organisations that reported them', async () => {
    const answer = await platform.lookup.lookup(actors.bob, 'EVIL.example.');
    expect(answer.observable?.value).toBe('evil.example');
    expect(answer.matches.map((m) => m.id).sort()).toEqual([id(1), sco('domain-name', 'evil.example').id].sort());
    expect(answer.organisations).toBe(2);
    expect(await ids(actors.bob, 'd41d8cd98f00b204e9800998ecf8427e')).toEqual([id(3)]);
  });

  it('never shows what the caller may not read, not even in a count', async () => {
    expect(await ids(actors.alice, 'red.example')).toEqual([id(2), sco('domain-name', 'red.example').id].sort());
    const bob = await platform.lookup.lookup(actors.bob, 'red.example');
    expect(bob.matches.map((m) => m.id)).toEqual([sco('domain-name', 'red.example').id]);
    expect(bob.organisations).toBe(1);
    const eve = await platform.lookup.lookup(actors.eve, 'evil.example');
    expect(eve).toMatchObject({ matches: [], organisations: 0 });
  });

  it('gives each matched indicator its sightings as the caller may see them', async () => {
    await platform.sightings.post(actors.alice, collection, id(3), { count: 3, tlp: 'clear' });
    await platform.sightings.post(actors.bob, collection, id(3), { count: 5, tlp: 'amber+strict' });
    const seen = async (actor: Actor) => (await platform.lookup.lookup(actor, 'd41d8cd98f00b204e9800998ecf8427e')).matches.find((m) => m.id === id(3))?.sightings;
    // bob's AMBER+STRICT sighting is his organisation's alone: alice is given only her own.
    expect(await seen(actors.alice)).toMatchObject({ sightings: 1, totalCount: 3, organisations: 1 });
    expect(await seen(actors.bob)).toMatchObject({ sightings: 2, totalCount: 8, organisations: 2 });
    // Observables that are not indicators carry none.
    expect((await platform.lookup.lookup(actors.bob, '10.0.0.7')).matches.find((m) => m.type === 'ipv4-addr')?.sightings).toBeUndefined();
  });

  it('answers a value that is no observable with no type and no matches', async () => {
    expect(await platform.lookup.lookup(actors.bob, 'not a value')).toEqual({ query: 'not a value', observable: undefined, matches: [], organisations: 0, warningLists: [] });
  });

  it('flags values on an enabled warning list', async () => {
    const content = JSON.stringify({ name: 'Private networks', version: 1, description: 'RFC 1918', type: 'cidr', matching_attributes: ['ip-dst'], list: ['10.0.0.0/8'] });
    await platform.warningLists.import(SYSTEM, [{ file: 'private/list.json', content }]);
    expect((await platform.lookup.lookup(actors.bob, '10.0.0.7')).warningLists).toEqual([{ name: 'Private networks', type: 'cidr' }]);
    expect((await platform.lookup.lookup(actors.bob, 'evil.example')).warningLists).toEqual([]);
  });

  it('answers many values in the order asked, and refuses none or too many', async () => {
    const answers = await platform.lookup.lookupMany(actors.bob, ['evil.example', '10.0.0.7', 'nothing.example']);
    expect(answers.map((a) => a.matches.length)).toEqual([2, 2, 0]);
    expect(await errorCode(platform.lookup.lookupMany(actors.bob, []))).toBe('lookup.no_values');
    expect(await errorCode(platform.lookup.lookupMany(actors.bob, Array<string>(LOOKUP_MAX_VALUES + 1).fill('a.example')))).toBe('lookup.too_many_values');
  });

  it('keeps the index on new versions and deletions, and rebuilds it whole', async () => {
    await platform.objects.ingest(actors.alice, 'look', collection, [indicator(4, "[url:value = 'HTTP://Evil.Example:80/a']", { modified: '2026-01-01T00:00:00.000Z' })]);
    await platform.objects.ingest(actors.alice, 'look', collection, [indicator(4, "[url:value = 'http://evil.example/b']", { modified: '2026-01-02T00:00:00.000Z' })]);
    expect(await ids(actors.bob, 'http://evil.example/a')).toEqual([id(4)]);
    expect((await platform.lookup.lookup(actors.bob, 'http://evil.example/b')).matches[0]?.version).toMatch(/^2026-01-02/);
    await platform.objects.delete(actors.alice, 'look', collection, id(4), { versions: ['2026-01-01T00:00:00.000Z'] });
    expect(await ids(actors.bob, 'http://evil.example/a')).toEqual([]);
    expect(await ids(actors.bob, 'http://evil.example/b')).toEqual([id(4)]);
    await platform.objects.delete(actors.alice, 'look', collection, id(4), {});
    expect(await ids(actors.bob, 'http://evil.example/b')).toEqual([]);
    const before = await platform.lookup.lookupMany(actors.alice, ['10.0.0.7', 'evil.example', 'red.example']);
    const report = await platform.observableIndex.reindex();
    // Six versions of objects holding values, and the two sightings of the test above.
    expect(report).toMatchObject({ collections: 1, versions: 8, observables: 7 });
    expect(await platform.lookup.lookupMany(actors.alice, ['10.0.0.7', 'evil.example', 'red.example'])).toEqual(before);
  });

  it('names each match as the caller may see it: its name, an SCO its value, none when the name is withheld', async () => {
    const named = indicator(5, "[domain-name:value = 'named.example']", { name: 'Beacon host', granular_markings: [{ marking_ref: TLP2_MARKINGS['amber+strict'], selectors: ['name'] }] });
    expect((await platform.objects.ingest(actors.alice, 'look', collection, [named, sco('domain-name', 'named.example')])).rejected).toEqual([]);
    const names = async (actor: Actor) => (await platform.lookup.lookup(actor, 'named.example')).matches.map((m) => [m.id, m.name]);
    const own = [[sco('domain-name', 'named.example').id, 'named.example'], [id(5), 'Beacon host']];
    expect(await names(actors.alice)).toEqual(own);
    // The name is AMBER+STRICT, alice's organisation's alone: bob sees the pattern holding the value, not the name.
    expect(await names(actors.bob)).toEqual([own[0], [id(5), null]]);
  });
});
