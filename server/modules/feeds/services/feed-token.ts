/**
 * Feed tokens: `thqf_` and 32 random bytes in base64url. Their own prefix tells them from API tokens
 * (`thq_`): a feed token opens one feed's content and nothing else, so the HTTP app never takes it for a
 * user's credentials. Stored as SHA-256, as API tokens are (`server/core/auth/token.ts`).
 */
import { randomBytes } from 'node:crypto';

export const FEED_TOKEN_PREFIX = 'thqf_';

const PATTERN = /^thqf_[A-Za-z0-9_-]{43}$/;

export function generateFeedToken(): string {
  return FEED_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function isFeedToken(text: string): boolean {
  return PATTERN.test(text);
}
