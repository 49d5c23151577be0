/**
 * The sync: each link pulled and / or pushed (link-pull.ts, link-push.ts), each on its own (a pull that
 * propagates deletions then reconciled with the peer's manifest, link-reconcile.ts), so a peer that is
 * down or refuses the credentials is reported on its link (last error, failures, last success) while the
 * other links go on. `runOnce` runs every link once; `run` keeps them going until its signal aborts
 * (sync-runner.ts), finishing the page in hand, whose cursor is saved.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { notFound } from '../../../core/errors.ts';
import type { CommunityService } from '../../../core/communities/community.service.ts';
import type { OrganisationService } from '../../../core/organisations/organisation.service.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import type { LinkRepository, LinkRow } from '../repositories/link.repository.ts';
import type { ProvenanceRepository } from '../repositories/provenance.repository.ts';
import type { PersonalDataHoldRepository } from '../repositories/personal-data-hold.repository.ts';
import type { RemoteFactory } from './remote-factory.ts';
import { pullLink, type PullReport } from './link-pull.ts';
import { pushLink, type PushReport } from './link-push.ts';
import { reconcileLink } from './link-reconcile.ts';
import { peerFailure } from './peer-failure.ts';
import { requireConfigurer, type Peer, type PeerService } from './peer.service.ts';

export interface SyncOptions {
  /** Objects per page read or sent. */
  pageSize: number;
  /** Seconds at least between two reconciliations of a pull link that propagates deletions (0: every run). */
  reconcileSeconds: number;
}

export interface LinkReport {
  link: string;
  peer: string;
  direction: LinkRow['direction'];
  ok: boolean;
  pull?: PullReport;
  push?: PushReport;
  error?: { code: string; message: string; params: Record<string, unknown> };
}

export interface SyncReport {
  startedAt: number;
  finishedAt: number;
  links: LinkReport[];
}

export interface QuarantinedObject {
  id: string;
  peerId: string;
  linkId: string;
  receivedAt: number;
  objectId: string | null;
  reasons: string[];
  object: string;
  truncated: boolean;
}

export interface Provenance {
  version: string;
  peerId: string;
  /** The link that brought it; null when the peer pushed it here by itself. */
  linkId: string | null;
  firstAt: number;
  lastAt: number;
  arrivals: number;
}

export interface SyncDeps {
  links: LinkRepository;
  provenance: ProvenanceRepository;
  /** Versions a push held back for personal data (link-push.ts). */
  holds: PersonalDataHoldRepository;
  peers: PeerService;
  objects: ObjectService;
  organisations: OrganisationService;
  communities: CommunityService;
  remote: RemoteFactory;
}

/** The peer as a local actor: a member of the organisation the peer hub stands for, reading and writing. */
export function peerActor(peer: Peer): Actor {
  return { kind: 'user', userId: `peer:${peer.id}`, name: `peer:${peer.name}`, roles: ['analyst'], organisationId: peer.organisationId };
}

export class SyncService {
  private readonly deps: SyncDeps;
  readonly options: SyncOptions;

  constructor(deps: SyncDeps, options: SyncOptions) {
    this.deps = deps;
    this.options = options;
  }

  /** Every link once, one after the other; a failing link is reported and the others go on. */
  async runOnce(actor: Actor, signal?: AbortSignal): Promise<SyncReport> {
    requireConfigurer(actor);
    const startedAt = Date.now();
    const links: LinkReport[] = [];
    for (const link of await this.deps.links.list()) {
      if (signal?.aborted) break;
      links.push(await this.syncLink(actor, link.id, signal));
    }
    return { startedAt, finishedAt: Date.now(), links };
  }

