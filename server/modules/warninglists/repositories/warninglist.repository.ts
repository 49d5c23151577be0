/**
 * The only SQL on warning lists. Every write bumps `warninglists_clock` in its transaction and runs the
 * service's hook (the audit entry) last, only when something changed.
 */
import type { Database, TransactionHook } from '../../../core/db/database.ts';
import type { WarningList, WarningListType } from '../../../../shared/warninglists/warninglist-file.ts';

/** A stored list without its entries. */
export interface StoredListSummary {
  name: string;
  version: number;
  description: string;
  type: WarningListType;
  matchingAttributes: string[];
  entryCount: number;
  enabled: boolean;
  importedAt: number;
  importedBy: string;
}

interface SummaryRow {
  name: string;
  version: number | string;
  description: string;
  type: WarningListType;
  matching_attributes: string;
  entry_count: number | string;
  enabled: number | string;
  imported_at: number | string;
  imported_by: string;
}

const SUMMARY = 'name, version, description, type, matching_attributes, entry_count, enabled, imported_at, imported_by';

function toSummary(row: SummaryRow): StoredListSummary {
  return {
    name: row.name,
    version: Number(row.version),
    description: row.description,
    type: row.type,
    matchingAttributes: JSON.parse(row.matching_attributes) as string[],
    entryCount: Number(row.entry_count),
    enabled: Number(row.enabled) === 1,
    importedAt: Number(row.imported_at),
    importedBy: row.imported_by,
  };
}

export class WarningListRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Every list, by name. */
  async list(): Promise<StoredListSummary[]> {
    return (await this.db.all<SummaryRow>(`SELECT ${SUMMARY} FROM warninglists ORDER BY name`)).map(toSummary);
  }

  async find(name: string): Promise<StoredListSummary | undefined> {
    const row = await this.db.get<SummaryRow>(`SELECT ${SUMMARY} FROM warninglists WHERE name = ?`, [name]);
    return row && toSummary(row);
  }

  /**
   * The enabled lists whole, and the clock read before them: a change made meanwhile is in the lists or makes
   * the clock look stale, never the reverse, so a reader rebuilding on a changed clock misses nothing.
   */
  async enabled(): Promise<{ clock: number; lists: WarningList[] }> {
    const clock = await this.clock();
    const rows = await this.db.all<SummaryRow & { entries: string }>(`SELECT ${SUMMARY}, entries FROM warninglists WHERE enabled = 1 ORDER BY name`);
    const lists = rows.map((row) => {
      const { name, version, description, type, matchingAttributes } = toSummary(row);
      return { name, version, description, type, matchingAttributes, entries: JSON.parse(row.entries) as string[] };
    });
    return { clock, lists };
  }

  /** The clock: bumped by every change of a list. */
  async clock(): Promise<number> {
    return Number((await this.db.get<{ version: number | string }>('SELECT version FROM warninglists_clock WHERE id = 1'))!.version);
  }

  /**
   * Stores `list` unless a version at least as new is there: answers the version it replaced (null when new),
   * or 'unchanged' (and nothing is written, the hook not run). A list replaced keeps its `enabled`.
   */
  async store(list: WarningList, at: number, by: string, hook: TransactionHook<number | null>): Promise<number | null | 'unchanged'> {
    return this.db.transaction(async (tx) => {
      const before = await tx.get<{ version: number | string }>('SELECT version FROM warninglists WHERE name = ?', [list.name]);
      const previous = before === undefined ? null : Number(before.version);
      if (previous !== null && previous >= list.version) return 'unchanged';
      const values = [list.version, list.description, list.type, JSON.stringify(list.matchingAttributes), JSON.stringify(list.entries), list.entries.length, at, by];
      if (previous === null) {
        await tx.run(
          'INSERT INTO warninglists (version, description, type, matching_attributes, entries, entry_count, imported_at, imported_by, name, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
          [...values, list.name],
        );
      } else {
        await tx.run('UPDATE warninglists SET version = ?, description = ?, type = ?, matching_attributes = ?, entries = ?, entry_count = ?, imported_at = ?, imported_by = ? WHERE name = ?', [...values, list.name]);
      }
      await tx.run('UPDATE warninglists_clock SET version = version + 1 WHERE id = 1');
      await hook(tx, previous);
      return previous;
    });
  }

  /** Enables or disables a list: answers it as it is now, or undefined when there is none of that name. */
  async setEnabled(name: string, enabled: boolean, hook: TransactionHook<StoredListSummary>): Promise<StoredListSummary | undefined> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run('UPDATE warninglists SET enabled = ? WHERE name = ? AND enabled <> ?', [enabled ? 1 : 0, name, enabled ? 1 : 0]);
      const row = await tx.get<SummaryRow>(`SELECT ${SUMMARY} FROM warninglists WHERE name = ?`, [name]);
      if (!row) return undefined;
      const list = toSummary(row);
      if (changed) {
        await tx.run('UPDATE warninglists_clock SET version = version + 1 WHERE id = 1');
        await hook(tx, list);
      }
      return list;
    });
  }
}
