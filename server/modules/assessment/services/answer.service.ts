/**
 * Answers of an edition run as a cycle. A focal point (or the team, for a country assessed from public
 * evidence) saves drafts and submits them; a reviewer accepts a submitted answer, asks for clarification with a
 * comment (the answer goes back to the focal point, who changes it and submits again: a new round), or adjusts
 * its level with a written justification. Every write names the revision it was made on: when somebody wrote
 * in between, nothing is overwritten and the writer is told (`assessment.answer_conflict`). Every write is kept
 * (`history`) and audited.
 */
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import { applies, type ScoringModel } from '../../../../shared/assessment/scoring.ts';
import type { EditionRecord } from '../repositories/edition.repository.ts';
import type { EvidenceRecord, EvidenceRepository } from '../repositories/evidence.repository.ts';
import type { AnswerAction, AnswerKey, AnswerRecord, HistoryRecord, ParticipantRecord } from '../repositories/participant.repository.ts';
import { isFocalPointOf, mayAnswer, mayReview, maySeeAnswers, maySeeEvidence } from './cycle-access.ts';
import type { CycleContext } from './cycle-context.ts';
import { progressOf, requireOpen, type CycleDirectory, type ParticipantView } from './cycle.service.ts';

export type { AnswerRecord, HistoryRecord };

const COMMENT_MAX = 4000;
const REVIEW_ACTIONS = ['accept', 'clarify', 'adjust'] as const;
type ReviewAction = (typeof REVIEW_ACTIONS)[number];
const STATUS_AFTER: Record<ReviewAction, AnswerRecord['status']> = { accept: 'accepted', clarify: 'clarification', adjust: 'adjusted' };

/** Names of the people an answer mentions, by user id. */
export type People = ReadonlyMap<string, string>;

export interface ParticipantAnswers {
  edition: EditionRecord;
  participant: ParticipantView;
  answers: AnswerRecord[];
  evidence: EvidenceRecord[];
  people: People;
}

/** Somebody wrote the answer since the writer read it. */
function staleAnswer(question: string, current: AnswerRecord | undefined, sent: number) {
  const now = current?.revision ?? 0;
  return conflict('assessment.answer_conflict', `the answer to ${question} was changed by someone else (now at revision ${now}, sent ${sent}): reload it before changing it`, { question, current: now, sent });
}

function checkComment(comment: string | undefined, field = 'comment'): string | null {
  const text = comment?.trim() ?? '';
  if (text.length > COMMENT_MAX) throw invalid('assessment.comment_too_long', `a comment has at most ${COMMENT_MAX} characters`, { field, max: COMMENT_MAX });
  return text === '' ? null : text;
}

export class AnswerService {
  private readonly context: CycleContext;
  private readonly evidence: EvidenceRepository;
  private readonly directory: CycleDirectory;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(context: CycleContext, evidence: EvidenceRepository, directory: CycleDirectory, audit: AuditLog, now: () => number = Date.now) {
    this.context = context;
    this.evidence = evidence;
    this.directory = directory;
    this.audit = audit;
    this.now = now;
  }

  /**
   * A participant's answers and the evidence the actor may see.
   * @throws DomainError `not_found` `assessment.edition_not_found`, `assessment.participant_not_found` (also
   *   when the actor may not read them).
   */
  async answers(actor: Actor, name: string, country: string): Promise<ParticipantAnswers> {
    const { edition, participant } = await this.readable(actor, name, country);
    const model = await this.context.model(edition);
    const answers = await this.context.participants.answers(edition.id, participant.country);
    const evidence = (await this.evidence.list(edition.id, participant.country)).filter((e) => maySeeEvidence(actor, edition, participant, e));
    const people = await this.people([participant.focalPoint, ...answers.flatMap((a) => [a.updatedBy, a.review?.by ?? null]), ...evidence.map((e) => e.addedBy)]);
    const view: ParticipantView = { ...participant, focalPointName: participant.focalPoint && (people.get(participant.focalPoint) ?? null), ...progressOf(model, participant, answers) };
    return { edition, participant: view, answers, evidence, people };
  }

