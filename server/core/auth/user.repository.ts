/** Storage of user accounts: the only SQL on the `users` and `user_roles` tables. */
import type { Database, Dialect, SqlValue, TransactionHook } from '../db/database.ts';

/** A user row as stored, password hash included: never hand it past the service. */
export interface UserRecord {
  id: string;
  name: string;
  /** Null for an account that cannot log in with a password. */
  passwordHash: string | null;
  /** The user's role names, sorted (rows of `user_roles`). */
  roles: string[];
  disabled: boolean;
  createdAt: number;
  /** The organisation the user belongs to, or null (accounts made before organisations, the first admin). */
  organisationId: string | null;
  /** The language chosen for the web UI, or null for the browser's. */
  language: string | null;
}

/** Row shape shared with `token.repository.ts`, which reads the owner of a token in the same query. */
export interface UserRow {
  id: string;
  name: string;
  password_hash: string | null;
  /** The role names joined by commas (role names have none), or null for a user without roles. */
  roles: string | null;
  disabled: number;
  created_at: number;
  organisation_id: string | null;
  language: string | null;
}

/**
 * Columns of `UserRow`, qualified by `u` for joins. The roles come in the same query (they are read on every
 * Bearer request), aggregated by each dialect's function.
 */
export function userColumns(dialect: Dialect): string {
  const aggregate = dialect === 'postgres' ? "string_agg(r.role, ',')" : "group_concat(r.role, ',')";
  return `u.id, u.name, u.password_hash, (SELECT ${aggregate} FROM user_roles r WHERE r.user_id = u.id) AS roles, u.disabled, u.created_at, u.organisation_id, u.language`;
}

/** Maps a stored row to a record. */
export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    name: row.name,
    passwordHash: row.password_hash,
    roles: row.roles === null || row.roles === '' ? [] : row.roles.split(',').sort(),
    disabled: Number(row.disabled) === 1,
    createdAt: Number(row.created_at),
    organisationId: row.organisation_id,
    language: row.language ?? null,
  };
}

/** Users on either database. Names compare without regard to case, as the unique index does. */
export class UserRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * Stores a new user. Answers false, storing nothing, when the name (in any case) is taken. `within` runs in
   * the same transaction when the user was stored. `organisationId` must name a stored organisation: the
   * foreign key checks it inside this transaction. The user's roles are stored in the same transaction.
   */
  async insert(user: UserRecord, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // ON CONFLICT DO NOTHING (both dialects) instead of catching driver-specific unique-violation errors;
      // it also stays safe when two requests add the same name at once.
      const changed = await tx.run(
        `INSERT INTO users (id, name, password_hash, created_at, disabled, organisation_id) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        [user.id, user.name, user.passwordHash, user.createdAt, user.disabled ? 1 : 0, user.organisationId],
      );
      if (changed !== 1) return false;
      for (const role of user.roles) await tx.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [user.id, role]);
      await within?.(tx, undefined);
      return true;
    });
  }

  /** Gives a user a role (`within` in the same transaction). Answers false, changing nothing, when it was held. */
  addRole(userId: string, role: string, within?: TransactionHook): Promise<boolean> {
    return this.update('INSERT INTO user_roles (user_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING', [userId, role], within);
  }

  /** Takes a role from a user (`within` in the same transaction). Answers false, changing nothing, when it was not held. */
  removeRole(userId: string, role: string, within?: TransactionHook): Promise<boolean> {
    return this.update('DELETE FROM user_roles WHERE user_id = ? AND role = ?', [userId, role], within);
  }

  /** The user of that name (any case), or undefined. */
  async findByName(name: string): Promise<UserRecord | undefined> {
    const row = await this.db.get<UserRow>(`SELECT ${userColumns(this.db.dialect)} FROM users u WHERE lower(u.name) = lower(?)`, [name]);
    return row && toUserRecord(row);
  }

  /** The user with that id, or undefined. */
  async findById(id: string): Promise<UserRecord | undefined> {
    const row = await this.db.get<UserRow>(`SELECT ${userColumns(this.db.dialect)} FROM users u WHERE u.id = ?`, [id]);
    return row && toUserRecord(row);
  }

  /** Every user, by name. */
  async list(): Promise<UserRecord[]> {
    const rows = await this.db.all<UserRow>(`SELECT ${userColumns(this.db.dialect)} FROM users u ORDER BY lower(u.name)`);
    return rows.map(toUserRecord);
  }

  /** Sets (or, with null, clears) the language a user chose. Answers false when there is no such user. */
  async setLanguage(id: string, language: string | null): Promise<boolean> {
    return (await this.db.run('UPDATE users SET language = ? WHERE id = ?', [language, id])) === 1;
  }

  /** Replaces a user's password hash (`within` in the same transaction). Answers false when there is no such user. */
  setPasswordHash(id: string, passwordHash: string, within?: TransactionHook): Promise<boolean> {
    return this.update('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id], within);
  }

  /** Disables or re-enables a user (`within` in the same transaction). Answers false when there is no such user. */
  setDisabled(id: string, disabled: boolean, within?: TransactionHook): Promise<boolean> {
    return this.update('UPDATE users SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, id], within);
  }

  private update(sql: string, params: SqlValue[], within: TransactionHook | undefined): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = (await tx.run(sql, params)) === 1;
      if (changed) await within?.(tx, undefined);
      return changed;
    });
  }
}
