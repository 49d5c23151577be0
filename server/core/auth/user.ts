/**
 * Users and API tokens as services and presenters see them (never a password hash nor a token), and the
 * mappers from the stored records.
 */
import { isLanguage, type Language } from '../../../shared/i18n/languages.ts';
import { PLATFORM_ADMIN } from '../roles/role-declarations.ts';
import type { TokenRecord } from './token.repository.ts';
import type { UserRecord } from './user.repository.ts';

/** A user as services and presenters see it: no password hash. */
export interface User {
  id: string;
  name: string;
  /** The user's roles, sorted. */
  roles: string[];
  /** Whether the user holds `platform-admin` (derived from `roles`, never stored). */
  isAdmin: boolean;
  disabled: boolean;
  createdAt: number;
  /** The organisation the user belongs to, or null. */
  organisationId: string | null;
  /** The language the user chose for the web UI, or null for the browser's. */
  language: Language | null;
}

/** An API token as listed: never the token itself, which is shown once by `createToken`. */
export interface ApiToken {
  id: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export const toUser = ({ id, name, roles, disabled, createdAt, organisationId, language }: UserRecord): User => ({
  id,
  name,
  roles,
  isAdmin: roles.includes(PLATFORM_ADMIN),
  disabled,
  createdAt,
  organisationId,
  language: language !== null && isLanguage(language) ? language : null,
});
export const toApiToken = ({ id, label, createdAt, lastUsedAt, revokedAt }: TokenRecord): ApiToken => ({
  id,
  label,
  createdAt,
  lastUsedAt,
  revokedAt,
});

/** What `addUser` stores. */
export interface NewUser {
  name: string;
  password: string;
  /** Role names; `analyst` when not given (an empty list gives none). */
  roles?: readonly string[] | undefined;
  /** Adds `platform-admin` to `roles` (and, without `roles`, gives it alone). */
  isAdmin?: boolean | undefined;
  /** The organisation the user belongs to: id or name. */
  organisation?: string | undefined;
}

/** A user after a role change, and whether anything changed. */
export interface RoleChange {
  user: User;
  /** False when the user already held (or did not hold) the role: nothing was stored or recorded. */
  changed: boolean;
}