  /**
   * Saves an answer as a draft, at the revision the writer read (0 for a first answer).
   * @throws DomainError `forbidden` `assessment.answer_forbidden`; `invalid` `assessment.question_unknown`,
   *   `assessment.level_unknown`, `assessment.question_gated`, `assessment.comment_too_long`; `conflict`
   *   `assessment.edition_not_open`, `assessment.deadline_passed`, `assessment.answer_locked`,
   *   `assessment.answer_conflict`.
   */
  async save(actor: Actor, name: string, country: string, question: string, input: { level: string; comment?: string | undefined; revision: number }): Promise<{ answer: AnswerRecord; people: People }> {
    const { edition, participant } = await this.readable(actor, name, country);
    if (!mayAnswer(actor, participant)) throw forbidden('assessment.answer_forbidden', `only the focal point of ${participant.country} answers for it`, { country: participant.country });
    requireOpen(edition);
    const model = await this.context.model(edition);
    const key: AnswerKey = { editionId: edition.id, country: participant.country, question };
    const current = await this.context.participants.answer(key);
    if (edition.answersDue !== null && this.now() > edition.answersDue && current?.status !== 'clarification') {
      throw conflict('assessment.deadline_passed', `answers to edition "${edition.name}" were due by ${new Date(edition.answersDue).toISOString()}`, { due: new Date(edition.answersDue).toISOString() });
    }
    if ((current?.revision ?? 0) !== input.revision) throw staleAnswer(key.question, current, input.revision);
    await this.checkLevel(model, key, input.level, 'level');
    const comment = checkComment(input.comment);
    if (current && current.status !== 'draft' && current.status !== 'clarification') {
      throw conflict('assessment.answer_locked', `the answer to ${question} is ${current.status}: it changes only when a reviewer sends it back`, { question, status: current.status });
    }
    const next: AnswerRecord = {
      question,
      level: input.level,
      comment,
      status: 'draft',
      revision: input.revision + 1,
      review: current?.review ?? null,
      updatedBy: userIdOf(actor),
      updatedAt: this.now(),
    };
    return this.write(actor, edition, key, input.revision, next, 'save');
  }

  /**
   * Submits every draft answer of a participant for review.
   * @throws DomainError `forbidden` `assessment.answer_forbidden`; `conflict` `assessment.edition_not_open`,
   *   `assessment.nothing_to_submit`.
   */
  async submit(actor: Actor, name: string, country: string): Promise<ParticipantView> {
    const { edition, participant } = await this.readable(actor, name, country);
    if (!mayAnswer(actor, participant)) throw forbidden('assessment.answer_forbidden', `only the focal point of ${participant.country} answers for it`, { country: participant.country });
    requireOpen(edition);
    const audited = this.audit.within<number>(actor, (submitted) => ({
      action: 'assessment.submit',
      target: `${edition.id}/${participant.country}`,
      details: { edition: edition.name, country: participant.country, answers: submitted, round: participant.round + 1 },
    }));
    const submitted = await this.context.participants.submit(edition.id, participant.country, userIdOf(actor), this.now(), audited);
    if (submitted === 0) throw conflict('assessment.nothing_to_submit', `${participant.country} has no draft answer to submit`, { country: participant.country });
    return (await this.answers(actor, name, country)).participant;
  }

  /**
   * A reviewer's decision on a submitted answer (or a change of a decision taken before).
   * @throws DomainError `forbidden` `assessment.review_forbidden`, `assessment.review_own`; `invalid`
   *   `assessment.invalid_action`, `assessment.comment_required`, `assessment.level_unknown`,
   *   `assessment.question_gated`; `not_found` `assessment.answer_not_found`; `conflict`
   *   `assessment.edition_not_open`, `assessment.answer_not_submitted`, `assessment.answer_conflict`.
   */
  async review(
    actor: Actor,
    name: string,
    country: string,
    question: string,
    input: { action: string; comment?: string | undefined; level?: string | undefined; revision: number },
  ): Promise<{ answer: AnswerRecord; people: People }> {
    if (!mayReview(actor)) throw forbidden('assessment.review_forbidden', 'only reviewers and the assessment team review answers');
    const { edition, participant } = await this.readable(actor, name, country);
    if (isFocalPointOf(actor, participant)) throw forbidden('assessment.review_own', `the focal point of ${participant.country} does not review its own answers`, { country: participant.country });
    requireOpen(edition);
    const action = input.action as ReviewAction;
    if (!REVIEW_ACTIONS.includes(action)) throw invalid('assessment.invalid_action', `a review is one of ${REVIEW_ACTIONS.join(', ')}; got "${input.action}"`, { field: 'action', value: input.action });
    const key: AnswerKey = { editionId: edition.id, country: participant.country, question };
    const current = await this.context.participants.answer(key);
    if (!current) throw notFound('assessment.answer_not_found', `${participant.country} has not answered ${question}`, { question, country: participant.country });
    if (current.revision !== input.revision) throw staleAnswer(question, current, input.revision);
    const reviewable = current.status === 'submitted' || (action !== 'accept' && (current.status === 'accepted' || current.status === 'adjusted'));
    if (!reviewable) throw conflict('assessment.answer_not_submitted', `the answer to ${question} is ${current.status}: only submitted answers are reviewed`, { question, status: current.status });
    const comment = checkComment(input.comment);
    if (action !== 'accept' && comment === null) throw invalid('assessment.comment_required', `${action === 'clarify' ? 'asking for clarification' : 'adjusting an answer'} needs a comment`, { field: 'comment', action });
    let level = current.level;
    if (action === 'adjust') {
      if (input.level === undefined) throw invalid('request.missing_field', 'adjusting an answer needs the new "level"', { field: 'level', in: 'body' });
      await this.checkLevel(await this.context.model(edition), key, input.level, 'level');
      level = input.level;
    }
    const at = this.now();
    const by = userIdOf(actor);
    const next: AnswerRecord = { ...current, level, status: STATUS_AFTER[action], revision: input.revision + 1, review: { action, comment, by, at }, updatedBy: by, updatedAt: at };
    return this.write(actor, edition, key, input.revision, next, action);
  }

