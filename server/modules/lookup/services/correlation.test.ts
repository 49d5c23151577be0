// Correlation on both databases: an object is linked on ingest to the objects sharing one of its values, and
// each reader is told only of the linked objects and organisations it may see (RED, AMBER+STRICT and
// collections it may not read never show through, not even in the count).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import type { Platform } from '../../../platform.ts';
import { computeScoId } from '../../../../shared/stix/sco-id.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';

const id = (n: number) => `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
function indicator(n: number, pattern: string, more: Record<string, unknown> = {}) {
  return { type: 'indicator', spec_version: '2.1', id: id(n), created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', ...more };
}
const evilDomain = (() => {
  const object = { type: 'domain-name', spec_version: '2.1', value: 'evil.example' };
  return { ...object, id: computeScoId(object)! };
})();

describe.each(dialects)('correlation on %s', (dialect) => {
  let test: TestPlatform;
  let platform: Platform;
  let shared: string;
  let other: string;
  const actors: Record<'alice' | 'bob' | 'carol' | 'eve', Actor> = {} as never;
  const linked = async (actor: Actor, collection: string, objectId: string) => {
    const c = await platform.lookup.correlationsOf(actor, collection, objectId);
    return { objects: c.objects.map((o) => `${o.collectionId === shared ? 'shared' : 'other'} ${o.id}`).sort(), organisations: c.organisations, total: c.total };
  };

  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    platform = test.platform;
    await platform.apiRoots.create(SYSTEM, { name: 'corr', title: 'Correlation', maxContentLength: 10_000_000 });
    shared = (await platform.collections.create(SYSTEM, { apiRoot: 'corr', title: 'Shared' })).id;
    other = (await platform.collections.create(SYSTEM, { apiRoot: 'corr', title: 'Carol only' })).id;
    for (const [n, name] of (['alice', 'bob', 'carol', 'eve'] as const).entries()) {
      const org = await platform.organisations.add(SYSTEM, { name: `Organisation ${n}`, type: 'regional-international' });
      const user = await platform.users.addUser({ name, password: `${name}-password`, organisation: org.id });
      actors[name] = { kind: 'user', userId: user.id, name, roles: user.roles, organisationId: user.organisationId };
      if (name !== 'eve') await platform.collections.grant(SYSTEM, shared, `user:${user.id}`, { read: true, write: true });
    }
    await platform.collections.grant(SYSTEM, other, `user:${actors.carol.kind === 'user' ? actors.carol.userId : ''}`, { read: true, write: true });
    const results = [
      await platform.objects.ingest(actors.alice, 'corr', shared, [indicator(1, "[domain-name:value = 'Evil.Example.'] OR [ipv4-addr:value = '10.9.9.9']"), indicator(7, "[domain-name:value = 'evil.example']")]),
      await platform.objects.ingest(actors.bob, 'corr', shared, [evilDomain, indicator(6, "[domain-name:value = 'evil.example']", { object_marking_refs: [TLP2_MARKINGS['amber+strict']] })]),
      await platform.objects.ingest(actors.carol, 'corr', shared, [indicator(4, "[domain-name:value = 'evil.example']", { object_marking_refs: [TLP2_MARKINGS.red], x_thiqa_recipient_users: ['carol'] })]),
      await platform.objects.ingest(actors.carol, 'corr', other, [indicator(5, "[ipv4-addr:value = '10.9.9.9']")]),
    ];
    expect(results.flatMap((r) => r.rejected)).toEqual([]);
  });
  afterAll(() => test.close());

  it('links an object to those sharing a value, with the values shared, and counts the other organisations', async () => {
    const c = await platform.lookup.correlationsOf(actors.alice, shared, id(1));
    expect(c.values).toEqual([{ type: 'domain-name', value: 'evil.example' }, { type: 'ipv4-addr', value: '10.9.9.9' }]);
    expect(c.objects.map((o) => [o.id, o.shared])).toEqual(
      [[evilDomain.id, [{ type: 'domain-name', value: 'evil.example' }]], [id(7), [{ type: 'domain-name', value: 'evil.example' }]]].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(c.objects.find((o) => o.id === evilDomain.id)?.name).toBe('evil.example');
    // Bob's organisation only: Alice's own indicator 7 is linked but not counted as another organisation's report.
    expect(c.organisations).toBe(1);
  });

  it('shows each reader only what it may see: RED, AMBER+STRICT and unreadable collections never show through', async () => {
    expect(await linked(actors.alice, shared, id(1))).toEqual({ objects: [`shared ${evilDomain.id}`, `shared ${id(7)}`].sort(), organisations: 1, total: 2 });
    // Bob sees his own AMBER+STRICT indicator; Alice's organisation is the object's own, so not counted.
    expect(await linked(actors.bob, shared, id(1))).toEqual({ objects: [`shared ${evilDomain.id}`, `shared ${id(6)}`, `shared ${id(7)}`].sort(), organisations: 1, total: 3 });
    // Carol sees her RED indicator and her own collection; Bob's AMBER+STRICT one stays hidden.
    expect(await linked(actors.carol, shared, id(1))).toEqual({ objects: [`other ${id(5)}`, `shared ${evilDomain.id}`, `shared ${id(4)}`, `shared ${id(7)}`].sort(), organisations: 2, total: 4 });
    // From the linked side, the link holds both ways.
    expect((await linked(actors.carol, other, id(5))).objects).toEqual([`shared ${id(1)}`]);
    expect(await errorCode(platform.lookup.correlationsOf(actors.alice, other, id(5)))).toBe('collection.not_found');
    expect(await errorCode(platform.lookup.correlationsOf(actors.eve, shared, id(1)))).toBe('collection.not_found');
    expect(await errorCode(platform.lookup.correlationsOf(actors.alice, shared, id(4)))).toBe('object.not_found');
  });

  it('links a new object at ingest, and forgets a deleted one', async () => {
    const before = (await linked(actors.alice, shared, id(1))).total;
    expect((await platform.objects.ingest(actors.bob, 'corr', shared, [indicator(8, "[ipv4-addr:value = '10.9.9.9']")])).rejected).toEqual([]);
    expect((await linked(actors.alice, shared, id(1))).total).toBe(before + 1);
    await platform.objects.delete(SYSTEM, 'corr', shared, id(8), {});
    expect((await linked(actors.alice, shared, id(1))).total).toBe(before);
  });
});
