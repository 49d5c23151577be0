/**
 * The visibility rule's part that runs in SQL (services/visibility.ts states the whole rule): the clearance of
 * each version row for one reader, and the condition that keeps only the rows within it.
 */
import type { Dialect, SqlValue } from '../../../core/db/database.ts';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * A reader of one collection, as the visibility rule reduced it. A row is readable at the reader's clearance
 * for it: RED (4) for its origin user or a named recipient user, AMBER+STRICT (3) for its origin organisation
 * or a named recipient organisation, `base` otherwise; never above `cap`. A row is served when its `tlp` is
 * within that clearance; with `base` -1 (the reader reached the collection only as a named recipient) the page
 * is read through the recipients index.
 */
export interface ReadScope {
  base: number;
  userId: string | null;
  orgId: string | null;
  cap: number;
}

/** The clearance of each row for a reader, as SQL over `stix_objects` (see `ReadScope`). */
export function clearanceSql(scope: ReadScope): { sql: string; params: SqlValue[] } {
  const named = '(has_recipients = 1 AND EXISTS (SELECT 1 FROM object_recipients r WHERE r.date_added = stix_objects.date_added AND r.principal = ?))';
  const when: string[] = [];
  const params: SqlValue[] = [];
  if (scope.userId !== null) {
    when.push(`WHEN origin_user = ? OR ${named} THEN 4`);
    params.push(scope.userId, `user:${scope.userId}`);
  }
  if (scope.orgId !== null) {
    when.push(`WHEN origin_org = ? OR ${named} THEN 3`);
    params.push(scope.orgId, `org:${scope.orgId}`);
  }
  const base = String(Math.trunc(scope.base));
  return { sql: when.length ? `(CASE ${when.join(' ')} ELSE ${base} END)` : base, params };
}

function namedPrincipals(scope: ReadScope): string[] {
  return [scope.userId && `user:${scope.userId}`, scope.orgId && `org:${scope.orgId}`].filter((p): p is string => Boolean(p));
}

/** Whether a page for this reader is read from the rows that name it (`scopeSource`), not the whole table. */
function readsNamedRows(scope: ReadScope | undefined): scope is ReadScope {
  return scope !== undefined && scope.base < 0 && namedPrincipals(scope).length > 0;
}

/**
 * What a page is read from: `stix_objects`, or — on PostgreSQL, for a reader who reaches the collection only
 * as a named recipient — the rows naming it, driven by the recipients index, so its page never scans the
 * collection: left to choose, PostgreSQL's planner scanned it whenever its statistics had not yet seen how few
 * rows name the reader (45 ms a page at 100k objects, against 3 ms this way). SQLite's planner drives the
 * `IN` condition of `restrictToScope` through the same index by itself, and faster than this join.
 */
export function scopeSource(scope: ReadScope | undefined, seq: number, after: number, dialect: Dialect): { sql: string; params: SqlValue[] } {
  if (dialect !== 'postgres' || !readsNamedRows(scope)) return { sql: 'stix_objects', params: [] };
  const principals = namedPrincipals(scope);
  return {
    sql: `(SELECT DISTINCT date_added AS named_at FROM object_recipients
             WHERE collection_seq = ? AND principal IN (${marks(principals.length)}) AND date_added > ?) named
          JOIN stix_objects ON stix_objects.date_added = named.named_at`,
    params: [seq, ...principals, after],
  };
}

/**
 * Adds the visibility condition of a scope to a WHERE list; nothing for a reader who sees every row.
 * `source`: the rows are read from `scopeSource` (which already keeps a recipient's rows to those naming it).
 */
export function restrictToScope(scope: ReadScope | undefined, seq: number, after: number, where: string[], params: SqlValue[], source = false): void {
  if (!scope || (scope.base >= 4 && scope.cap >= 4)) return;
  if (scope.cap < 4) where.push(`tlp <= ${Math.trunc(scope.cap)}`);
  if (scope.base < 0) {
    const principals = namedPrincipals(scope);
    if (principals.length === 0) {
      where.push('1 = 0');
      return;
    }
    if (!source) {
      where.push(`date_added IN (SELECT date_added FROM object_recipients WHERE collection_seq = ? AND principal IN (${marks(principals.length)}) AND date_added > ?)`);
      params.push(seq, ...principals, after);
    }
  }
  const clearance = clearanceSql(scope);
  where.push(`tlp <= ${clearance.sql}`);
  params.push(...clearance.params);
}