  /** One link: pull, then push, as its direction says. Never throws for the peer's failures: they are reported. */
  async syncLink(actor: Actor, linkId: string, signal?: AbortSignal, only?: 'pull' | 'push'): Promise<LinkReport> {
    requireConfigurer(actor);
    const link = await this.deps.links.find(linkId);
    if (!link) throw notFound('link.not_found', `there is no link "${linkId}"`, { link: linkId });
    const peer = await this.deps.peers.find(SYSTEM, link.peer_id);
    const report: LinkReport = { link: link.id, peer: peer.name, direction: link.direction, ok: true };
    try {
      const client = await this.deps.remote(peer.apiRootUrl, link.remote_collection, await this.deps.peers.credentialsOf(peer.id), signal);
      const as = peerActor(peer);
      if (link.direction !== 'push' && only !== 'push') {
        report.pull = await pullLink(this.deps, link, as, peer.id, client, this.options.pageSize, signal);
        if (this.reconcileDue(link) && !signal?.aborted) {
          report.pull.deleted = await reconcileLink(this.deps, link, { id: peer.id, organisationId: peer.organisationId, actor: as }, client, this.options.pageSize, signal);
          if (!signal?.aborted) await this.deps.links.setReconciledAt(link.id, Date.now());
        }
      }
      if (link.direction !== 'pull' && only !== 'pull') {
        const members = link.community_id ? new Set((await this.deps.communities.membersOf(SYSTEM, link.community_id)).map((m) => m.organisationId)) : null;
        const target = { peerId: peer.id, peerOrg: peer.organisationId, communityMembers: members };
        report.push = await pushLink({ ...this.deps, organisationOfIdentity: await this.identityMap() }, link, as, target, client, this.options.pageSize, signal);
      }
      await this.deps.links.recordSuccess(link.id, Date.now());
    } catch (error) {
      // Stopped while a request was in flight: not the peer's failure; the cursors hold what was done.
      if (signal?.aborted) return { ...report, ok: true };
      const failure = peerFailure(error, peer.apiRootUrl);
      report.ok = false;
      report.error = { code: failure.code, message: failure.message, params: failure.params };
      await this.deps.links.recordFailure(link.id, Date.now(), failure.code, failure.message);
    }
    return report;
  }

  /** The links as stored (for the runner). */
  async linkRows(actor: Actor): Promise<LinkRow[]> {
    requireConfigurer(actor);
    return this.deps.links.list();
  }

  /** The newest quarantined objects, of one link or all. */
  async quarantine(actor: Actor, linkId?: string, limit = 100): Promise<QuarantinedObject[]> {
    requireConfigurer(actor);
    return (await this.deps.provenance.quarantined(linkId, limit)).map((row) => ({
      id: row.id,
      peerId: row.peer_id,
      linkId: row.link_id,
      receivedAt: row.received_at,
      objectId: row.stix_id,
      reasons: JSON.parse(row.reasons) as string[],
      object: row.object_json,
      truncated: row.truncated === 1,
    }));
  }

  /** Which peers delivered each version of an object into a local collection, and when. */
  async provenanceOf(actor: Actor, collection: string, objectId: string): Promise<Provenance[]> {
    requireConfigurer(actor);
    return (await this.deps.provenance.ofObject(collection, objectId)).map((row) => ({
      version: row.version,
      peerId: row.peer_id,
      linkId: row.link_id === '' ? null : row.link_id,
      firstAt: row.first_at,
      lastAt: row.last_at,
      arrivals: row.arrivals,
    }));
  }

  /** Calls `listener` with a local collection id whenever something is stored in it in this process. */
  onStored(listener: (collectionId: string) => void): () => void {
    return this.deps.objects.onStored(listener);
  }

  /** Deletions on the peer are looked for on links that propagate them, at most every `reconcileSeconds`. */
  private reconcileDue(link: LinkRow): boolean {
    if (link.propagate_deletions !== 1) return false;
    return link.last_reconcile_at === null || Date.now() - link.last_reconcile_at >= this.options.reconcileSeconds * 1000;
  }

  private async identityMap(): Promise<(identityId: string) => Promise<string | undefined>> {
    const byIdentity = new Map((await this.deps.organisations.list(SYSTEM)).map((o) => [o.identityId, o.id]));
    return async (identityId) => byIdentity.get(identityId);
  }
}
