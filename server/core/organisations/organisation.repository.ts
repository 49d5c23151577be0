/** Storage of organisations: the only SQL on the `organisations` table. */
import type { Database, TransactionHook } from '../db/database.ts';

/** An organisation as stored. */
export interface OrganisationRecord {
  id: string;
  name: string;
  type: string;
  subtype: string | null;
  country: string | null;
  sector: string | null;
  /** `identity--<uuid>`: the id of `identity`. */
  identityId: string;
  /** The STIX identity object, JSON text. */
  identity: string;
  createdAt: number;
}

interface OrganisationRow {
  id: string;
  name: string;
  type: string;
  subtype: string | null;
  country: string | null;
  sector: string | null;
  identity_id: string;
  identity: string;
  created_at: number;
}

const COLUMNS = 'id, name, type, subtype, country, sector, identity_id, identity, created_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key names are unique by: NFC, lower case (the same on both databases, unlike SQL `lower()`). */
export function organisationNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function toRecord(row: OrganisationRow): OrganisationRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    subtype: row.subtype,
    country: row.country,
    sector: row.sector,
    identityId: row.identity_id,
    identity: row.identity,
    createdAt: Number(row.created_at),
  };
}

/** Organisations on either database. Organisations are never deleted, so a user's stays valid. */
export class OrganisationRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * Stores a new organisation. Answers false, storing nothing, when the name (folded) is taken. `within`
   * runs in the same transaction when it was stored.
   */
  async insert(org: OrganisationRecord, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // ON CONFLICT DO NOTHING rather than catching each driver's unique-violation error; safe under races.
      const changed = await tx.run(
        `INSERT INTO organisations (id, name, name_key, type, subtype, country, sector, identity_id, identity, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [org.id, org.name, organisationNameKey(org.name), org.type, org.subtype, org.country, org.sector, org.identityId, org.identity, org.createdAt],
      );
      if (changed === 1) await within?.(tx, undefined);
      return changed === 1;
    });
  }

  /** The organisation with that id (a UUID), else the one of that name (any case), else undefined. */
  async findByIdOrName(idOrName: string): Promise<OrganisationRecord | undefined> {
    if (UUID.test(idOrName)) {
      const byId = await this.db.get<OrganisationRow>(`SELECT ${COLUMNS} FROM organisations WHERE id = ?`, [idOrName.toLowerCase()]);
      if (byId) return toRecord(byId);
    }
    const row = await this.db.get<OrganisationRow>(`SELECT ${COLUMNS} FROM organisations WHERE name_key = ?`, [organisationNameKey(idOrName.trim())]);
    return row && toRecord(row);
  }

  /** Every organisation, by folded name. */
  async list(): Promise<OrganisationRecord[]> {
    const rows = await this.db.all<OrganisationRow>(`SELECT ${COLUMNS} FROM organisations ORDER BY name_key`);
    return rows.map(toRecord);
  }
}
