/** Audit entries and the result of verifying the chain, as the REST API answers them. */
import type { AuditEntry } from '../../audit/audit-chain.ts';
import type { VerifyResult } from '../../audit/audit.service.ts';
import { isoTime } from './organisation.presenter.ts';

/** An entry, its details as JSON (they are stored as canonical JSON text). */
export function presentAuditEntry(entry: AuditEntry) {
  return {
    seq: entry.seq,
    at: isoTime(entry.at),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    details: JSON.parse(entry.details) as unknown,
    organisation_id: entry.organisationId,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

/** A page of entries; `next_after` is the `after` of the next page, null when this page was not full. */
export function presentAuditPage(entries: readonly AuditEntry[], limit: number) {
  const last = entries[entries.length - 1];
  return { entries: entries.map(presentAuditEntry), next_after: entries.length === limit && last ? last.seq : null };
}

/** The result of walking the chain: intact or not, the head, the first problem found. */
export function presentVerification(result: VerifyResult) {
  return { ok: result.ok, entries: result.entries, head: { seq: result.head.seq, hash: result.head.hash }, problems: result.problems.map((p) => ({ ...p })) };
}
