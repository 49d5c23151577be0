/**
 * Provenance of what peers push: when a user of an organisation that a configured peer hub stands for writes
 * objects into a local collection (the peer's own push, over TAXII), each accepted version is recorded as
 * delivered by that peer, as a pull would record it. So the same object pushed by two hubs keeps both
 * deliveries, and the forwarding rule never sends a version back to the peer that pushed it. No link brought
 * it (`link_id` empty): so a pull link's reconcile, which deletes only what its own link delivered, never
 * deletes what the peer pushed from another of its collections. What the sync's own pulls store (actors
 * `peer:<id>`) is recorded by the pull itself, with its link.
 */
import { SYSTEM } from '../../../core/auth/actor.ts';
import type { Accepted } from '../../exchange/services/object.service.ts';
import type { ProvenanceRepository } from '../repositories/provenance.repository.ts';
import type { PeerService } from './peer.service.ts';

export interface PushProvenanceDeps {
  peers: PeerService;
  provenance: ProvenanceRepository;
}

/** Records `accepted` as delivered by the peers its writer's organisation stands for, if any. */
export async function recordPushed(deps: PushProvenanceDeps, accepted: Accepted, at = Date.now()): Promise<void> {
  const { actor } = accepted;
  if (actor.kind !== 'user' || actor.userId.startsWith('peer:') || !actor.organisationId) return;
  const peers = await deps.peers.idsStandingFor(SYSTEM, actor.organisationId);
  if (peers.length === 0) return;
  const arrivals = accepted.versions.map((v) => ({ stixId: v.id, version: v.version }));
  for (const peer of peers) await deps.provenance.recordArrivals(accepted.collectionId, peer, '', at, arrivals);
}
