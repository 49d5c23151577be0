/**
 * Remembers recent successful Basic logins so that a client sending the same header on every request (a
 * TAXII client paging through a collection) pays the scrypt cost once per TTL, not once per page.
 *
 * - Keys are HMAC-SHA256 of the whole header under a random key made per process: the cache never holds a
 *   password, and its keys are useless outside this process.
 * - Only successes are stored; a wrong password always goes to the KDF, so the cache gives guessing no help.
 * - Entries live `ttlMs` (60 s by default), and at most `maxEntries` are kept (oldest dropped first), so memory
 *   stays bounded whatever the traffic.
 * - The service forgets a user's entries when their password changes or they are disabled; another server
 *   process sharing the database notices such a change only when its entry expires, within the TTL.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Actor } from './actor.ts';

type UserActor = Extract<Actor, { kind: 'user' }>;

/** Tuning for `CredentialCache`; tests pass a clock. */
export interface CredentialCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  actor: UserActor;
  expiresAt: number;
}

/** A bounded, expiring map from Authorization header to the user it authenticated. */
export class CredentialCache {
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: CredentialCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  private keyOf(header: string): string {
    return createHmac('sha256', this.key).update(header, 'utf8').digest('base64url');
  }

  /** The user this exact header authenticated within the TTL, or undefined. */
  get(header: string): UserActor | undefined {
    const key = this.keyOf(header);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.actor;
  }

  /** Records that `header` authenticated `actor`. Call only after a successful verification. */
  set(header: string, actor: UserActor): void {
    const key = this.keyOf(header);
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      // A Map iterates in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { actor, expiresAt: this.now() + this.ttlMs });
  }

  /** Forgets every entry of one user (after a password change or when disabled). */
  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(key);
  }

  /** How many entries are held (expired ones not yet swept included). */
  get size(): number {
    return this.entries.size;
  }
}
