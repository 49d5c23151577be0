/**
 * User accounts, their roles, their API tokens, and turning an `Authorization` header into an `Actor`
 * (`authentication.ts`).
 *
 * Adding users and changing their roles is authorised here (`role-grants.ts`): platform administrators and
 * the operator may do anything, an organisation's administrators manage that organisation's users with the
 * roles they hold themselves. Listing users, disabling them and making their tokens is for administrators
 * and the operator (`user.manage_forbidden`); passwords and token revocation are the caller's concern for
 * now. Every change is recorded with who asked (the trailing
 * `actor`, the operator by default) in the audit log, in the same transaction as the change.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit.service.ts';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '../errors.ts';
import { isLanguage } from '../../../shared/i18n/languages.ts';
import { unknownLanguage } from '../errors.ts';
import { DEFAULT_ROLE, PLATFORM_ADMIN } from '../roles/role-declarations.ts';
import { requireKnownRoles } from '../roles/roles.ts';
import { isPrivileged, SYSTEM, type Actor } from './actor.ts';
import { actorOf, Authentication, USER_NAME } from './authentication.ts';
import { CredentialCache } from './credential-cache.ts';
import { hashPassword } from './password.ts';
import { requireMayGrant } from './role-grants.ts';
import type { TokenRepository } from './token.repository.ts';
import { generateToken, hashToken, looksLikeToken } from './token.ts';
import type { UserRecord, UserRepository } from './user.repository.ts';
import { toApiToken, toUser, type ApiToken, type NewUser, type RoleChange, type User } from './user.ts';

export type { ApiToken, NewUser, RoleChange, User };
import type { OrganisationRepository } from '../organisations/organisation.repository.ts';

/** Clock and cache for `UserService`; tests pass their own. */
export interface UserServiceOptions {
  now?: () => number;
  cache?: CredentialCache;
  /** Where `addUser` looks up a user's organisation; without it, `organisation` cannot be given. */
  organisations?: OrganisationRepository;
}

const LABEL = /^[^\p{Cc}]{1,100}$/u;

/** How long a browser session lasts: 12 hours. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** The label of the API token a browser session is. */
export const SESSION_LABEL = 'web session';

function requireAdministrator(actor: Actor): void {
  if (!isPrivileged(actor)) throw forbidden('user.manage_forbidden', 'only administrators manage user accounts');
}

/** Users, roles, tokens and authentication over the auth repositories. */
export class UserService {
  private readonly users: UserRepository;
  private readonly tokens: TokenRepository;
  private readonly audit: AuditLog;
  private readonly cache: CredentialCache;
  private readonly now: () => number;
  private readonly organisations: OrganisationRepository | undefined;
  private readonly authentication: Authentication;

  constructor(users: UserRepository, tokens: TokenRepository, audit: AuditLog, options: UserServiceOptions = {}) {
    this.users = users;
    this.organisations = options.organisations;
    this.tokens = tokens;
    this.audit = audit;
    this.now = options.now ?? Date.now;
    this.cache = options.cache ?? new CredentialCache({ now: this.now });
    this.authentication = new Authentication(users, tokens, audit, this.cache, this.now);
  }

