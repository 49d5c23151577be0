/**
 * User accounts, their API tokens, and turning an `Authorization` header into an `Actor`.
 *
 * Failure messages never say whether a user exists: an unknown name and a wrong password give the same code
 * and message, and cost the same scrypt time. Adding users, listing them, disabling them and making their
 * tokens is for administrators and the operator (`user.forbidden` otherwise); the other methods do what they
 * are asked. Each change records who asked (the trailing `actor`, the operator by default) in the audit log,
 * in the same transaction as the change.
 * Sign-ins are recorded after they are decided: a success when a password was actually verified (not on a
 * credential-cache hit) or, for a token, when its last use is written (at most once a minute); every failure,
 * under the attempted user name when it could be one.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog, AuditPrincipal } from '../audit/audit.service.ts';
import { conflict, forbidden, invalid, isDomainError, notFound, unauthenticated } from '../errors.ts';
import { ANONYMOUS, isPrivileged, SYSTEM, type Actor } from './actor.ts';
import { parseAuthorizationHeader, type Credentials } from './authorization-header.ts';
import { CredentialCache } from './credential-cache.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { TokenRecord, TokenRepository } from './token.repository.ts';
import { generateToken, hashToken, looksLikeToken } from './token.ts';
import type { UserRecord, UserRepository } from './user.repository.ts';
import type { OrganisationRepository } from '../organisations/organisation.repository.ts';

/** A user as services and presenters see it: no password hash. */
export interface User {
  id: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  createdAt: number;
  /** The organisation the user belongs to, or null. */
  organisationId: string | null;
}

/** An API token as listed: never the token itself, which is shown once by `createToken`. */
export interface ApiToken {
  id: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** Clock and cache for `UserService`; tests pass their own. */
export interface UserServiceOptions {
  now?: () => number;
  cache?: CredentialCache;
  /** Where `addUser` looks up a user's organisation; without it, `organisation` cannot be given. */
  organisations?: OrganisationRepository;
}

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const LABEL = /^[^\p{Cc}]{1,100}$/u;
/** A token's last use is written at most this often, so a busy client does not cause a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

const badCredentials = () => unauthenticated('auth.bad_credentials', 'the user name, password or token is wrong');
const userDisabled = () => unauthenticated('auth.user_disabled', 'this account is disabled');

function requireAdministrator(actor: Actor): void {
  if (!isPrivileged(actor)) throw forbidden('user.forbidden', 'only administrators manage user accounts');
}

// Verified against when the user is unknown or has no password, so that case takes as long as a wrong
// password. Made once, on first need.
let dummyHash: Promise<string> | undefined;

const toUser = ({ id, name, isAdmin, disabled, createdAt, organisationId }: UserRecord): User => ({
  id,
  name,
  isAdmin,
  disabled,
  createdAt,
  organisationId,
});
const toApiToken = ({ id, label, createdAt, lastUsedAt, revokedAt }: TokenRecord): ApiToken => ({
  id,
  label,
  createdAt,
  lastUsedAt,
  revokedAt,
});

/** Users, tokens and authentication over the auth repositories. */
export class UserService {
  private readonly users: UserRepository;
  private readonly tokens: TokenRepository;
  private readonly audit: AuditLog;
  private readonly cache: CredentialCache;
  private readonly now: () => number;
  private readonly organisations: OrganisationRepository | undefined;

  constructor(users: UserRepository, tokens: TokenRepository, audit: AuditLog, options: UserServiceOptions = {}) {
    this.users = users;
    this.organisations = options.organisations;
    this.tokens = tokens;
    this.audit = audit;
    this.now = options.now ?? Date.now;
    this.cache = options.cache ?? new CredentialCache({ now: this.now });
  }

