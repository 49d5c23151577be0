/** Storage of API tokens: the only SQL on the `api_tokens` table. Only token hashes ever reach it. */
import type { Database, Dialect, TransactionHook } from '../db/database.ts';
import { toUserRecord, userColumns, type UserRecord, type UserRow } from './user.repository.ts';

/** A token row as stored. */
export interface TokenRecord {
  id: string;
  userId: string;
  label: string;
  /** SHA-256 hex of the token (see `hashToken`). */
  tokenHash: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  /** When it stops working (ms); null for an API token, which works until revoked. */
  expiresAt: number | null;
}

interface TokenRow {
  id: string;
  user_id: string;
  label: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  expires_at: number | null;
}

const TOKEN_COLUMNS = 't.id, t.user_id, t.label, t.token_hash, t.created_at, t.last_used_at, t.revoked_at, t.expires_at';

const nullableNumber = (value: number | null): number | null => (value === null ? null : Number(value));

function toTokenRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    tokenHash: row.token_hash,
    createdAt: Number(row.created_at),
    lastUsedAt: nullableNumber(row.last_used_at),
    revokedAt: nullableNumber(row.revoked_at),
    expiresAt: nullableNumber(row.expires_at),
  };
}

// The join gives both sets of columns distinct names.
const tokenAndUser = (dialect: Dialect) =>
  `t.id AS token_id, t.label, t.token_hash, t.created_at AS token_created_at, t.last_used_at, t.revoked_at, t.expires_at, ${userColumns(dialect)}`;

type TokenAndUserRow = UserRow & {
  token_id: string;
  label: string;
  token_hash: string;
  token_created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  expires_at: number | null;
};

/** API tokens on either database. */
export class TokenRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Stores a new token; `within` runs in the same transaction. */
  async insert(token: TokenRecord, within?: TransactionHook): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO api_tokens (id, user_id, label, token_hash, created_at, last_used_at, revoked_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [token.id, token.userId, token.label, token.tokenHash, token.createdAt, token.lastUsedAt, token.revokedAt, token.expiresAt],
      );
      await within?.(tx, undefined);
    });
  }

  /**
   * The token with that hash and its owner, in one query because it runs on every Bearer request.
   * Revoked tokens are answered too, so the caller can say why they fail.
   */
  async findByHash(tokenHash: string): Promise<{ token: TokenRecord; user: UserRecord } | undefined> {
    const row = await this.db.get<TokenAndUserRow>(
      `SELECT ${tokenAndUser(this.db.dialect)} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`,
      [tokenHash],
    );
    if (!row) return undefined;
    const token = toTokenRecord({ ...row, id: row.token_id, user_id: row.id, created_at: row.token_created_at });
    return { token, user: toUserRecord(row) };
  }

  /** One token by id, or undefined. */
  async findById(id: string): Promise<TokenRecord | undefined> {
    const row = await this.db.get<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t WHERE t.id = ?`, [id]);
    return row && toTokenRecord(row);
  }

  /** A user's tokens, revoked ones included, oldest first. */
  async listByUser(userId: string): Promise<TokenRecord[]> {
    const rows = await this.db.all<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens t WHERE t.user_id = ? ORDER BY t.created_at, t.id`,
      [userId],
    );
    return rows.map(toTokenRecord);
  }

  /**
   * Marks a token revoked at `at`, running `within` in the same transaction when it was. Answers false when it
   * is unknown or already revoked (the first time stays).
   */
  async revoke(id: string, at: number, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = (await tx.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id])) === 1;
      if (changed) await within?.(tx, undefined);
      return changed;
    });
  }

  /**
   * Records a use at `at` unless one was recorded after `notBefore`. The condition lives in SQL too, so
   * several server processes seeing the same token do not all write. `within` runs in the same transaction
   * when this call recorded the use.
   */
  async touch(id: string, at: number, notBefore: number, within?: TransactionHook): Promise<void> {
    await this.db.transaction(async (tx) => {
      const changed = await tx.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)', [
        at,
        id,
        notBefore,
      ]);
      if (changed === 1) await within?.(tx, undefined);
    });
  }
}
