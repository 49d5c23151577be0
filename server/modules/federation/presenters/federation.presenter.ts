/**
 * REST JSON of the federation: peers (never their credentials, only how they authenticate), links with their
 * cursors and status, what was removed, the quarantine; and the JSON Schemas of those answers.
 */
import { listOf, objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { formatMicros } from '../../../../shared/stix/timestamp.ts';
import type { Link } from '../services/link.service.ts';
import type { Peer } from '../services/peer.service.ts';
import type { QuarantinedObject } from '../services/sync.service.ts';
import type { HeldVersion } from '../services/personal-data-holds.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** A local `date_added` cursor (µs), null before anything was passed on. */
const cursorAt = (micros: number) => (micros === 0 ? null : formatMicros(micros));

export function presentPeer(peer: Peer) {
  return { id: peer.id, name: peer.name, api_root_url: peer.apiRootUrl, auth: peer.auth, organisation: peer.organisationId, created_at: iso(peer.createdAt) };
}

export function presentLink(link: Link) {
  return {
    id: link.id,
    peer: link.peerId,
    remote_collection: link.remoteCollection,
    local_api_root: link.localApiRoot,
    local_collection: link.localCollection,
    direction: link.direction,
    mode: link.mode,
    propagate_deletions: link.propagateDeletions,
    community: link.communityId,
    cursors: { pull: link.cursors.pull, push: cursorAt(link.cursors.push), deletions: cursorAt(link.cursors.deletions) },
    status: {
      last_success_at: iso(link.status.lastSuccessAt),
      last_attempt_at: iso(link.status.lastAttemptAt),
      failures: link.status.failures,
      last_error: link.status.lastError,
    },
    created_at: iso(link.createdAt),
  };
}

export function presentRemovedPeer(removed: { peer: Peer; links: string[] }) {
  return { peer: presentPeer(removed.peer), links: removed.links };
}

export function presentQuarantined(q: QuarantinedObject) {
  return { id: q.id, peer: q.peerId, link: q.linkId, received_at: iso(q.receivedAt), object_id: q.objectId, reasons: q.reasons, object: q.object, truncated: q.truncated };
}

export function presentHeld(h: HeldVersion) {
  return {
    link: h.linkId,
    object_id: h.objectId,
    version: h.version,
    kinds: h.kinds,
    held_at: iso(h.heldAt),
    confirmed_at: iso(h.confirmedAt),
    confirmed_by: h.confirmedBy,
    pushed_at: iso(h.pushedAt),
  };
}

const text = (description: string): JsonSchema => ({ type: 'string', description });
const nullableText = (description: string): JsonSchema => ({ type: ['string', 'null'], description });
const when = (description: string): JsonSchema => ({ type: ['string', 'null'], format: 'date-time', description });

export const FEDERATION_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Peer: objectSchema({
    id: text('peer id'),
    name: text('its name, unique regardless of case'),
    api_root_url: text('the peer’s TAXII API root URL'),
    auth: { type: 'string', enum: ['basic', 'bearer', 'none'], description: 'how this hub authenticates there (the credentials are never shown)' },
    organisation: text('the local organisation the peer hub stands for'),
    created_at: { type: 'string', format: 'date-time' },
  }),
  PeerList: objectSchema({ peers: listOf('Peer') }),
  RemovedPeer: objectSchema({ peer: ref('Peer'), links: { type: 'array', items: { type: 'string' }, description: 'the ids of the links removed with it' } }),
  Link: objectSchema({
    id: text('link id'),
    peer: text('peer id'),
    remote_collection: text('the collection’s id on the peer'),
    local_api_root: text('the local API root'),
    local_collection: text('the local collection id'),
    direction: { type: 'string', enum: ['pull', 'push', 'both'] },
    mode: { type: 'string', enum: ['scheduled', 'continuous'] },
    propagate_deletions: { type: 'boolean' },
    community: nullableText('the community the link belongs to'),
    cursors: objectSchema({
      pull: nullableText('the peer’s last date_added stored here, as it sent it (or next:<token>)'),
      push: when('the local date_added of the last version the peer acknowledged'),
      deletions: when('the local date_added of the last deletion passed on'),
    }),
    status: objectSchema({
      last_success_at: when('the end of the last run that succeeded'),
      last_attempt_at: when('the end of the last run'),
      failures: { type: 'integer', minimum: 0, description: 'consecutive failed runs' },
      last_error: { oneOf: [{ type: 'null' }, objectSchema({ code: text('error code'), message: text('what went wrong, in English') })] },
    }),
    created_at: { type: 'string', format: 'date-time' },
  }),
  LinkList: objectSchema({ links: listOf('Link') }),
  RemovedLink: objectSchema({ link: ref('Link') }),
  QuarantinedObject: objectSchema({
    id: text('quarantine entry id'),
    peer: text('peer id'),
    link: text('link id'),
    received_at: { type: 'string', format: 'date-time' },
    object_id: nullableText('the STIX id, when it had one'),
    reasons: { type: 'array', items: { type: 'string' }, description: 'the validator’s rule codes' },
    object: text('the JSON as received, at most 64 KiB'),
    truncated: { type: 'boolean' },
  }),
  Quarantine: objectSchema({ quarantined: listOf('QuarantinedObject') }),
  PersonalDataHold: objectSchema({
    link: text('link id'),
    object_id: text('STIX id'),
    version: text('the version key'),
    kinds: { type: 'array', items: { type: 'string', enum: ['email', 'phone', 'iban', 'payment-card', 'national-id'] }, description: 'what was found (never the values)' },
    held_at: { type: 'string', format: 'date-time' },
    confirmed_at: when('when an administrator confirmed it may be sent'),
    confirmed_by: nullableText('who confirmed it (user:<id>)'),
    pushed_at: when('when it was sent after the confirmation'),
  }),
  PersonalDataHolds: objectSchema({ held: listOf('PersonalDataHold') }),
};
