/**
 * Moderation of the Gateway: the queue of pending revisions, and a moderator's decision on one.
 * - `accept` publishes the revision: a new record is published (numbered in publication order, indexed for
 *   search), a correction replaces the published body and the index is rebuilt — in one transaction with the
 *   audit entry. A correction made from an older published revision than the current one is refused
 *   (`gateway.revision_outdated`): accepting it would undo the corrections accepted since, so the moderator
 *   asks for changes instead and its proposer redoes it on the current record.
 * - `reject` closes the revision; a new record whose proposal is rejected is rejected whole.
 * - `request_changes`, with a comment (required), sends the revision back: its proposer submits a new one.
 * Moderators never decide on a revision they proposed (the operator excepted).
 */
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import type { FlagRecord } from '../repositories/duplicate.repository.ts';
import type { Decision, QueuedRevision, RecordRepository } from '../repositories/record.repository.ts';
import { authorOf, mayDecide, mayModerate } from './gateway-access.ts';
import { recordChanged, recordNotFound } from './record.service.ts';
import { checkComment, type GatewayDirectory, type People, type RecordDetail, type RecordViews } from './record-view.ts';

export type { QueuedRevision };

export const MODERATION_ACTIONS = ['accept', 'reject', 'request_changes'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
const STATE_AFTER: Record<ModerationAction, Decision['state']> = { accept: 'accepted', reject: 'rejected', request_changes: 'changes_requested' };

export const QUEUE_MAX = 200;

const moderateForbidden = () => forbidden('gateway.moderate_forbidden', 'only Gateway moderators moderate records');

export class ModerationService {
  private readonly records: RecordRepository;
  private readonly views: RecordViews;
  private readonly directory: GatewayDirectory;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(records: RecordRepository, views: RecordViews, directory: GatewayDirectory, audit: AuditLog, now: () => number = Date.now) {
    this.records = records;
    this.views = views;
    this.directory = directory;
    this.audit = audit;
    this.now = now;
  }

  /**
   * Pending revisions, oldest first, a page at a time.
   * @throws DomainError `forbidden` `gateway.moderate_forbidden`.
   */
  async queue(actor: Actor, page: { limit?: number | undefined; offset?: number | undefined } = {}): Promise<{ items: QueuedRevision[]; total: number; people: People }> {
    if (!mayModerate(actor)) throw moderateForbidden();
    const { items, total } = await this.records.queue(Math.min(page.limit ?? 50, QUEUE_MAX), page.offset ?? 0);
    return { items, total, people: await this.directory.names(items.map((item) => item.revision.proposedBy)) };
  }

  /**
   * Decides on a pending revision (see the module's note).
   * @throws DomainError `forbidden` `gateway.moderate_forbidden`, `gateway.own_revision`; `not_found`
   *   `gateway.record_not_found`, `gateway.revision_not_found`; `invalid` `gateway.invalid_action`,
   *   `gateway.comment_required`, `gateway.comment_too_long`; `conflict` `gateway.revision_not_pending`,
   *   `gateway.revision_outdated`, `gateway.record_changed`.
   */
  async moderate(actor: Actor, id: string, number: number, input: { action: string; comment?: string | undefined }): Promise<RecordDetail & { decision: Decision }> {
    if (!mayModerate(actor)) throw moderateForbidden();
    const action = input.action as ModerationAction;
    if (!MODERATION_ACTIONS.includes(action)) {
      throw invalid('gateway.invalid_action', `"${input.action}" is not a moderation action; the actions are ${MODERATION_ACTIONS.join(', ')}`, { field: 'action', action: input.action, actions: MODERATION_ACTIONS.join(', ') });
    }
    const comment = checkComment(input.comment, 'comment');
    if (action === 'request_changes' && comment === null) throw invalid('gateway.comment_required', 'asking for changes needs a comment saying which', { field: 'comment' });
    const record = await this.records.find(id);
    if (!record) throw recordNotFound(id);
    const revisions = await this.records.revisions(id);
    const revision = revisions.find((r) => r.revision === number);
    if (!revision) throw notFound('gateway.revision_not_found', `record ${id} has no revision ${number}`, { id, revision: number });
    if (revision.state !== 'pending') throw conflict('gateway.revision_not_pending', `revision ${number} of record ${id} is ${revision.state}, not pending`, { id, revision: number, state: revision.state });
    if (!mayDecide(actor, revision)) throw forbidden('gateway.own_revision', 'moderators do not decide on a revision they proposed', { id, revision: number });
    if (action === 'accept' && revision.kind === 'correction' && revision.basedOn !== record.revision) {
      throw conflict('gateway.revision_outdated', `revision ${number} corrects revision ${revision.basedOn}, but revision ${record.revision} is published now: ask for the correction to be redone`, {
        id,
        revision: number,
        based_on: revision.basedOn,
        published: record.revision,
      });
    }
    const decision: Decision = {
      revision: number,
      state: STATE_AFTER[action],
      by: authorOf(actor),
      at: this.now(),
      comment,
      effect: action === 'accept' ? 'publish' : action === 'reject' && revision.kind === 'new' ? 'reject' : 'none',
    };
    const audited = this.audit.within<FlagRecord[]>(actor, (flags) => ({ action: 'gateway.moderate', target: id, details: { revision: number, kind: revision.kind, decision: action, duplicates: flags.length } }));
    const written = await this.records.decide(record, revision, decision, audited);
    if (!written.written) throw recordChanged(id);
    const after = revisions.map((r) => (r.revision === number ? { ...r, state: decision.state, moderatedBy: decision.by, moderatedAt: decision.at, comment } : r));
    return { ...(await this.views.detail(actor, written.record, after)), decision };
  }
}
