/**
 * Storage of a cycle edition's participants and answers: the only SQL on `assessment_participants`,
 * `assessment_answers` and `assessment_answer_history`. An answer is written only at the revision its writer
 * read (optimistic locking): a write at another revision changes nothing and answers the current one. Every
 * write of an answer adds its row to the history, in the same transaction.
 */
import type { Database, Queryable, TransactionHook } from '../../../core/db/database.ts';

export type Basis = 'self-assessment' | 'public-evidence';
export type AnswerStatus = 'draft' | 'submitted' | 'clarification' | 'accepted' | 'adjusted';
export type AnswerAction = 'save' | 'submit' | 'accept' | 'clarify' | 'adjust';

export interface ParticipantRecord {
  editionId: string;
  country: string;
  basis: Basis;
  /** The invited focal point's user id; null when the team assesses the country from public evidence. */
  focalPoint: string | null;
  /** 0 before the first submission, one more at each. */
  round: number;
  submittedAt: number | null;
  invitedAt: number;
}

export interface AnswerRecord {
  question: string;
  level: string;
  comment: string | null;
  status: AnswerStatus;
  /** 1 for the first write, one more at each; what a writer sends back to be sure nobody wrote in between. */
  revision: number;
  review: { action: AnswerAction; comment: string | null; by: string; at: number } | null;
  updatedBy: string;
  updatedAt: number;
}

export interface HistoryRecord {
  revision: number;
  action: AnswerAction;
  level: string;
  comment: string | null;
  status: AnswerStatus;
  actor: string;
  at: number;
}

interface ParticipantRow {
  edition_id: string;
  country: string;
  basis: Basis;
  focal_point: string | null;
  round: number | string;
  submitted_at: number | string | null;
  invited_at: number | string;
}

interface AnswerRow {
  country: string;
  question: string;
  level: string;
  comment: string | null;
  status: AnswerStatus;
  revision: number | string;
  review_action: AnswerAction | null;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: number | string | null;
  updated_by: string;
  updated_at: number | string;
}

const PARTICIPANT_COLUMNS = 'edition_id, country, basis, focal_point, round, submitted_at, invited_at';
const ANSWER_COLUMNS = 'country, question, level, comment, status, revision, review_action, review_comment, reviewed_by, reviewed_at, updated_by, updated_at';

const toParticipant = (row: ParticipantRow): ParticipantRecord => ({
  editionId: row.edition_id,
  country: row.country,
  basis: row.basis,
  focalPoint: row.focal_point,
  round: Number(row.round),
  submittedAt: row.submitted_at === null ? null : Number(row.submitted_at),
  invitedAt: Number(row.invited_at),
});

const toAnswer = (row: AnswerRow): AnswerRecord => ({
  question: row.question,
  level: row.level,
  comment: row.comment,
  status: row.status,
  revision: Number(row.revision),
  review: row.review_action === null ? null : { action: row.review_action, comment: row.review_comment, by: row.reviewed_by!, at: Number(row.reviewed_at) },
  updatedBy: row.updated_by,
  updatedAt: Number(row.updated_at),
});

/** Where an answer sits. */
export interface AnswerKey {
  editionId: string;
  country: string;
  question: string;
}

