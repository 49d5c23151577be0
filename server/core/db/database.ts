/**
 * The storage contract every repository speaks. SQL is written once with `?` placeholders; each driver
 * adapts it (PostgreSQL gets `$1…$n`). Where the two dialects differ, a repository branches on `dialect`.
 */

export type Dialect = 'sqlite' | 'postgres';
/** Arrays bind only on PostgreSQL (`= ANY(?)`, `unnest(?::text[])`). */
export type SqlValue = string | number | bigint | null | Uint8Array | readonly (string | null)[] | readonly number[] | readonly Uint8Array[];

export interface Queryable {
  readonly dialect: Dialect;
  /** All rows of a query. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement and answers how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface Database extends Queryable {
  /**
   * Runs `fn` in a write transaction: committed (durably) when it resolves, rolled back when it throws.
   * Writers are serialised; reads outside a transaction never see uncommitted data.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Work a service hands to a repository's write method, to run inside that method's transaction: last (after
 * the change, so locks are always taken in the same order), and only when the change happened. It commits or
 * rolls back with the change. Used to append audit entries atomically with what they record.
 */
export type TransactionHook<R = void> = (tx: Queryable, result: R) => Promise<void>;

/** Rewrites `?` placeholders as `$1…$n` (no SQL in this code base puts `?` inside a literal). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
