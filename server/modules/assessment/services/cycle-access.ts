/**
 * Who may see and do what in an edition run as a cycle, stated once. The assessment team (`assessment.manage`)
 * and reviewers (`assessment.review`) see every participant; a focal point sees its own country. Once an
 * edition is published its answers, scores and public evidence are open to anyone; restricted evidence stays
 * with the team, the reviewers and the country's focal point.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { can } from '../../../core/roles/roles.ts';
import type { EditionRecord } from '../repositories/edition.repository.ts';
import type { EvidenceRecord } from '../repositories/evidence.repository.ts';
import type { ParticipantRecord } from '../repositories/participant.repository.ts';

export const mayManage = (actor: Actor) => can(actor, 'assessment.manage');
export const mayReview = (actor: Actor) => can(actor, 'assessment.review');

/** The invited focal point of that participant, still holding the focal-point permission. */
export const isFocalPointOf = (actor: Actor, participant: ParticipantRecord) =>
  actor.kind === 'user' && participant.focalPoint === actor.userId && can(actor, 'assessment.answer');

/** Who answers for a participant: its focal point, or the team for a country assessed from public evidence. */
export const mayAnswer = (actor: Actor, participant: ParticipantRecord) =>
  participant.basis === 'public-evidence' ? mayManage(actor) : isFocalPointOf(actor, participant);

/** Who follows the whole edition while it runs. */
export const seesEveryParticipant = (actor: Actor) => mayManage(actor) || mayReview(actor);

/** Whether the actor may read a participant's answers. */
export const maySeeAnswers = (actor: Actor, edition: EditionRecord, participant: ParticipantRecord) =>
  edition.status === 'published' || seesEveryParticipant(actor) || isFocalPointOf(actor, participant);

/** Whether the actor may see a piece of evidence (its entry and its file). */
export function maySeeEvidence(actor: Actor, edition: EditionRecord, participant: ParticipantRecord, evidence: EvidenceRecord): boolean {
  const insider = seesEveryParticipant(actor) || isFocalPointOf(actor, participant);
  if (insider) return true;
  return evidence.visibility === 'public' && edition.status === 'published';
}
