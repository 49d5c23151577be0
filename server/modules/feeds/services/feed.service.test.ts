// The feed service on both databases: warning lists, the creator's standing, zone serials, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import { dialects } from '../../../../test/support/databases.ts';
import { errorCode } from '../../../../test/support/domain-error.ts';
import { openTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';
import { FeedRepository } from '../repositories/feed.repository.ts';
import { FeedService } from './feed.service.ts';

const id = (n: number) => `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
function indicator(n: number, pattern: string, more: Record<string, unknown> = {}) {
  return { type: 'indicator', spec_version: '2.1', id: id(n), created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', ...more };
}

describe.each(dialects)('feed service on %s', (dialect) => {
  let test: TestPlatform;
  let feeds: FeedService;
  let now = Date.parse('2026-03-01T00:00:00Z');
  let collection: string;
  let carol: Actor;
  beforeAll(async () => {
    test = await openTestPlatform(dialect);
    const { platform } = test;
    await platform.apiRoots.create(SYSTEM, { name: 'feeds', title: 'Feeds', maxContentLength: 10_000_000 });
    collection = (await platform.collections.create(SYSTEM, { apiRoot: 'feeds', title: 'Spam sources' })).id;
    const user = await platform.users.addUser({ name: 'carol', password: 'carol-password' });
    carol = { kind: 'user', userId: user.id, name: 'carol', roles: user.roles, organisationId: null };
    await platform.collections.grant(SYSTEM, collection, `user:${user.id}`, { read: true, write: true });
    const listed = { isListed: (kind: string, value: string) => kind === 'ipv4' && value === '8.8.8.8' };
    const readers = { actorOf: async (userId: string) => { const u = await platform.users.findById(userId); return u && !u.disabled ? { kind: 'user' as const, userId: u.id, name: u.name, roles: u.roles, organisationId: u.organisationId } : undefined; } };
    feeds = new FeedService(new FeedRepository(platform.db), platform.collections, platform.objects, readers, platform.audit, listed, () => now);
    const stored = await platform.objects.ingest(carol, 'feeds', collection, [
      indicator(1, "[ipv4-addr:value = '192.0.2.9' OR ipv4-addr:value = '8.8.8.8']", { labels: ['spam'] }),
      indicator(2, "[ipv4-addr:value = '198.51.100.4']", { labels: ['spam'], valid_until: '2026-04-01T00:00:00Z' }),
      indicator(3, "[ipv4-addr:value = '203.0.113.1']", { labels: ['malware'], object_marking_refs: [TLP2_MARKINGS.clear] }),
    ]);
    expect(stored.rejected).toEqual([]);
  });
  afterAll(async () => test?.close());

  it('leaves warning-listed values out unless the feed keeps them', async () => {
    const plain = await feeds.create(carol, { collection, format: 'ipv4' });
    const content = await feeds.contentByToken(plain.token);
    expect(content.text).toBe('192.0.2.9\n198.51.100.4\n203.0.113.1\n');
    expect(content.warninglisted).toBe(1);
    const keeping = await feeds.create(carol, { collection, format: 'ipv4', includeWarninglisted: true });
    expect((await feeds.contentByToken(keeping.token)).text).toBe('192.0.2.9\n198.51.100.4\n203.0.113.1\n8.8.8.8\n');
  });

  it('takes a ceiling of CLEAR to mean CLEAR only', async () => {
    const clear = await feeds.create(carol, { collection, format: 'ipv4', maxTlp: 'clear' });
    expect((await feeds.contentByToken(clear.token)).text).toBe('203.0.113.1\n');
  });

  it('keeps a zone’s serial while its content holds, and raises it when the content changes', async () => {
    const { token } = await feeds.create(carol, { collection, format: 'dnsbl-bind', zone: 'dnsbl.example' });
    const serialOf = (text: string) => Number(/ SOA \S+ \S+ (\d+) /.exec(text)![1]);
    const first = await feeds.contentByToken(token);
    expect(first.text).toContain('9.2.0.192 A 127.0.0.2');
    expect(first.text).not.toContain('1.113.0.203');
    now += 60_000;
    const same = await feeds.contentByToken(token);
    expect(serialOf(same.text)).toBe(serialOf(first.text));
    expect(same.digest).toBe(first.digest);
    // The second indicator's valid_until passes: it leaves, and the serial moves up.
    now = Date.parse('2026-04-02T00:00:00Z');
    const later = await feeds.contentByToken(token);
    expect(later.text).not.toContain('4.100.51.198');
    expect(serialOf(later.text)).toBeGreaterThan(serialOf(first.text));
  });

  it('serves nothing once its creator is disabled, or has lost access to the collection', async () => {
    const { platform } = test;
    const user = await platform.users.addUser({ name: 'dave', password: 'dave-password' });
    await platform.collections.grant(SYSTEM, collection, `user:${user.id}`, { read: true, write: false });
    const dave: Actor = { kind: 'user', userId: user.id, name: 'dave', roles: user.roles, organisationId: null };
    const { token } = await feeds.create(dave, { collection, format: 'csv' });
    await platform.users.setDisabled('dave', true);
    expect(await errorCode(feeds.contentByToken(token))).toBe('feed.reader_gone');
    await platform.users.setDisabled('dave', false);
    expect(await errorCode(feeds.contentByToken(token))).toBeUndefined();
    await platform.collections.grant(SYSTEM, collection, `user:${user.id}`, { read: false, write: false });
    expect(await errorCode(feeds.contentByToken(token))).toMatch(/^collection\./);
  });

  it('refuses bad input with a specific code, storing nothing', async () => {
    const before = (await feeds.list(SYSTEM)).length;
    expect(await errorCode(feeds.create(carol, { collection, format: 'csv', name: ' ' }))).toBe('feed.invalid_name');
    expect(await errorCode(feeds.create(carol, { collection, format: 'suricata', sidBase: 0 }))).toBe('feed.invalid_sid_range');
    expect(await errorCode(feeds.create(carol, { collection, format: 'suricata', sidBase: 2 ** 32 - 5, sidRange: 10 }))).toBe('feed.invalid_sid_range');
    expect(await errorCode(feeds.create(carol, { collection, format: 'rpz', zone: 'bad zone' }))).toBe('feed.invalid_zone');
    expect(await errorCode(feeds.create(carol, { collection, format: 'csv', maxTlp: 'amber+strict' }))).toBe('feed.invalid_tlp');
    expect(await errorCode(feeds.create(carol, { collection: 'no-such-collection', format: 'csv' }))).toBe('collection.not_found');
    expect((await feeds.list(SYSTEM)).length).toBe(before);
    // One IP rule and three rules for the domain: more than a range of 3 holds.
    await test.platform.objects.ingest(SYSTEM, 'feeds', collection, [indicator(4, "[domain-name:value = 'spam.example']")]);
    const tiny = await feeds.create(carol, { collection, format: 'suricata', sidRange: 3, sidBase: 5 });
    expect(await errorCode(feeds.contentByToken(tiny.token))).toBe('feed.sid_range_full');
  });

  it('lets the operator write any feed by id, the creator its own, others none', async () => {
    const { feed } = await feeds.create(carol, { collection, format: 'sha256' });
    expect((await feeds.contentById(SYSTEM, feed.id)).text).toBe('');
    expect(await errorCode(feeds.contentById(carol, feed.id))).toBeUndefined();
    const other = await test.platform.users.addUser({ name: 'erin', password: 'erin-password' });
    expect(await errorCode(feeds.contentById({ kind: 'user', userId: other.id, name: 'erin', roles: other.roles, organisationId: null }, feed.id))).toBe('feed.not_found');
  });
});