async function addHistory(tx: Queryable, key: AnswerKey, answer: AnswerRecord, action: AnswerAction): Promise<void> {
  await tx.run(
    `INSERT INTO assessment_answer_history (edition_id, country, question, revision, action, level, comment, status, actor, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [key.editionId, key.country, key.question, answer.revision, action, answer.level, action === 'save' || action === 'submit' ? answer.comment : (answer.review?.comment ?? null), answer.status, answer.updatedBy, answer.updatedAt],
  );
}

export class ParticipantRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Adds a participant; false, adding nothing, when the country takes part already. */
  async insert(participant: ParticipantRecord, within?: TransactionHook): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const added = await tx.run(`INSERT INTO assessment_participants (${PARTICIPANT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, [
        participant.editionId,
        participant.country,
        participant.basis,
        participant.focalPoint,
        participant.round,
        participant.submittedAt,
        participant.invitedAt,
      ]);
      if (added === 1) await within?.(tx, undefined);
      return added === 1;
    });
  }

  async find(editionId: string, country: string): Promise<ParticipantRecord | undefined> {
    const row = await this.db.get<ParticipantRow>(`SELECT ${PARTICIPANT_COLUMNS} FROM assessment_participants WHERE edition_id = ? AND country = ?`, [editionId, country]);
    return row && toParticipant(row);
  }

  /** An edition's participants, by country code. */
  async list(editionId: string): Promise<ParticipantRecord[]> {
    return (await this.db.all<ParticipantRow>(`SELECT ${PARTICIPANT_COLUMNS} FROM assessment_participants WHERE edition_id = ? ORDER BY country`, [editionId])).map(toParticipant);
  }

  /** Where a user is the invited focal point, in every edition. */
  async ofFocalPoint(userId: string): Promise<ParticipantRecord[]> {
    return (await this.db.all<ParticipantRow>(`SELECT ${PARTICIPANT_COLUMNS} FROM assessment_participants WHERE focal_point = ? ORDER BY invited_at`, [userId])).map(toParticipant);
  }

  /** Participants assessed from public evidence, in every edition (the team answers them). */
  async fromPublicEvidence(): Promise<ParticipantRecord[]> {
    return (await this.db.all<ParticipantRow>(`SELECT ${PARTICIPANT_COLUMNS} FROM assessment_participants WHERE basis = 'public-evidence' ORDER BY invited_at`)).map(toParticipant);
  }

  /** A participant's answers, by question id. */
  async answers(editionId: string, country: string): Promise<AnswerRecord[]> {
    const rows = await this.db.all<AnswerRow>(`SELECT ${ANSWER_COLUMNS} FROM assessment_answers WHERE edition_id = ? AND country = ? ORDER BY question`, [editionId, country]);
    return rows.map(toAnswer);
  }

  /** Every answer of an edition, by country. */
  async answersByCountry(editionId: string): Promise<Map<string, AnswerRecord[]>> {
    const byCountry = new Map<string, AnswerRecord[]>();
    for (const row of await this.db.all<AnswerRow>(`SELECT ${ANSWER_COLUMNS} FROM assessment_answers WHERE edition_id = ? ORDER BY country, question`, [editionId])) {
      const list = byCountry.get(row.country) ?? [];
      list.push(toAnswer(row));
      byCountry.set(row.country, list);
    }
    return byCountry;
  }

  async answer(key: AnswerKey): Promise<AnswerRecord | undefined> {
    const row = await this.db.get<AnswerRow>(`SELECT ${ANSWER_COLUMNS} FROM assessment_answers WHERE edition_id = ? AND country = ? AND question = ?`, [key.editionId, key.country, key.question]);
    return row && toAnswer(row);
  }

  /**
   * Writes `next` (whose revision is one more than the one read) only if the stored answer is still at
   * `next.revision - 1` (0: there is none), with its history row and `within`, in one transaction. Answers
   * the stored answer instead when somebody wrote in between (nothing written).
   */
  async write(key: AnswerKey, next: AnswerRecord, action: AnswerAction, within?: TransactionHook): Promise<{ written: true } | { written: false; current: AnswerRecord | undefined }> {
    return this.db.transaction(async (tx) => {
      const values = [next.level, next.comment, next.status, next.revision, next.review?.action ?? null, next.review?.comment ?? null, next.review?.by ?? null, next.review?.at ?? null, next.updatedBy, next.updatedAt];
      const changed =
        next.revision === 1
          ? await tx.run(
              `INSERT INTO assessment_answers (edition_id, country, question, level, comment, status, revision, review_action, review_comment, reviewed_by, reviewed_at, updated_by, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
              [key.editionId, key.country, key.question, ...values],
            )
          : await tx.run(
              `UPDATE assessment_answers SET level = ?, comment = ?, status = ?, revision = ?, review_action = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ?, updated_by = ?, updated_at = ?
               WHERE edition_id = ? AND country = ? AND question = ? AND revision = ?`,
              [...values, key.editionId, key.country, key.question, next.revision - 1],
            );
      if (changed !== 1) {
        const row = await tx.get<AnswerRow>(`SELECT ${ANSWER_COLUMNS} FROM assessment_answers WHERE edition_id = ? AND country = ? AND question = ?`, [key.editionId, key.country, key.question]);
        return { written: false, current: row && toAnswer(row) };
      }
      await addHistory(tx, key, next, action);
      await within?.(tx, undefined);
      return { written: true };
    });
  }

  /**
   * Submits a participant's draft answers: each becomes `submitted` at its next revision (with its history
   * row), the round goes up and `submitted_at` is set, with `within`, in one transaction. Answers how many
   * answers were submitted (0: nothing changed).
   */
  async submit(editionId: string, country: string, actor: string, at: number, within?: TransactionHook<number>): Promise<number> {
    return this.db.transaction(async (tx) => {
      const drafts = (await tx.all<AnswerRow>(`SELECT ${ANSWER_COLUMNS} FROM assessment_answers WHERE edition_id = ? AND country = ? AND status = 'draft'`, [editionId, country])).map(toAnswer);
      let submitted = 0;
      for (const draft of drafts) {
        const next: AnswerRecord = { ...draft, status: 'submitted', revision: draft.revision + 1, updatedBy: actor, updatedAt: at };
        const changed = await tx.run(
          `UPDATE assessment_answers SET status = 'submitted', revision = ?, updated_by = ?, updated_at = ? WHERE edition_id = ? AND country = ? AND question = ? AND revision = ?`,
          [next.revision, actor, at, editionId, country, draft.question, draft.revision],
        );
        if (changed !== 1) continue;
        await addHistory(tx, { editionId, country, question: draft.question }, next, 'submit');
        submitted++;
      }
      if (submitted === 0) return 0;
      await tx.run('UPDATE assessment_participants SET round = round + 1, submitted_at = ? WHERE edition_id = ? AND country = ?', [at, editionId, country]);
      await within?.(tx, submitted);
      return submitted;
    });
  }

  /** Every write of an answer, oldest first. */
  async history(key: AnswerKey): Promise<HistoryRecord[]> {
    const rows = await this.db.all<{ revision: number | string; action: AnswerAction; level: string; comment: string | null; status: AnswerStatus; actor: string; at: number | string }>(
      'SELECT revision, action, level, comment, status, actor, at FROM assessment_answer_history WHERE edition_id = ? AND country = ? AND question = ? ORDER BY revision',
      [key.editionId, key.country, key.question],
    );
    return rows.map((row) => ({ ...row, revision: Number(row.revision), at: Number(row.at) }));
  }
}
