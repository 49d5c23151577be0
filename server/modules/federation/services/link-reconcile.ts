/**
 * Deletions on a peer, for a pull link that propagates them. TAXII has no feed of deletions, so the peer's
 * manifest (every version it still holds for us) is compared with what this link brought from it (the
 * provenance): a version the peer delivered here, that it no longer lists, that no other peer delivered and
 * that was not posted here first (its origin is the peer's organisation) is deleted through the exchange's
 * deletion path as the peer, so a tombstone is left for the links that pass deletions on. Fail safe: the
 * whole manifest is read before anything is deleted; a page that fails, or a listing that does not end
 * properly, deletes nothing.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { SYSTEM } from '../../../core/auth/actor.ts';
import { DomainError } from '../../../core/errors.ts';
import { timestampKey } from '../../../../shared/stix/timestamp.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import type { LinkRow } from '../repositories/link.repository.ts';
import type { ArrivalRow, ProvenanceRepository } from '../repositories/provenance.repository.ts';
import type { RemoteCollectionClient } from '../taxii-client/taxii-remote.ts';

export interface ReconcileDeps {
  objects: ObjectService;
  provenance: ProvenanceRepository;
}

/** The peer seen as the local actor it is here, and the organisation it stands for. */
export interface ReconcilePeer {
  id: string;
  organisationId: string;
  actor: Actor;
}

/** Versions of one object read at once (an object with more is deleted version by version). */
const HELD_VERSIONS_MAX = 1_000;

/** One key per version, whatever precision the two sides wrote its timestamp with. */
const versionKey = (id: string, version: string) => `${id}\u0000${timestampKey(version) ?? version}`;

/** Every version the peer lists in its collection, read to the end before anything is decided. */
async function remoteVersions(client: RemoteCollectionClient, pageSize: number, signal?: AbortSignal): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const page of client.manifestPages({ limit: pageSize, matchVersion: 'all' }, signal)) {
    for (const record of page.records) keys.add(versionKey(record.id, record.version));
  }
  return keys;
}

/** Of what the peer delivered and no longer has, what no other peer delivered, grouped by object: id → versions. */
function goneByObject(missing: readonly ArrivalRow[], deliverers: ReadonlyMap<string, string[]>, peerId: string): Map<string, string[]> {
  const gone = new Map<string, string[]>();
  for (const { stixId, version } of missing) {
    if ((deliverers.get(`${stixId}\u0000${version}`) ?? []).some((peer) => peer !== peerId)) continue;
    gone.set(stixId, [...(gone.get(stixId) ?? []), version]);
  }
  return gone;
}

/**
 * Deletes here what the peer no longer holds of what this link brought from it; answers how many versions
 * were deleted. Throws what reading the manifest threw (nothing deleted then).
 */
export async function reconcileLink(deps: ReconcileDeps, link: LinkRow, peer: ReconcilePeer, client: RemoteCollectionClient, pageSize: number, signal?: AbortSignal): Promise<number> {
  const delivered = await deps.provenance.deliveredBy(link.local_collection, peer.id, link.id);
  if (delivered.length === 0) return 0;
  const remote = await remoteVersions(client, pageSize, signal);
  if (signal?.aborted) return 0;
  const missing = delivered.filter(({ stixId, version }) => !remote.has(versionKey(stixId, version)));
  if (missing.length === 0) return 0;
  const gone = goneByObject(missing, await deps.provenance.deliverers(link.local_collection, missing), peer.id);
  let deleted = 0;
  for (const [id, versions] of gone) {
    if (signal?.aborted) break;
    deleted += await deleteVersions(deps, link, peer, id, versions);
  }
  return deleted;
}

/** Deletes the versions of one object still held here that arrived first from the peer. */
async function deleteVersions(deps: ReconcileDeps, link: LinkRow, peer: ReconcilePeer, id: string, versions: readonly string[]): Promise<number> {
  const held = await deps.objects.list(SYSTEM, link.local_api_root, link.local_collection, { ids: [id], versions: ['all'], limit: HELD_VERSIONS_MAX });
  const wanted = new Set(versions.map((v) => versionKey(id, v)));
  // Posted here (or by another organisation) before the peer sent it: it is not the peer's to take back.
  const theirs = held.rows.filter((row) => wanted.has(versionKey(id, row.version)) && row.originOrg === peer.organisationId).map((row) => row.version);
  if (theirs.length === 0) return 0;
  const all = !held.more && theirs.length === held.rows.length;
  const deleted = await deps.objects.delete(peer.actor, link.local_api_root, link.local_collection, id, all ? {} : { versions: theirs }).catch(notFoundAsNone);
  return deleted ?? 0;
}

function notFoundAsNone(error: unknown): undefined {
  // Gone meanwhile (deleted here, or by another run): nothing to delete.
  if (error instanceof DomainError && error.code === 'object.not_found') return undefined;
  throw error;
}
