/**
 * Pushing one link: the local collection's versions added after the push cursor, read through the exchange's
 * scoped read AS THE PEER'S ORGANISATION would see them (`ObjectService.changesSince`), then filtered by the
 * forwarding rule (forwarding.ts) and the provenance (nothing goes back to the peer that delivered it), sent
 * in envelopes within the peer's limit, and the cursor moved once the peer has answered for the page. Then,
 * when the link propagates deletions, the collection's deletions after the deletion cursor, by the same rule.
 * A version the rule lets go whose free text seems to hold personal data (shared/privacy) is held back and
 * recorded (`federation_personal_data_holds`) until an administrator confirms it (personal-data-holds.ts);
 * confirmed versions are read again by their `date_added` and sent at the start of the next push, with
 * `X-Thiqa-Personal-Data: confirm` so that a Thiqa peer stores them.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import type { LinkRepository, LinkRow } from '../repositories/link.repository.ts';
import type { ProvenanceRepository } from '../repositories/provenance.repository.ts';
import type { PersonalDataHoldRepository } from '../repositories/personal-data-hold.repository.ts';
import { scanObject } from '../../../../shared/privacy/object-scan.ts';
import { TaxiiRemoteError, type RemoteCollectionClient } from '../taxii-client/taxii-remote.ts';
import { forwardingDecision, type ForwardingTarget, type HoldReason } from './forwarding.ts';

export interface PushReport {
  pages: number;
  read: number;
  sent: number;
  /** Refused by the peer (its status failures). */
  refused: number;
  held: Partial<Record<HoldReason | 'personal-data', number>>;
  deletions: number;
}

export interface PushDeps {
  objects: ObjectService;
  links: LinkRepository;
  provenance: ProvenanceRepository;
  holds: PersonalDataHoldRepository;
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
  await pushConfirmed(deps, link, peerActor, target, client, pageSize, report);
  let after = link.push_cursor;
  for (;;) {
    const rows = await deps.objects.changesSince(peerActor, link.local_api_root, link.local_collection, after, pageSize);
    if (rows.length === 0) break;
    report.pages++;
    report.read += rows.length;
    const delivered = await deps.provenance.deliverers(link.local_collection, rows.map((r) => ({ stixId: r.id, version: r.version })));
    const outgoing: unknown[] = [];
    const holds: Parameters<PersonalDataHoldRepository['hold']>[0][number][] = [];
    for (const row of rows) {
      const object = JSON.parse(decoder.decode(row.body!)) as Record<string, unknown>;
      const decision = forwardingDecision(
        { tlp: row.tlp ?? 4, originOrg: row.originOrg ?? null, recipientOrgs: await recipientOrgs(deps, object), deliveredBy: delivered.get(`${row.id}\u0000${row.version}`) ?? [] },
        target,
      );
      if (!decision.forward) report.held[decision.reason] = (report.held[decision.reason] ?? 0) + 1;
      else if (await mayLeave(deps, link.id, row.id, row.version, object)) outgoing.push(object);
      else {
        const kinds = [...new Set(scanObject(object).map((f) => f.kind))].join(',');
        holds.push({ link_id: link.id, stix_id: row.id, version: row.version, date_added: row.dateAdded, kinds, held_at: Date.now() });
        report.held['personal-data'] = (report.held['personal-data'] ?? 0) + 1;
      }
    }
    await deps.holds.hold(holds);
    // Not aborted by `signal`: a stop waits for the peer to answer for the page, so its cursor is saved.
    // Whatever holds personal data among them was confirmed (`mayLeave`): a Thiqa peer is told so.
    const statuses = await client.push(outgoing, undefined, { personalData: 'confirm' });
    report.sent += outgoing.length;
    report.refused += statuses.reduce((n, s) => n + s.failureCount, 0);
    after = rows[rows.length - 1]!.dateAdded;
    await deps.links.setPushCursor(link.id, after);
    if (rows.length < pageSize || signal?.aborted) break;
  }
  if (link.propagate_deletions === 1 && !signal?.aborted) report.deletions = await pushDeletions(deps, link, peerActor, target, client, pageSize, signal);
  return report;
}

/** Whether a version may leave as far as personal data goes: none found, or its hold was confirmed. */
async function mayLeave(deps: PushDeps, linkId: string, stixId: string, version: string, object: Record<string, unknown>): Promise<boolean> {
  if (scanObject(object).length === 0) return true;
  return ((await deps.holds.find(linkId, stixId, version))?.confirmed_at ?? null) !== null;
}

/**
 * Sends the held versions an administrator confirmed since the last push: each read again as the peer's
 * organisation sees it now (by its `date_added`) and decided by the forwarding rule again, since its
 * sharing may have changed meanwhile. Each is marked pushed once the peer answered (or once it is no longer
 * there to send).
 */
async function pushConfirmed(deps: PushDeps, link: LinkRow, peerActor: Actor, target: ForwardingTarget, client: RemoteCollectionClient, pageSize: number, report: PushReport): Promise<void> {
  for (;;) {
    const confirmed = await deps.holds.confirmedUnpushed(link.id, pageSize);
    if (confirmed.length === 0) return;
    const outgoing: unknown[] = [];
    for (const hold of confirmed) {
      const [row] = await deps.objects.changesSince(peerActor, link.local_api_root, link.local_collection, hold.date_added - 1, 1);
      if (!row || row.id !== hold.stix_id || row.version !== hold.version) continue;
      const object = JSON.parse(decoder.decode(row.body!)) as Record<string, unknown>;
      const delivered = await deps.provenance.deliverers(link.local_collection, [{ stixId: row.id, version: row.version }]);
      const facts = { tlp: row.tlp ?? 4, originOrg: row.originOrg ?? null, recipientOrgs: await recipientOrgs(deps, object), deliveredBy: delivered.get(`${row.id}\u0000${row.version}`) ?? [] };
      if (forwardingDecision(facts, target).forward) outgoing.push(object);
    }
    const statuses = await client.push(outgoing, undefined, { personalData: 'confirm' });
    report.sent += outgoing.length;
    report.refused += statuses.reduce((n, s) => n + s.failureCount, 0);
    await deps.holds.markPushed(link.id, confirmed.map((h) => ({ stixId: h.stix_id, version: h.version })), Date.now());
    if (confirmed.length < pageSize) return;
  }
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