  /**
   * Every write of an answer, oldest first.
   * @throws DomainError `not_found` as `answers`.
   */
  async history(actor: Actor, name: string, country: string, question: string): Promise<{ history: HistoryRecord[]; people: People }> {
    const { edition, participant } = await this.readable(actor, name, country);
    const history = await this.context.participants.history({ editionId: edition.id, country: participant.country, question });
    return { history, people: await this.people(history.map((h) => h.actor)) };
  }

  private async readable(actor: Actor, name: string, country: string): Promise<{ edition: EditionRecord & { framework: { id: string; version: string } }; participant: ParticipantRecord }> {
    const edition = await this.context.cycle(actor, name);
    const participant = await this.context.participant(edition, country);
    if (!maySeeAnswers(actor, edition, participant)) {
      throw notFound('assessment.participant_not_found', `${participant.country} does not take part in edition "${edition.name}"`, { country: participant.country, name: edition.name });
    }
    return { edition, participant };
  }

  /** The level is on the scale, and the question is in the framework and asked, given the other answers. */
  private async checkLevel(model: ScoringModel, key: AnswerKey, level: string, field: string): Promise<void> {
    const byId = new Map(model.questions.map((q) => [q.id, q]));
    const question = byId.get(key.question);
    if (!question) throw invalid('assessment.question_unknown', `there is no question "${key.question}" in framework ${model.framework.id}`, { question: key.question, field: 'question' });
    if (!model.credits.has(level)) {
      throw invalid('assessment.level_unknown', `"${level}" is not a level of the answer scale (${[...model.credits.keys()].join(', ')})`, { level, levels: [...model.credits.keys()].join(', '), field });
    }
    if (question.parent !== undefined) {
      const given = Object.fromEntries((await this.context.participants.answers(key.editionId, key.country)).map((a) => [a.question, a.level]));
      if (!applies(model, question, given, byId)) {
        throw invalid('assessment.question_gated', `question ${question.number} is asked only when ${byId.get(question.parent)?.number ?? question.parent} is answered ${model.framework.gateLevels.join(' or ')}`, {
          question: key.question,
          parent: question.parent,
          field: 'question',
        });
      }
    }
  }

  private async write(actor: Actor, edition: EditionRecord, key: AnswerKey, revision: number, next: AnswerRecord, action: AnswerAction): Promise<{ answer: AnswerRecord; people: People }> {
    const audited = this.audit.within(actor, {
      action: action === 'save' ? 'assessment.answer_save' : 'assessment.review',
      target: `${edition.id}/${key.country}/${key.question}`,
      details: { edition: edition.name, country: key.country, question: key.question, action, level: next.level, revision: next.revision },
    });
    const outcome = await this.context.participants.write(key, next, action, audited);
    if (!outcome.written) throw staleAnswer(key.question, outcome.current, revision);
    return { answer: next, people: await this.people([next.updatedBy, next.review?.by ?? null]) };
  }

  private async people(ids: readonly (string | null)[]): Promise<People> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) {
      if (id === null || names.has(id)) continue;
      names.set(id, (await this.directory.user(id))?.name ?? id);
    }
    return names;
  }
}

/** The user id an answer records (the operator, acting from the CLI, as `system`). */
export const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : actor.kind);
