/**
 * What the Gateway's services answer about a record, shaped for who is asking (see `gateway-access.ts`): the
 * body shown (the published one, or for a record not yet published its newest revision), the names of the
 * people it mentions, and for its proposer and the moderators its open duplicate flags.
 */
import { invalid } from '../../../core/errors.ts';
import { validateRecord } from '../../../../shared/gateway/record-validation.ts';
import type { GatewayRecord } from '../../../../shared/gateway/record-types.ts';
import type { DuplicateRepository, FlagRecord } from '../repositories/duplicate.repository.ts';
import type { RecordRepository, RecordSummary, RevisionState, StoredRecord, StoredRevision } from '../repositories/record.repository.ts';

export type { RecordSummary };
import type { Actor } from '../../../core/auth/actor.ts';
import { isInsider, isPublic, maySeeRecord } from './gateway-access.ts';

/** Names of the users a record mentions, by id (`system` for the operator). */
export type People = ReadonlyMap<string, string>;

/** Where the services find user names. */
export interface GatewayDirectory {
  names(ids: readonly string[]): Promise<People>;
}

/** A likely duplicate of a record, as its proposer and the moderators see it. */
export interface DuplicateOf {
  flag: FlagRecord;
  /** The other record of the pair, if the reader may see it. */
  other: RecordSummary | undefined;
}

export interface RecordDetail {
  record: StoredRecord;
  /** The revision shown: the published one, or for a record not yet published its newest. */
  shown: { revision: number; state: RevisionState; body: GatewayRecord };
  /** Whether the reader is the proposer or a moderator (who see the proposer and the duplicates). */
  insider: boolean;
  duplicates: DuplicateOf[];
  people: People;
}

const NOTE_MAX = 2_000;

/**
 * A proposer's note or a moderator's comment: trimmed, null when empty.
 * @throws DomainError `invalid` `gateway.comment_too_long`.
 */
export function checkComment(text: string | undefined, field: string): string | null {
  const trimmed = text?.normalize('NFC').trim() ?? '';
  if (trimmed.length > NOTE_MAX) throw invalid('gateway.comment_too_long', `the ${field} has ${trimmed.length} characters, more than ${NOTE_MAX}`, { field, max: NOTE_MAX });
  return trimmed === '' ? null : trimmed;
}

/**
 * The record `input` as valid for `type`.
 * @throws DomainError `invalid` `gateway.record_problems`, every problem in `problems`.
 */
export function checkRecord(type: string, input: unknown): GatewayRecord {
  const { record, problems } = validateRecord(type, input);
  if (record) return record;
  throw invalid(
    'gateway.record_problems',
    `the record has ${problems.length} problem(s), listed in problems; nothing was stored`,
    { count: problems.length, field: 'record' },
    problems.map((p) => ({ rule: p.rule, path: p.path, field: p.field ?? null, message: p.message })),
  );
}

/** Builds the answers of the record services. */
export class RecordViews {
  private readonly records: RecordRepository;
  private readonly duplicates: DuplicateRepository;
  private readonly directory: GatewayDirectory;

  constructor(records: RecordRepository, duplicates: DuplicateRepository, directory: GatewayDirectory) {
    this.records = records;
    this.duplicates = duplicates;
    this.directory = directory;
  }

  /** The record as `actor` may see it, given its revisions when already read. */
  async detail(actor: Actor, record: StoredRecord, revisions?: readonly StoredRevision[]): Promise<RecordDetail> {
    const insider = isInsider(actor, record);
    let shown: RecordDetail['shown'];
    if (isPublic(record)) shown = { revision: record.revision!, state: 'accepted', body: record.body! };
    else {
      const newest = (revisions ?? (await this.records.revisions(record.id))).at(-1)!;
      shown = { revision: newest.revision, state: newest.state, body: newest.body };
    }
    const duplicates: DuplicateOf[] = [];
    if (insider) {
      const flags = await this.duplicates.openFor(record.id);
      const otherOf = (flag: FlagRecord) => (flag.recordId === record.id ? flag.otherId : flag.recordId);
      const others = await this.records.summaries(flags.map(otherOf));
      for (const flag of flags) {
        const other = others.get(otherOf(flag));
        duplicates.push({ flag, other: other && maySeeRecord(actor, other) ? other : undefined });
      }
    }
    const people = insider ? await this.directory.names([record.proposedBy]) : new Map<string, string>();
    return { record, shown, insider, duplicates, people };
  }
}