  /**
   * Adds a user. `name`: 1–64 ASCII letters, digits, `.`, `_`, `-`, `@`; unique regardless of case.
   * `organisation` (id or name) is the organisation the user belongs to; nothing is stored when it is unknown.
   * @throws DomainError `forbidden` `user.forbidden`; `invalid` `user.invalid_name` / `user.password_too_short`;
   *   `conflict` `user.exists`; `not_found` `organisation.not_found`.
   */
  async addUser(input: { name: string; password: string; isAdmin?: boolean; organisation?: string | undefined }, actor: Actor = SYSTEM): Promise<User> {
    requireAdministrator(actor);
    if (!NAME.test(input.name)) {
      throw invalid('user.invalid_name', 'a user name is 1 to 64 letters, digits, ".", "_", "-" or "@"', { name: input.name, field: 'name' });
    }
    const organisationId = input.organisation === undefined ? null : await this.organisationIdOf(input.organisation);
    const record: UserRecord = {
      id: randomUUID(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      isAdmin: input.isAdmin ?? false,
      disabled: false,
      createdAt: this.now(),
      organisationId,
    };
    const details = { name: record.name, admin: record.isAdmin, ...(organisationId === null ? {} : { organisation: organisationId }) };
    const audited = this.audit.within(actor, { action: 'user.add', target: record.id, details });
    if (!(await this.users.insert(record, audited))) {
      throw conflict('user.exists', `a user named "${input.name}" already exists`, { name: input.name });
    }
    return toUser(record);
  }

  /** The user of that name (any case), or undefined. */
  async findUser(name: string): Promise<User | undefined> {
    const record = await this.findRecord(name);
    return record && toUser(record);
  }

  /** The user with that id, or undefined. */
  async findById(id: string): Promise<User | undefined> {
    const record = await this.users.findById(id);
    return record && toUser(record);
  }

  /** Every user, by name. */
  async listUsers(): Promise<User[]> {
    return (await this.users.list()).map(toUser);
  }

  /** Every user, by name, for an administrator. @throws DomainError `forbidden` `user.forbidden`. */
  async list(actor: Actor): Promise<User[]> {
    requireAdministrator(actor);
    return this.listUsers();
  }

  /** The user of that name (any case), for an administrator. @throws `forbidden` `user.forbidden`; `not_found` `user.not_found`. */
  async get(actor: Actor, name: string): Promise<User> {
    requireAdministrator(actor);
    return toUser(await this.requireUser(name));
  }

  /**
   * Replaces a user's password; cached logins with the old one stop working in this process at once.
   * @throws DomainError `not_found` `user.not_found`; `invalid` `user.password_too_short`.
   */
  async setPassword(name: string, password: string, actor: Actor = SYSTEM): Promise<void> {
    const user = await this.requireUser(name);
    const audited = this.audit.within(actor, { action: 'user.set_password', target: user.id, details: { name: user.name } });
    await this.users.setPasswordHash(user.id, await hashPassword(password), audited);
    this.cache.forgetUser(user.id);
  }

  /**
   * Disables (or re-enables) a user: neither password nor tokens authenticate a disabled user. Answers the
   * user as it now is.
   * @throws DomainError `forbidden` `user.forbidden`; `not_found` `user.not_found`.
   */
  async setDisabled(name: string, disabled: boolean, actor: Actor = SYSTEM): Promise<User> {
    requireAdministrator(actor);
    const user = await this.requireUser(name);
    const action = disabled ? 'user.disable' : 'user.enable';
    await this.users.setDisabled(user.id, disabled, this.audit.within(actor, { action, target: user.id, details: { name: user.name } }));
    this.cache.forgetUser(user.id);
    return toUser({ ...user, disabled });
  }

  /**
   * Makes an API token for a user. The plain `token` is in this answer only; it is stored hashed.
   * @throws DomainError `forbidden` `user.forbidden`; `not_found` `user.not_found`; `invalid`
   *   `token.invalid_label` (1–100 characters).
   */
  async createToken(userName: string, label: string, actor: Actor = SYSTEM): Promise<{ token: string; id: string }> {
    requireAdministrator(actor);
    if (!LABEL.test(label)) throw invalid('token.invalid_label', 'a token label is 1 to 100 characters, no control characters', { field: 'label' });
    const user = await this.requireUser(userName);
    const token = generateToken();
    const id = randomUUID();
    await this.tokens.insert({
      id,
      userId: user.id,
      label,
      tokenHash: hashToken(token),
      createdAt: this.now(),
      lastUsedAt: null,
      revokedAt: null,
    }, this.audit.within(actor, { action: 'token.create', target: id, details: { user: user.id, label } }));
    return { token, id };
  }

  /**
   * A user's tokens, revoked ones included, oldest first.
   * @throws DomainError `not_found` `user.not_found`.
   */
  async listTokens(userName: string): Promise<ApiToken[]> {
    const user = await this.requireUser(userName);
    return (await this.tokens.listByUser(user.id)).map(toApiToken);
  }

  /**
   * Revokes a token for good. Revoking a revoked token changes nothing.
   * @throws DomainError `not_found` `token.not_found`.
   */
  async revokeToken(id: string, actor: Actor = SYSTEM): Promise<void> {
    if (await this.tokens.revoke(id, this.now(), this.audit.within(actor, { action: 'token.revoke', target: id }))) return;
    if (!(await this.tokens.findById(id))) throw notFound('token.not_found', 'no such API token', { id });
  }

  /**
   * The actor an `Authorization` header stands for: none → anonymous; `Basic` → user and password;
   * `Bearer` → API token. Successful Basic logins are cached briefly (see `CredentialCache`).
   *
   * @throws DomainError kind `unauthenticated`, code `auth.malformed_header`, `auth.unsupported_scheme`,
   *   `auth.bad_credentials` (unknown user, wrong password or unknown token alike), `auth.token_revoked` or
   *   `auth.user_disabled`. A damaged stored password hash throws a plain Error (a 500, not a 401).
   */
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
    let actor: Extract<Actor, { kind: 'user' }>;
    try {
      actor = await this.authenticatePassword(credentials.name, credentials.password);
    } catch (error) {
      // A name breaking the naming rule is no user's (and might be a password typed in the wrong field).
      throw await this.failed(error, NAME.test(credentials.name) ? credentials.name : 'anonymous', 'basic');
    }
    await this.audit.record(actor, { action: 'auth.sign_in', target: actor.userId, details: { scheme: 'basic' } });
    this.cache.set(authorizationHeader, actor);
    return actor;
  }

