import { describe, expect, it } from 'vitest';
import { CredentialCache } from './credential-cache.ts';

const actor = (userId: string) => ({ kind: 'user' as const, userId, name: userId, roles: ['analyst'], organisationId: null });

describe('the Basic login cache', () => {
  it('answers the same header within the TTL and forgets it after', () => {
    let now = 1_000;
    const cache = new CredentialCache({ ttlMs: 60_000, now: () => now });
    cache.set('Basic abc', actor('u1'));
    now += 59_999;
    expect(cache.get('Basic abc')).toEqual(actor('u1'));
    expect(cache.get('Basic abd')).toBeUndefined();
    now += 1;
    expect(cache.get('Basic abc')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const cache = new CredentialCache({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) cache.set(`Basic ${id}`, actor(id));
    expect(cache.size).toBe(3);
    expect(cache.get('Basic a')).toBeUndefined();
    expect(cache.get('Basic d')).toEqual(actor('d'));
  });

  it("forgets every entry of one user", () => {
    const cache = new CredentialCache();
    cache.set('Basic one', actor('u1'));
    cache.set('Basic two', actor('u1'));
    cache.set('Basic three', actor('u2'));
    cache.forgetUser('u1');
    expect(cache.get('Basic one')).toBeUndefined();
    expect(cache.get('Basic two')).toBeUndefined();
    expect(cache.get('Basic three')).toEqual(actor('u2'));
  });

  it('holds no header text, only keyed digests', () => {
    const cache = new CredentialCache();
    cache.set('Basic YWxpY2U6c2VjcmV0', actor('u1'));
    const held = JSON.stringify([...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()]);
    expect(held).not.toContain('YWxpY2U6c2VjcmV0');
  });
});
