/** Versions a push link held back for personal data: the only SQL on `federation_personal_data_holds`. */
import type { Database, TransactionHook } from '../../../core/db/database.ts';

export interface HoldRow {
  link_id: string;
  stix_id: string;
  version: string;
  date_added: number;
  /** The kinds found, comma separated (`email,phone`). */
  kinds: string;
  held_at: number;
  confirmed_at: number | null;
  confirmed_by: string | null;
  pushed_at: number | null;
}

export class PersonalDataHoldRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Records versions held back; one already recorded is left as it is (its confirmation kept). */
  async hold(rows: readonly Omit<HoldRow, 'confirmed_at' | 'confirmed_by' | 'pushed_at'>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const row of rows) {
        await tx.run(
          'INSERT INTO federation_personal_data_holds (link_id, stix_id, version, date_added, kinds, held_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (link_id, stix_id, version) DO NOTHING',
          [row.link_id, row.stix_id, row.version, row.date_added, row.kinds, row.held_at],
        );
      }
    });
  }

  /** The held versions of a link (or all), newest first, at most `limit`. */
  list(linkId: string | undefined, limit: number): Promise<HoldRow[]> {
    return linkId === undefined
      ? this.db.all<HoldRow>('SELECT * FROM federation_personal_data_holds ORDER BY held_at DESC, stix_id LIMIT ?', [limit])
      : this.db.all<HoldRow>('SELECT * FROM federation_personal_data_holds WHERE link_id = ? ORDER BY held_at DESC, stix_id LIMIT ?', [linkId, limit]);
  }

  /** One held version of a link. */
  async find(linkId: string, stixId: string, version: string): Promise<HoldRow | undefined> {
    return this.db.get<HoldRow>('SELECT * FROM federation_personal_data_holds WHERE link_id = ? AND stix_id = ? AND version = ?', [linkId, stixId, version]);
  }

  /** Confirmed versions of a link not pushed yet, oldest first. */
  confirmedUnpushed(linkId: string, limit: number): Promise<HoldRow[]> {
    return this.db.all<HoldRow>(
      'SELECT * FROM federation_personal_data_holds WHERE link_id = ? AND confirmed_at IS NOT NULL AND pushed_at IS NULL ORDER BY date_added LIMIT ?',
      [linkId, limit],
    );
  }

  /** Marks a held version confirmed by `by`; answers whether it was held and unconfirmed. `within` runs then. */
  async confirm(linkId: string, stixId: string, version: string, by: string, at: number, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run(
        'UPDATE federation_personal_data_holds SET confirmed_at = ?, confirmed_by = ? WHERE link_id = ? AND stix_id = ? AND version = ? AND confirmed_at IS NULL',
        [at, by, linkId, stixId, version],
      );
      if (changed > 0) await within?.(tx, undefined);
      return changed > 0;
    });
  }

  /** Marks held versions pushed. */
  async markPushed(linkId: string, keys: readonly { stixId: string; version: string }[], at: number): Promise<void> {
    if (keys.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const key of keys) await tx.run('UPDATE federation_personal_data_holds SET pushed_at = ? WHERE link_id = ? AND stix_id = ? AND version = ?', [at, linkId, key.stixId, key.version]);
    });
  }
}