  /** Records a refused sign-in and answers the error to throw. Other errors (a 500) are not sign-ins. */
  private async failed(error: unknown, who: AuditPrincipal, scheme: string): Promise<unknown> {
    if (isDomainError(error) && error.kind === 'unauthenticated') {
      await this.audit.record(who, { action: 'auth.sign_in_failed', details: { scheme, reason: error.code } });
    }
    return error;
  }

  private async authenticatePassword(name: string, password: string): Promise<Extract<Actor, { kind: 'user' }>> {
    // A name that breaks the naming rule cannot exist; refusing it without the KDF reveals nothing.
    if (!NAME.test(name)) throw badCredentials();
    const user = await this.users.findByName(name);
    const stored = user?.passwordHash ?? (await (dummyHash ??= hashPassword(randomUUID())));
    const matches = await verifyPassword(password, stored);
    if (!user || user.passwordHash === null || !matches) throw badCredentials();
    // Only after the password proved right, so "disabled" tells nothing to someone guessing.
    if (user.disabled) throw userDisabled();
    return { kind: 'user', userId: user.id, name: user.name, isAdmin: user.isAdmin, organisationId: user.organisationId };
  }

  private async authenticateToken(token: string): Promise<Actor> {
    // Lookup by an index on SHA-256 of a random secret: its timing cannot help anyone guess a token.
    const found = looksLikeToken(token) ? await this.tokens.findByHash(hashToken(token)) : undefined;
    if (!found) throw await this.failed(badCredentials(), 'anonymous', 'bearer');
    const { token: record, user } = found;
    const owner = `user:${user.id}`;
    if (record.revokedAt !== null) throw await this.failed(unauthenticated('auth.token_revoked', 'this API token has been revoked'), owner, 'bearer');
    if (user.disabled) throw await this.failed(userDisabled(), owner, 'bearer');
    const actor: Actor = { kind: 'user', userId: user.id, name: user.name, isAdmin: user.isAdmin, organisationId: user.organisationId };
    const now = this.now();
    if (record.lastUsedAt === null || now - record.lastUsedAt >= TOUCH_INTERVAL_MS) {
      // The sign-in is recorded with the last use, so at most once a minute per token across processes.
      const audited = this.audit.within(actor, { action: 'auth.sign_in', target: user.id, details: { scheme: 'bearer', token: record.id } });
      await this.tokens.touch(record.id, now, now - TOUCH_INTERVAL_MS + 1, audited);
    }
    return actor;
  }

  /**
   * The id of an organisation named by id or name. Organisations are never deleted, and the insert's foreign
   * key checks the id again inside the user's transaction, so a user never points at a missing organisation.
   */
  private async organisationIdOf(idOrName: string): Promise<string> {
    if (!this.organisations) throw new Error('UserService was built without organisations');
    const found = await this.organisations.findByIdOrName(idOrName);
    if (!found) throw notFound('organisation.not_found', `no organisation "${idOrName}"`, { organisation: idOrName });
    return found.id;
  }

  private async findRecord(name: string): Promise<UserRecord | undefined> {
    return NAME.test(name) ? this.users.findByName(name) : undefined;
  }

  private async requireUser(name: string): Promise<UserRecord> {
    const user = await this.findRecord(name);
    if (!user) throw notFound('user.not_found', `no user named "${name}"`, { name });
    return user;
  }
}
