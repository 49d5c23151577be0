/**
 * Likely duplicates, for the moderators. A pair is flagged when a record is proposed, given a new revision
 * before publication, or published, and it shares a duplicate key with another live record (the same type and
 * country and the same normalised title in any language, or the same normalised source URL:
 * `shared/gateway/record-index.ts`). A moderator dismisses the flag (the pair is never flagged again) or merges
 * the pair: one record is folded into the other — into the published one, or, both being published, into the
 * one published first. The record merged leaves the search, its pending revisions are superseded, and reading
 * it says which record it was merged into. Nothing of its content is copied: what it had to add is proposed as
 * a correction of the record kept. A pair of which neither record is published yet cannot be merged: accept or
 * reject one of them first.
 */
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import type { DuplicateRepository, FlagRecord, FlagState } from '../repositories/duplicate.repository.ts';
import type { RecordRepository, RecordSummary, StoredRecord } from '../repositories/record.repository.ts';
import { authorOf, mayModerate } from './gateway-access.ts';
import { recordChanged } from './record.service.ts';
import type { GatewayDirectory, People } from './record-view.ts';

export type { FlagRecord, FlagState };

export const FLAG_STATES: readonly FlagState[] = ['open', 'dismissed', 'merged'];

export interface DuplicatePair {
  flag: FlagRecord;
  /** The record whose proposal (or publication) raised the flag. */
  record: RecordSummary;
  /** The record it resembles. */
  other: RecordSummary;
}

const LIVE = ['pending', 'published'];

export class DuplicateService {
  private readonly duplicates: DuplicateRepository;
  private readonly records: RecordRepository;
  private readonly directory: GatewayDirectory;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(duplicates: DuplicateRepository, records: RecordRepository, directory: GatewayDirectory, audit: AuditLog, now: () => number = Date.now) {
    this.duplicates = duplicates;
    this.records = records;
    this.directory = directory;
    this.audit = audit;
    this.now = now;
  }

  /**
   * Flagged pairs in a state (`open` by default: those still to decide), oldest first.
   * @throws DomainError `forbidden` `gateway.moderate_forbidden`; `invalid` `gateway.invalid_filter`.
   */
  async list(actor: Actor, page: { state?: string | undefined; limit?: number | undefined; offset?: number | undefined } = {}): Promise<{ items: DuplicatePair[]; total: number; people: People }> {
    this.requireModerator(actor);
    const state = (page.state ?? 'open') as FlagState;
    if (!FLAG_STATES.includes(state)) throw invalid('gateway.invalid_filter', `"${page.state}" is not a value of the state filter: open, dismissed or merged`, { field: 'state', value: page.state!, expected: FLAG_STATES.join(', ') });
    const { flags, total } = await this.duplicates.list(state, Math.min(page.limit ?? 50, 200), page.offset ?? 0);
    const summaries = await this.records.summaries(flags.flatMap((f) => [f.recordId, f.otherId]));
    const items = flags.map((flag) => ({ flag, record: summaries.get(flag.recordId)!, other: summaries.get(flag.otherId)! }));
    const people = await this.directory.names(items.flatMap(({ flag, record, other }) => [record.proposedBy, other.proposedBy, ...(flag.decidedBy ? [flag.decidedBy] : [])]));
    return { items, total, people };
  }

  /**
   * Dismisses an open flag: the two records are not duplicates.
   * @throws DomainError `forbidden` `gateway.moderate_forbidden`; `not_found` `gateway.duplicate_not_found`;
   *   `conflict` `gateway.duplicate_decided`.
   */
  async dismiss(actor: Actor, id: string): Promise<DuplicatePair> {
    const pair = await this.open(actor, id);
    const at = this.now();
    const audited = this.audit.within(actor, { action: 'gateway.duplicate_dismiss', target: id, details: { record: pair.record.id, other: pair.other.id } });
    if (!(await this.duplicates.dismiss(id, authorOf(actor), at, audited))) throw decided(id, (await this.duplicates.find(id))?.state ?? 'decided');
    return { ...pair, flag: { ...pair.flag, state: 'dismissed', decidedBy: authorOf(actor), decidedAt: at } };
  }

  /**
   * Merges an open flag's pair (see the module's note). Answers the pair as it is now: `merged` into `into`.
   * @throws DomainError `forbidden` `gateway.moderate_forbidden`; `not_found` `gateway.duplicate_not_found`;
   *   `conflict` `gateway.duplicate_decided`, `gateway.record_closed`, `gateway.merge_unpublished`,
   *   `gateway.record_changed`.
   */
  async merge(actor: Actor, id: string): Promise<{ flag: FlagRecord; merged: RecordSummary; into: RecordSummary }> {
    const pair = await this.open(actor, id);
    const [record, other] = await Promise.all([this.records.find(pair.flag.recordId), this.records.find(pair.flag.otherId)]);
    const flag = pair.flag;
    for (const r of [record!, other!]) {
      if (!LIVE.includes(r.status)) throw conflict('gateway.record_closed', `record ${r.id} is ${r.status}: there is nothing to merge`, { id: r.id, status: r.status });
    }
    const published = [record!, other!].filter((r) => r.status === 'published').sort((a, b) => a.doc! - b.doc!);
    if (published.length === 0) throw conflict('gateway.merge_unpublished', 'neither record is published yet: accept or reject one of them first', { record: pair.record.id, other: pair.other.id });
    const into: StoredRecord = published[0]!;
    const merged: StoredRecord = into === record ? other! : record!;
    const at = this.now();
    const audited = this.audit.within(actor, { action: 'gateway.duplicate_merge', target: merged.id, details: { into: into.id, flag: id } });
    if (!(await this.duplicates.merge(id, merged, into, authorOf(actor), at, audited))) throw recordChanged(merged.id);
    const now = await this.records.summaries([merged.id, into.id]);
    return { flag: { ...flag, state: 'merged', decidedBy: authorOf(actor), decidedAt: at }, merged: now.get(merged.id)!, into: now.get(into.id)! };
  }

  private requireModerator(actor: Actor): void {
    if (!mayModerate(actor)) throw forbidden('gateway.moderate_forbidden', 'only Gateway moderators moderate records');
  }

  private async open(actor: Actor, id: string): Promise<DuplicatePair> {
    this.requireModerator(actor);
    const flag = await this.duplicates.find(id);
    if (!flag) throw notFound('gateway.duplicate_not_found', `there is no duplicate flag ${id}`, { id });
    if (flag.state !== 'open') throw decided(id, flag.state);
    const summaries = await this.records.summaries([flag.recordId, flag.otherId]);
    return { flag, record: summaries.get(flag.recordId)!, other: summaries.get(flag.otherId)! };
  }
}

const decided = (id: string, state: string) => conflict('gateway.duplicate_decided', `the duplicate flag ${id} is ${state} already`, { id, state });
