/**
 * Links: one remote collection of a peer tied to one local collection, with a direction, a mode, whether
 * deletions propagate and the community the link belongs to; with their cursors and health (the status).
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import { SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { conflict, invalid, notFound } from '../../../core/errors.ts';
import type { CommunityService } from '../../../core/communities/community.service.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { Direction, LinkRepository, LinkRow, Mode } from '../repositories/link.repository.ts';
import { requireConfigurer, type PeerService } from './peer.service.ts';

export type { Direction, Mode };

export interface Link {
  id: string;
  peerId: string;
  remoteCollection: string;
  localApiRoot: string;
  localCollection: string;
  direction: Direction;
  mode: Mode;
  propagateDeletions: boolean;
  communityId: string | null;
  cursors: { pull: string | null; push: number; deletions: number };
  status: { lastSuccessAt: number | null; lastAttemptAt: number | null; failures: number; lastError: { code: string; message: string } | null };
  createdAt: number;
}

export interface NewLink {
  peer: string;
  remoteCollection: string;
  /** Local collection id or alias. */
  localCollection: string;
  direction: string;
  continuous?: boolean;
  propagateDeletions?: boolean;
  /** Community id or name; default the community of the local collection's API root. */
  community?: string | undefined;
}

const DIRECTIONS: readonly string[] = ['pull', 'push', 'both'];

export function presentLink(row: LinkRow): Link {
  return {
    id: row.id,
    peerId: row.peer_id,
    remoteCollection: row.remote_collection,
    localApiRoot: row.local_api_root,
    localCollection: row.local_collection,
    direction: row.direction,
    mode: row.mode,
    propagateDeletions: row.propagate_deletions === 1,
    communityId: row.community_id,
    cursors: { pull: row.pull_cursor, push: row.push_cursor, deletions: row.delete_cursor },
    status: {
      lastSuccessAt: row.last_success_at,
      lastAttemptAt: row.last_attempt_at,
      failures: row.failures,
      lastError: row.last_error_code ? { code: row.last_error_code, message: row.last_error_message ?? '' } : null,
    },
    createdAt: row.created_at,
  };
}

const linkNotFound = (id: string) => notFound('link.not_found', `there is no link "${id}"`, { link: id });

export class LinkService {
  private readonly links: LinkRepository;
  private readonly peers: PeerService;
  private readonly collections: CollectionService;
  private readonly communities: CommunityService;
  private readonly audit: AuditLog;

  constructor(links: LinkRepository, peers: PeerService, collections: CollectionService, communities: CommunityService, audit: AuditLog) {
    this.links = links;
    this.peers = peers;
    this.collections = collections;
    this.communities = communities;
    this.audit = audit;
  }

  /**
   * Adds a link. Recorded as `federation.link_add`.
   * @throws DomainError `federation.forbidden`, `link.invalid_direction`, `link.remote_collection_required`,
   *   `link.exists`, `peer.not_found`, `collection.not_found`, `community.not_found`.
   */
  async add(actor: Actor, input: NewLink): Promise<Link> {
    requireConfigurer(actor);
    if (!DIRECTIONS.includes(input.direction)) throw invalid('link.invalid_direction', `the direction must be pull, push or both, not "${input.direction}"`, { field: 'direction', value: input.direction });
    if (input.remoteCollection.trim() === '') throw invalid('link.remote_collection_required', 'name the remote collection (its id on the peer)', { field: 'remote_collection' });
    const peer = await this.peers.find(actor, input.peer);
    const collection = await this.collections.find(SYSTEM, input.localCollection);
    const communityId = input.community !== undefined ? (await this.communities.find(SYSTEM, input.community)).id : collection.access.community;
    const row: LinkRow = {
      id: randomUUID(),
      peer_id: peer.id,
      remote_collection: input.remoteCollection.trim(),
      local_api_root: collection.apiRoot,
      local_collection: collection.id,
      direction: input.direction as Direction,
      mode: input.continuous ? 'continuous' : 'scheduled',
      propagate_deletions: input.propagateDeletions ? 1 : 0,
      community_id: communityId,
      pull_cursor: null,
      push_cursor: 0,
      delete_cursor: 0,
      last_success_at: null,
      last_attempt_at: null,
      last_error_code: null,
      last_error_message: null,
      failures: 0,
      created_at: Date.now(),
      last_reconcile_at: null,
    };
    if (!(await this.links.insert(row))) {
      throw conflict('link.exists', `peer "${peer.name}" collection "${row.remote_collection}" is already linked to collection "${collection.id}"`, { peer: peer.name, collection: collection.id });
    }
    await this.audit.record(actor, {
      action: 'federation.link_add',
      target: row.id,
      details: { peer: peer.id, remote: row.remote_collection, collection: row.local_collection, direction: row.direction, mode: row.mode, deletions: row.propagate_deletions === 1, community: communityId },
    });
    return presentLink(row);
  }

  async list(actor: Actor): Promise<Link[]> {
    requireConfigurer(actor);
    return (await this.links.list()).map(presentLink);
  }

  /** @throws DomainError not_found `link.not_found`. */
  async find(actor: Actor, id: string): Promise<Link> {
    requireConfigurer(actor);
    return presentLink(await this.row(id));
  }

  /**
   * Removes a link: its sync stops (a running loop ends after the run in hand). What it brought stays, with
   * its provenance and quarantine. Recorded as `federation.link_remove`.
   * @throws DomainError `federation.forbidden`, not_found `link.not_found`.
   */
  async remove(actor: Actor, id: string): Promise<Link> {
    requireConfigurer(actor);
    const row = await this.row(id);
    if (!(await this.links.remove(row.id))) throw linkNotFound(id);
    await this.audit.record(actor, { action: 'federation.link_remove', target: row.id, details: { peer: row.peer_id, remote: row.remote_collection, collection: row.local_collection } });
    return presentLink(row);
  }

  private async row(id: string): Promise<LinkRow> {
    const row = await this.links.find(id);
    if (!row) throw linkNotFound(id);
    return row;
  }
}