  /**
   * Adds a user with its roles, in one transaction with its audit entry (`user.add`). `name`: 1–64 ASCII
   * letters, digits, `.`, `_`, `-`, `@`; unique regardless of case. `organisation` (id or name) is the
   * organisation the user belongs to. An organisation's administrator may add users to that organisation
   * only, with roles it holds itself. Nothing is stored when anything is refused.
   * @throws DomainError `invalid` `user.invalid_name` / `user.password_too_short` / `role.unknown`;
   *   `not_found` `organisation.not_found`; `forbidden` `user.manage_forbidden` / `role.not_held`;
   *   `conflict` `user.exists`.
   */
  async addUser(input: NewUser, actor: Actor = SYSTEM): Promise<User> {
    if (!USER_NAME.test(input.name)) {
      throw invalid('user.invalid_name', 'a user name is 1 to 64 letters, digits, ".", "_", "-" or "@"', { name: input.name, field: 'name' });
    }
    const named = input.roles ?? (input.isAdmin ? [] : [DEFAULT_ROLE]);
    const roles = requireKnownRoles(input.isAdmin ? [...named, PLATFORM_ADMIN] : named).sort();
    const organisationId = input.organisation === undefined ? null : await this.organisationIdOf(input.organisation);
    requireMayGrant(actor, organisationId, roles);
    const record: UserRecord = {
      id: randomUUID(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      roles,
      disabled: false,
      createdAt: this.now(),
      organisationId,
      language: null,
    };
    const details = { name: record.name, roles: roles.join(','), ...(organisationId === null ? {} : { organisation: organisationId }) };
    const audited = this.audit.within(actor, { action: 'user.add', target: record.id, details });
    if (!(await this.users.insert(record, audited))) {
      throw conflict('user.exists', `a user named "${input.name}" already exists`, { name: input.name });
    }
    return toUser(record);
  }

  /**
   * Gives a user a role, recorded (`user.role_add`) in the same transaction; holding it already changes
   * nothing. Cached sign-ins of the user are forgotten in this process; other processes see the new role
   * within the credential cache's lifetime (a minute), Bearer tokens at the next request.
   * @throws DomainError `invalid` `role.unknown`; `not_found` `user.not_found`; `forbidden`
   *   `user.manage_forbidden` / `role.not_held` (see `role-grants.ts`).
   */
  addRole(name: string, role: string, actor: Actor = SYSTEM): Promise<RoleChange> {
    return this.changeRole(name, role, actor, 'add');
  }

  /**
   * Takes a role from a user, recorded (`user.role_remove`) in the same transaction; not holding it changes
   * nothing. Only roles the actor holds itself may be taken away. See `addRole` for caches.
   * @throws DomainError as `addRole`.
   */
  removeRole(name: string, role: string, actor: Actor = SYSTEM): Promise<RoleChange> {
    return this.changeRole(name, role, actor, 'remove');
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

  /** Every user, by name, for an administrator. @throws DomainError `forbidden` `user.manage_forbidden`. */
  async list(actor: Actor): Promise<User[]> {
    requireAdministrator(actor);
    return this.listUsers();
  }

  /** The user of that name (any case), for an administrator. @throws `forbidden` `user.manage_forbidden`; `not_found` `user.not_found`. */
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
   * @throws DomainError `forbidden` `user.manage_forbidden`; `not_found` `user.not_found`.
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
   * @throws DomainError `forbidden` `user.manage_forbidden`; `not_found` `user.not_found`; `invalid`
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
      expiresAt: null,
    }, this.audit.within(actor, { action: 'token.create', target: id, details: { user: user.id, label } }));
    return { token, id };
  }

  /**
   * Signs a user in from the web UI: checks the password as a Basic sign-in is checked (refusals are recorded
   * as failed sign-ins) and makes a session, an API token labelled `web session` that ends after
   * `SESSION_LIFETIME_MS`; its secret is in this answer only (for the cookie), stored hashed. The sign-in is
   * recorded (`auth.sign_in`, `scheme: session`) with the session it made.
   * @throws DomainError `unauthenticated` `auth.bad_credentials`, `auth.user_disabled`.
   */
  async startSession(name: string, password: string): Promise<{ actor: Actor; secret: string; expiresAt: number }> {
    const actor = await this.authentication.verifyPassword(name, password);
    const secret = generateToken();
    const id = randomUUID();
    const now = this.now();
    const expiresAt = now + SESSION_LIFETIME_MS;
    const record = { id, userId: actor.userId, label: SESSION_LABEL, tokenHash: hashToken(secret), createdAt: now, lastUsedAt: now, revokedAt: null, expiresAt };
    await this.tokens.insert(record, this.audit.within(actor, { action: 'auth.sign_in', target: actor.userId, details: { scheme: 'session', token: id } }));
    return { actor, secret, expiresAt };
  }

  /**
   * Ends the caller's browser session named by its secret (revoked, recorded as `auth.sign_out`). A secret
   * that is no session of the caller's changes nothing.
   */
  async endSession(actor: Actor, secret: string): Promise<void> {
    if (actor.kind !== 'user' || !looksLikeToken(secret)) return;
    const found = await this.tokens.findByHash(hashToken(secret));
    if (!found || found.user.id !== actor.userId || found.token.expiresAt === null) return;
    await this.tokens.revoke(found.token.id, this.now(), this.audit.within(actor, { action: 'auth.sign_out', target: found.token.id }));
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
  authenticate(authorizationHeader: string | undefined): Promise<Actor> {
    return this.authentication.authenticate(authorizationHeader);
  }

  private async changeRole(name: string, role: string, actor: Actor, change: 'add' | 'remove'): Promise<RoleChange> {
    requireKnownRoles([role]);
    const user = await this.requireUser(name);
    requireMayGrant(actor, user.organisationId, [role]);
    const audited = this.audit.within(actor, { action: `user.role_${change}`, target: user.id, details: { name: user.name, role } });
    const changed = change === 'add' ? await this.users.addRole(user.id, role, audited) : await this.users.removeRole(user.id, role, audited);
    this.cache.forgetUser(user.id);
    return { user: toUser(await this.requireUser(user.name)), changed };
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
    return USER_NAME.test(name) ? this.users.findByName(name) : undefined;
  }

  /**
   * Sets the language the signed-in user chose for the web UI (null: the browser's again). Answers the user.
   * @throws DomainError `unauthenticated` `auth.required` (no signed-in user); `invalid` `language.unknown`.
   */
  async setOwnLanguage(actor: Actor, language: string | null): Promise<User> {
    if (actor.kind !== 'user') throw unauthenticated('auth.required', 'only a signed-in user has a language of its own');
    if (language !== null && !isLanguage(language)) {
      throw unknownLanguage(language);
    }
    await this.users.setLanguage(actor.userId, language);
    const user = await this.users.findById(actor.userId);
    if (!user) throw notFound('user.not_found', 'the signed-in user no longer exists', { name: actor.name });
    return toUser(user);
  }

  /**
   * The actor an enabled user acts as, for the local operator working on its behalf (`thiqa import --as`):
   * what is stored then has that user and its organisation as its origin. Only the operator may ask.
   * @throws DomainError `forbidden` `user.act_as_forbidden`; `not_found` `user.not_found`; `invalid` `user.disabled`.
   */
  async actAs(actor: Actor, name: string): Promise<Actor> {
    if (actor.kind !== 'system') throw forbidden('user.act_as_forbidden', 'only the local operator acts on behalf of a user');
    const user = await this.requireUser(name);
    if (user.disabled) throw invalid('user.disabled', `user "${user.name}" is disabled`, { name: user.name });
    return actorOf(user);
  }

  private async requireUser(name: string): Promise<UserRecord> {
    const user = await this.findRecord(name);
    if (!user) throw notFound('user.not_found', `no user named "${name}"`, { name });
    return user;
  }
}
