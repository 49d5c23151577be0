/**
 * Turning an `Authorization` header into an `Actor`, for `UserService.authenticate`.
 *
 * Failure messages never say whether a user exists: an unknown name and a wrong password give the same code
 * and message, and cost the same scrypt time. Sign-ins are recorded after they are decided: a success when a
 * password was actually verified (not on a credential-cache hit) or, for a token, when its last use is written
 * (at most once a minute); every failure, under the attempted user name when it could be one. The actor
 * carries the user's roles as stored at that moment.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog, AuditPrincipal } from '../audit/audit.service.ts';
import { isDomainError, unauthenticated } from '../errors.ts';
import { ANONYMOUS, type Actor } from './actor.ts';
import { parseAuthorizationHeader, type Credentials } from './authorization-header.ts';
import type { CredentialCache } from './credential-cache.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { TokenRepository } from './token.repository.ts';
import { hashToken, looksLikeToken } from './token.ts';
import type { UserRecord, UserRepository } from './user.repository.ts';

type UserActor = Extract<Actor, { kind: 'user' }>;

/** User names: 1–64 ASCII letters, digits, `.`, `_`, `-`, `@`. */
export const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;
/** A token's last use is written at most this often, so a busy client does not cause a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

const badCredentials = () => unauthenticated('auth.bad_credentials', 'the user name, password or token is wrong');
const userDisabled = () => unauthenticated('auth.user_disabled', 'this account is disabled');

// Verified against when the user is unknown or has no password, so that case takes as long as a wrong
// password. Made once, on first need.
let dummyHash: Promise<string> | undefined;

/** The actor a stored user acts as. */
export function actorOf(user: UserRecord): UserActor {
  return { kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId };
}

/** Authentication over the auth repositories; built and used by `UserService`. */
export class Authentication {
  private readonly users: UserRepository;
  private readonly tokens: TokenRepository;
  private readonly audit: AuditLog;
  private readonly cache: CredentialCache;
  private readonly now: () => number;

  constructor(users: UserRepository, tokens: TokenRepository, audit: AuditLog, cache: CredentialCache, now: () => number) {
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.cache = cache;
    this.now = now;
  }

  /** See `UserService.authenticate`. */
  async authenticate(authorizationHeader: string | undefined): Promise<Actor> {
    if (authorizationHeader === undefined) return ANONYMOUS;
    let credentials: Credentials;
    try {
      credentials = parseAuthorizationHeader(authorizationHeader);
    } catch (error) {
      throw await this.failed(error, 'anonymous', 'malformed');
    }
    if (credentials.scheme === 'bearer') return this.authenticateToken(credentials.token);
    const cached = this.cache.get(authorizationHeader);
    if (cached) return cached;
    let actor: UserActor;
    try {
      actor = await this.authenticatePassword(credentials.name, credentials.password);
    } catch (error) {
      // A name breaking the naming rule is no user's (and might be a password typed in the wrong field).
      throw await this.failed(error, USER_NAME.test(credentials.name) ? credentials.name : 'anonymous', 'basic');
    }
    await this.audit.record(actor, { action: 'auth.sign_in', target: actor.userId, details: { scheme: 'basic' } });
    this.cache.set(authorizationHeader, actor);
    return actor;
  }

  /**
   * Checks a user name and password typed into the web UI's sign-in form, exactly as a Basic sign-in is
   * checked (a refusal is recorded, `scheme: session`). The success is recorded by the caller, with the
   * session it makes.
   * @throws DomainError `unauthenticated` `auth.bad_credentials`, `auth.user_disabled`.
   */
  async verifyPassword(name: string, password: string): Promise<UserActor> {
    try {
      return await this.authenticatePassword(name, password);
    } catch (error) {
      throw await this.failed(error, USER_NAME.test(name) ? name : 'anonymous', 'session');
    }
  }

  /** Records a refused sign-in and answers the error to throw. Other errors (a 500) are not sign-ins. */
  private async failed(error: unknown, who: AuditPrincipal, scheme: string): Promise<unknown> {
    if (isDomainError(error) && error.kind === 'unauthenticated') {
      await this.audit.record(who, { action: 'auth.sign_in_failed', details: { scheme, reason: error.code } });
    }
    return error;
  }

  private async authenticatePassword(name: string, password: string): Promise<UserActor> {
    // A name that breaks the naming rule cannot exist; refusing it without the KDF reveals nothing.
    if (!USER_NAME.test(name)) throw badCredentials();
    const user = await this.users.findByName(name);
    const stored = user?.passwordHash ?? (await (dummyHash ??= hashPassword(randomUUID())));
    const matches = await verifyPassword(password, stored);
    if (!user || user.passwordHash === null || !matches) throw badCredentials();
    // Only after the password proved right, so "disabled" tells nothing to someone guessing.
    if (user.disabled) throw userDisabled();
    return actorOf(user);
  }

  private async authenticateToken(token: string): Promise<Actor> {
    // Lookup by an index on SHA-256 of a random secret: its timing cannot help anyone guess a token.
    const found = looksLikeToken(token) ? await this.tokens.findByHash(hashToken(token)) : undefined;
    if (!found) throw await this.failed(badCredentials(), 'anonymous', 'bearer');
    const { token: record, user } = found;
    const owner = `user:${user.id}`;
    if (record.revokedAt !== null) throw await this.failed(unauthenticated('auth.token_revoked', 'this API token has been revoked'), owner, 'bearer');
    if (record.expiresAt !== null && this.now() >= record.expiresAt) {
      throw await this.failed(unauthenticated('auth.session_expired', 'this session has expired: sign in again'), owner, 'bearer');
    }
    if (user.disabled) throw await this.failed(userDisabled(), owner, 'bearer');
    const actor = actorOf(user);
    const now = this.now();
    if (record.lastUsedAt === null || now - record.lastUsedAt >= TOUCH_INTERVAL_MS) {
      // The sign-in is recorded with the last use, so at most once a minute per token across processes.
      const audited = this.audit.within(actor, { action: 'auth.sign_in', target: user.id, details: { scheme: 'bearer', token: record.id } });
      await this.tokens.touch(record.id, now, now - TOUCH_INTERVAL_MS + 1, audited);
    }
    return actor;
  }
}
