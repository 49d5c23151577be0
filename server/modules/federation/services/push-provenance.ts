/**
 * Provenance of what peers push: when a user of an organisation that a configured peer hub stands for writes
 * objects into a local collection (the peer's own push, over TAXII), each accepted version is recorded as
 * delivered by that peer, as a pull would record it. So the same object pushed by two hubs keeps both
 * deliveries, and the forwarding rule never sends a version back to the peer that pushed it. The link is the
 * one tying that peer to the collection when there is one, else none (`link_id` empty). What the sync's own
 * pulls store (actors `peer:<id>`) is recorded by the pull itself, with its link.
 */
import { SYSTEM } from '../../../core/auth/actor.ts';
import type { Accepted } from '../../exchange/services/object.service.ts';
import type { LinkRepository } from '../repositories/link.repository.ts';
import type { ProvenanceRepository } from '../repositories/provenance.repository.ts';
import type { PeerService } from './peer.service.ts';

export interface PushProvenanceDeps {
  peers: PeerService;
  links: LinkRepository;
  provenance: ProvenanceRepository;
}

/** Records `accepted` as delivered by the peers its writer's organisation stands for, if any. */
export async function recordPushed(deps: PushProvenanceDeps, accepted: Accepted, at = Date.now()): Promise<void> {
  const { actor } = accepted;
  if (actor.kind !== 'user' || actor.userId.startsWith('peer:') || !actor.organisationId) return;
  const peers = (await deps.peers.list(SYSTEM)).filter((p) => p.organisationId === actor.organisationId);
  if (peers.length === 0) return;
  const links = await deps.links.list();
  const arrivals = accepted.versions.map((v) => ({ stixId: v.id, version: v.version }));
  for (const peer of peers) {
    const link = links.find((l) => l.peer_id === peer.id && l.local_collection === accepted.collectionId);
    await deps.provenance.recordArrivals(accepted.collectionId, peer.id, link?.id ?? '', at, arrivals);
  }
}
