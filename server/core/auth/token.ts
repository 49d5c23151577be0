/**
 * API tokens: `thq_` followed by 32 random bytes in base64url (43 characters). The prefix makes a leaked
 * token recognisable to secret scanners and to people; only its SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Prefix of every API token. */
export const TOKEN_PREFIX = 'thq_';

const TOKEN_PATTERN = /^thq_[A-Za-z0-9_-]{43}$/;

/** A new random API token (256 bits of entropy). Show it once; store only `hashToken(token)`. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** True when `text` has the shape of a token from `generateToken` (it may still be unknown or revoked). */
export function looksLikeToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

/**
 * The stored form of a token: SHA-256, hex. A fast hash is right here, unlike for passwords: the token is
 * 256 random bits, so there is nothing to guess from the hash, and a fast hash lets every request look the
 * token up by index without paying a KDF.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
