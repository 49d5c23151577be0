/**
 * Pushing one link: the local collection's versions added after the push cursor, read through the exchange's
 * scoped read AS THE PEER'S ORGANISATION would see them (`ObjectService.changesSince`), then filtered by the
 * forwarding rule (forwarding.ts) and the provenance (nothing goes back to the peer that delivered it), sent
 * in envelopes within the peer's limit, and the cursor moved once the peer has answered for the page. Then,
 * when the link propagates deletions, the collection's deletions after the deletion cursor, by the same rule.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import type { LinkRepository, LinkRow } from '../repositories/link.repository.ts';
import type { ProvenanceRepository } from '../repositories/provenance.repository.ts';
import { TaxiiRemoteError, type RemoteCollectionClient } from '../taxii-client/taxii-remote.ts';
import { forwardingDecision, type ForwardingTarget, type HoldReason } from './forwarding.ts';

export interface PushReport {
  pages: number;
  read: number;
  sent: number;
  /** Refused by the peer (its status failures). */
  refused: number;
  held: Partial<Record<HoldReason, number>>;
  deletions: number;
}

export interface PushDeps {
  objects: ObjectService;
  links: LinkRepository;
  provenance: ProvenanceRepository;
  /** Local organisation id of an identity id, for the recipients an object names. */
  organisationOfIdentity(identityId: string): Promise<string | undefined>;
}

const decoder = new TextDecoder();

async function recipientOrgs(deps: PushDeps, object: Record<string, unknown>): Promise<string[]> {
  const refs = object.x_thiqa_recipient_refs;
  if (!Array.isArray(refs)) return [];
  const orgs: string[] = [];
  for (const ref of refs) {
    const org = typeof ref === 'string' ? await deps.organisationOfIdentity(ref) : undefined;
    if (org) orgs.push(org);
  }
  return orgs;
}

/** Pushes `link` until nothing new is left, or `signal` asks to stop (after the page in hand is answered). */
export async function pushLink(deps: PushDeps, link: LinkRow, peerActor: Actor, target: ForwardingTarget, client: RemoteCollectionClient, pageSize: number, signal?: AbortSignal): Promise<PushReport> {
  const report: PushReport = { pages: 0, read: 0, sent: 0, refused: 0, held: {}, deletions: 0 };
  let after = link.push_cursor;
  for (;;) {
    const rows = await deps.objects.changesSince(peerActor, link.local_api_root, link.local_collection, after, pageSize);
    if (rows.length === 0) break;
    report.pages++;
    report.read += rows.length;
    const delivered = await deps.provenance.deliverers(link.local_collection, rows.map((r) => ({ stixId: r.id, version: r.version })));
    const outgoing: unknown[] = [];
    for (const row of rows) {
      const object = JSON.parse(decoder.decode(row.body!)) as Record<string, unknown>;
      const decision = forwardingDecision(
        { tlp: row.tlp ?? 4, originOrg: row.originOrg ?? null, recipientOrgs: await recipientOrgs(deps, object), deliveredBy: delivered.get(`${row.id}\u0000${row.version}`) ?? [] },
        target,
      );
      if (decision.forward) outgoing.push(object);
      else report.held[decision.reason] = (report.held[decision.reason] ?? 0) + 1;
    }
    // Not aborted by `signal`: a stop waits for the peer to answer for the page, so its cursor is saved.
    const statuses = await client.push(outgoing);
    report.sent += outgoing.length;
    report.refused += statuses.reduce((n, s) => n + s.failureCount, 0);
    after = rows[rows.length - 1]!.dateAdded;
    await deps.links.setPushCursor(link.id, after);
    if (rows.length < pageSize || signal?.aborted) break;
  }
  if (link.propagate_deletions === 1 && !signal?.aborted) report.deletions = await pushDeletions(deps, link, peerActor, target, client, pageSize, signal);
  return report;
}

async function pushDeletions(deps: PushDeps, link: LinkRow, peerActor: Actor, target: ForwardingTarget, client: RemoteCollectionClient, pageSize: number, signal?: AbortSignal): Promise<number> {
  let after = link.delete_cursor;
  let sent = 0;
  for (;;) {
    const deletions = await deps.objects.deletionsSince(peerActor, link.local_api_root, link.local_collection, after, pageSize);
    if (deletions.length === 0) break;
    for (const deletion of deletions) {
      // A deletion of what the peer was never sent would name an object it must not know of.
      const decision = forwardingDecision({ tlp: deletion.tlp, originOrg: deletion.originOrg, recipientOrgs: [], deliveredBy: [] }, target);
      if (!decision.forward) continue;
      const versions = deletion.versions === 'all' ? [undefined] : deletion.versions;
      for (const version of versions) {
        try {
          await client.deleteObject(deletion.id, version, signal);
          sent++;
        } catch (error) {
          // Already gone there (or never arrived): nothing to delete.
          if (!(error instanceof TaxiiRemoteError && error.kind === 'not_found')) throw error;
        }
      }
    }
    after = deletions[deletions.length - 1]!.at;
    await deps.links.setDeleteCursor(link.id, after);
    if (deletions.length < pageSize) break;
  }
  return sent;
}
