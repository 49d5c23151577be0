/** Storage of sharing communities: the only SQL on `communities` and `community_members`. */
import type { Database, Queryable, TransactionHook } from '../db/database.ts';

/** A community as stored. */
export interface CommunityRecord {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  createdAt: number;
}

/** A member organisation of a community. */
export interface MembershipRecord {
  communityId: string;
  organisationId: string;
  joinedAt: number;
}

interface CommunityRow {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  created_at: number | string;
  members?: number | string;
}

const COLUMNS = 'c.id, c.name, c.slug, c.description, c.created_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key names are unique by: NFC, lower case (the same on both databases, unlike SQL `lower()`). */
export function communityNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

const toRecord = (row: CommunityRow): CommunityRecord => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  description: row.description,
  createdAt: Number(row.created_at),
});

/** Communities on either database. Communities are never deleted (an API root is named after each). */
export class CommunityRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * Stores a community inside a transaction someone else opened (the one creating its API root). Answers
   * false, storing nothing, when the name (folded) or the slug is taken.
   */
  async insertIn(tx: Queryable, community: CommunityRecord): Promise<boolean> {
    const changed = await tx.run(
      'INSERT INTO communities (id, name, name_key, slug, description, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [community.id, community.name, communityNameKey(community.name), community.slug, community.description, community.createdAt],
    );
    return changed === 1;
  }

  /** The community with that id (a UUID), else the one of that name (any case), else undefined. */
  async findByIdOrName(idOrName: string): Promise<CommunityRecord | undefined> {
    if (UUID.test(idOrName)) {
      const byId = await this.db.get<CommunityRow>(`SELECT ${COLUMNS} FROM communities c WHERE c.id = ?`, [idOrName.toLowerCase()]);
      if (byId) return toRecord(byId);
    }
    const row = await this.db.get<CommunityRow>(`SELECT ${COLUMNS} FROM communities c WHERE c.name_key = ?`, [communityNameKey(idOrName.trim())]);
    return row && toRecord(row);
  }

  /** Every community with its number of members, by folded name. */
  async listWithCounts(): Promise<(CommunityRecord & { members: number })[]> {
    const rows = await this.db.all<CommunityRow>(
      `SELECT ${COLUMNS}, (SELECT COUNT(*) FROM community_members m WHERE m.community_id = c.id) AS members
       FROM communities c ORDER BY c.name_key`,
    );
    return rows.map((row) => ({ ...toRecord(row), members: Number(row.members ?? 0) }));
  }

  /**
   * Adds a member; answers false when it already was one. `within` runs in the same transaction, only when
   * it was added.
   */
  async addMember(membership: MembershipRecord, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run('INSERT INTO community_members (community_id, organisation_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
        membership.communityId,
        membership.organisationId,
        membership.joinedAt,
      ]);
      if (changed === 1) await within?.(tx, undefined);
      return changed === 1;
    });
  }

  /** Removes a member; answers false when it was none. `within` runs in the same transaction, only on a change. */
  async removeMember(communityId: string, organisationId: string, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run('DELETE FROM community_members WHERE community_id = ? AND organisation_id = ?', [communityId, organisationId]);
      if (changed === 1) await within?.(tx, undefined);
      return changed === 1;
    });
  }

  /** The members of a community, in the order they joined. */
  async members(communityId: string): Promise<MembershipRecord[]> {
    const rows = await this.db.all<{ organisation_id: string; joined_at: number | string }>(
      'SELECT organisation_id, joined_at FROM community_members WHERE community_id = ? ORDER BY joined_at, organisation_id',
      [communityId],
    );
    return rows.map((row) => ({ communityId, organisationId: row.organisation_id, joinedAt: Number(row.joined_at) }));
  }

  /** Ids and slugs of the communities an organisation belongs to. */
  async communitiesOf(organisationId: string): Promise<{ id: string; slug: string }[]> {
    return this.db.all<{ id: string; slug: string }>(
      'SELECT c.id, c.slug FROM community_members m JOIN communities c ON c.id = m.community_id WHERE m.organisation_id = ? ORDER BY c.id',
      [organisationId],
    );
  }

  /** The community whose API root is named `slug`. */
  async findBySlug(slug: string): Promise<CommunityRecord | undefined> {
    const row = await this.db.get<CommunityRow>(`SELECT ${COLUMNS} FROM communities c WHERE c.slug = ?`, [slug]);
    return row && toRecord(row);
  }
}
