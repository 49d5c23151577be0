/**
 * Peer hubs: the only SQL on `federation_peers` (and the removal of a peer's links with it, which their
 * foreign key needs in the same transaction). Credentials arrive and leave sealed (services/secret-box.ts).
 */
import type { Database } from '../../../core/db/database.ts';

export interface PeerRow {
  id: string;
  name: string;
  name_key: string;
  api_root_url: string;
  auth_kind: 'basic' | 'bearer' | 'none';
  /** Sealed credentials; null for `none`. */
  secret: string | null;
  organisation_id: string;
  created_at: number;
}

export class PeerRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Inserts a peer; answers false when its name is taken. */
  async insert(row: PeerRow): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (await tx.get('SELECT id FROM federation_peers WHERE name_key = ?', [row.name_key])) return false;
      await tx.run(
        'INSERT INTO federation_peers (id, name, name_key, api_root_url, auth_kind, secret, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [row.id, row.name, row.name_key, row.api_root_url, row.auth_kind, row.secret, row.organisation_id, row.created_at],
      );
      return true;
    });
  }

  /** Replaces the URL, credentials and organisation of a peer (`peer add --replace`). */
  async update(row: PeerRow): Promise<void> {
    await this.db.run('UPDATE federation_peers SET api_root_url = ?, auth_kind = ?, secret = ?, organisation_id = ? WHERE id = ?', [
      row.api_root_url,
      row.auth_kind,
      row.secret,
      row.organisation_id,
      row.id,
    ]);
  }

  async find(idOrNameKey: string): Promise<PeerRow | undefined> {
    const row = await this.db.get<PeerRow>('SELECT * FROM federation_peers WHERE id = ? OR name_key = ?', [idOrNameKey, idOrNameKey]);
    return row && { ...row, created_at: Number(row.created_at) };
  }

  /** The ids of the peers that stand for an organisation. */
  async idsOfOrganisation(organisationId: string): Promise<string[]> {
    const rows = await this.db.all<{ id: string }>('SELECT id FROM federation_peers WHERE organisation_id = ? ORDER BY id', [organisationId]);
    return rows.map((row) => row.id);
  }

  async list(): Promise<PeerRow[]> {
    const rows = await this.db.all<PeerRow>('SELECT * FROM federation_peers ORDER BY name_key');
    return rows.map((row) => ({ ...row, created_at: Number(row.created_at) }));
  }

  /**
   * Removes a peer, its sealed credentials with its row, and its links; answers the ids of the links removed.
   * What the peer delivered and sent to quarantine stays (history, without a reference to the peer's row).
   */
  async remove(id: string): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const links = await tx.all<{ id: string }>('SELECT id FROM federation_links WHERE peer_id = ? ORDER BY created_at, id', [id]);
      await tx.run('DELETE FROM federation_links WHERE peer_id = ?', [id]);
      await tx.run('DELETE FROM federation_peers WHERE id = ?', [id]);
      return links.map((l) => l.id);
    });
  }
}
