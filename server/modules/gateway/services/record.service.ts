/**
 * Gateway records and their history. Members of any organisation propose records (a new record, pending
 * until a moderator accepts it) and corrections of published records (a new pending revision); a proposer
 * asked for changes submits a new revision of its record. Every version is kept (`history`), every change is
 * audited in its own transaction, and likely duplicates are flagged as a record is proposed (see
 * `shared/gateway/record-index.ts`). Who sees what is `gateway-access.ts`'s.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import { canonicalJson } from '../../../../shared/stix/index.ts';
import type { FlagRecord } from '../repositories/duplicate.repository.ts';
import type { RecordRepository, StoredRecord, StoredRevision } from '../repositories/record.repository.ts';
import { authorOf, maySeeRecord, mayPropose, mayRevise, revisionAccess } from './gateway-access.ts';
import { checkComment, checkRecord, type GatewayDirectory, type People, type RecordDetail, type RecordViews } from './record-view.ts';

export type { RecordDetail, StoredRecord, StoredRevision };

/** A revision as the reader may see it: `whole` with proposer, note, moderator and comment, else without. */
export interface RevisionView {
  revision: StoredRevision;
  whole: boolean;
}

export interface RecordHistory {
  record: StoredRecord;
  revisions: RevisionView[];
  people: People;
}

export const recordNotFound = (id: string) => notFound('gateway.record_not_found', `there is no Gateway record ${id}`, { id });
export const recordChanged = (id: string) => conflict('gateway.record_changed', `record ${id} was changed by someone else meanwhile: read it again and retry`, { id });

export class RecordService {
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
   * Proposes a new record of `type`: stored pending, with its likely duplicates flagged.
   * @throws DomainError `forbidden` `gateway.propose_forbidden`; `invalid` `gateway.record_problems` (every
   *   problem in `problems`), `gateway.comment_too_long`.
   */
  async propose(actor: Actor, input: { type: string; record: unknown; note?: string | undefined }): Promise<RecordDetail> {
    if (!mayPropose(actor)) throw forbidden('gateway.propose_forbidden', 'only members of an organisation propose Gateway records');
    const body = checkRecord(input.type, input.record);
    const note = checkComment(input.note, 'note');
    const at = this.now();
    const author = authorOf(actor);
    const record: StoredRecord = {
      id: randomUUID(),
      type: input.type as StoredRecord['type'],
      status: 'pending',
      version: 1,
      revisions: 1,
      revision: null,
      body: null,
      doc: null,
      proposedBy: author,
      proposedAt: at,
      publishedAt: null,
      updatedAt: null,
      mergedInto: null,
    };
    const revision: StoredRevision = { recordId: record.id, revision: 1, kind: 'new', state: 'pending', body, basedOn: null, note, proposedBy: author, proposedAt: at, moderatedBy: null, moderatedAt: null, comment: null };
    const audited = this.audit.within<FlagRecord[]>(actor, (flags) => ({ action: 'gateway.propose', target: record.id, details: { type: record.type, revision: 1, duplicates: flags.length } }));
    await this.records.create(record, revision, audited);
    return this.views.detail(actor, record, [revision]);
  }

  /**
   * A new revision of a record: a correction of a published record (anyone who may propose), or its proposer's
   * new version of a record not yet published (after a moderator asked for changes). A pending revision of the
   * same proposer is superseded by it.
   * @throws DomainError `not_found` `gateway.record_not_found`; `forbidden` `gateway.propose_forbidden`,
   *   `gateway.revise_forbidden`; `conflict` `gateway.record_closed`, `gateway.record_changed`; `invalid`
   *   `gateway.record_problems`, `gateway.no_change`, `gateway.comment_too_long`.
   */
  async revise(actor: Actor, id: string, input: { record: unknown; note?: string | undefined }): Promise<RecordDetail & { revision: StoredRevision }> {
    const record = await this.records.find(id);
    if (!record || !maySeeRecord(actor, record)) throw recordNotFound(id);
    if (record.status !== 'pending' && record.status !== 'published') {
      throw conflict('gateway.record_closed', `record ${id} is ${record.status}: it takes no new revision`, { id, status: record.status });
    }
    if (!mayPropose(actor)) throw forbidden('gateway.propose_forbidden', 'only members of an organisation propose Gateway records');
    if (!mayRevise(actor, record)) throw forbidden('gateway.revise_forbidden', `record ${id} is not published yet: only its proposer submits new revisions of it`, { id });
    const body = checkRecord(record.type, input.record);
    const note = checkComment(input.note, 'note');
    const revisions = await this.records.revisions(id);
    const published = record.status === 'published';
    const unchanged = published ? record.body : revisions.at(-1)!.body;
    if (canonicalJson(unchanged) === canonicalJson(body)) throw invalid('gateway.no_change', `the revision is the same as revision ${published ? record.revision : revisions.at(-1)!.revision} of record ${id}`, { id, field: 'record' });
    const author = authorOf(actor);
    const revision: StoredRevision = {
      recordId: id,
      revision: record.revisions + 1,
      kind: published ? 'correction' : 'new',
      state: 'pending',
      body,
      basedOn: published ? record.revision : null,
      note,
      proposedBy: author,
      proposedAt: this.now(),
      moderatedBy: null,
      moderatedAt: null,
      comment: null,
    };
    const supersede = revisions.filter((r) => r.state === 'pending' && r.proposedBy === author).map((r) => r.revision);
    const audited = this.audit.within<FlagRecord[]>(actor, (flags) => ({
      action: 'gateway.revise',
      target: id,
      details: { revision: revision.revision, kind: revision.kind, superseded: supersede.length, duplicates: flags.length },
    }));
    const written = await this.records.addRevision(record, revision, supersede, audited);
    if (!written.written) throw recordChanged(id);
    const after = revisions.map((r) => (supersede.includes(r.revision) ? { ...r, state: 'superseded' as const } : r));
    return { ...(await this.views.detail(actor, written.record, [...after, revision])), revision };
  }

  /**
   * A record: published, for anyone; not yet published, for its proposer and the moderators.
   * @throws DomainError `not_found` `gateway.record_not_found`.
   */
  async get(actor: Actor, id: string): Promise<RecordDetail> {
    const record = await this.records.find(id);
    if (!record || !maySeeRecord(actor, record)) throw recordNotFound(id);
    return this.views.detail(actor, record);
  }

  /**
   * A record's revisions the reader may see, oldest first: the accepted ones for anyone; every one, whole, for
   * the moderators; the proposer of a revision sees it whole, and a record's proposer all of it until published.
   * @throws DomainError `not_found` `gateway.record_not_found`.
   */
  async history(actor: Actor, id: string): Promise<RecordHistory> {
    const record = await this.records.find(id);
    if (!record || !maySeeRecord(actor, record)) throw recordNotFound(id);
    const revisions = (await this.records.revisions(id)).flatMap((revision): RevisionView[] => {
      const access = revisionAccess(actor, record, revision);
      return access === 'none' ? [] : [{ revision, whole: access === 'whole' }];
    });
    const ids = revisions.filter((r) => r.whole).flatMap((r) => [r.revision.proposedBy, r.revision.moderatedBy ?? '']).filter((who) => who !== '');
    return { record, revisions, people: await this.directory.names(ids) };
  }
}
