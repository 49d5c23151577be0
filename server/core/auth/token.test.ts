import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, looksLikeToken } from './token.ts';

describe('API tokens', () => {
  it('are thq_ and 32 random bytes in base64url', () => {
    const token = generateToken();
    expect(token).toMatch(/^thq_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(looksLikeToken(token)).toBe(true);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1_000 }, generateToken));
    expect(tokens.size).toBe(1_000);
  });

  it('are stored as SHA-256 hex', () => {
    const token = generateToken();
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(['', 'thq_', 'thq_short', `THQ_${'a'.repeat(43)}`, `thq_${'a'.repeat(44)}`, `thq_${'a'.repeat(42)}=`])(
    'tells %j is not a token',
    (text) => expect(looksLikeToken(text)).toBe(false),
  );
});
