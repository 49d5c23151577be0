/**
 * What the services of a cycle edition look up the same way: the edition by name as the actor may see it,
 * its framework prepared for scoring (a framework version never changes, so it is prepared once), and a
 * participant by country.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { conflict, notFound } from '../../../core/errors.ts';
import { scoringModel, type ScoringModel } from '../../../../shared/assessment/scoring.ts';
import type { EditionRecord, EditionRepository } from '../repositories/edition.repository.ts';
import type { ParticipantRecord, ParticipantRepository } from '../repositories/participant.repository.ts';
import { isFocalPointOf, seesEveryParticipant } from './cycle-access.ts';
import type { FrameworkService } from './framework.service.ts';

const COUNTRY = /^[A-Za-z]{2}$/;

export class CycleContext {
  readonly editions: EditionRepository;
  readonly participants: ParticipantRepository;
  private readonly frameworks: FrameworkService;
  private readonly models = new Map<string, Promise<ScoringModel>>();

  constructor(editions: EditionRepository, participants: ParticipantRepository, frameworks: FrameworkService) {
    this.editions = editions;
    this.participants = participants;
    this.frameworks = frameworks;
  }

  /**
   * The edition named `name`, if the actor may see it: a published one, anyone; an unpublished one, the team,
   * reviewers and its focal points.
   * @throws DomainError `not_found` `assessment.edition_not_found` (also when the actor may not see it).
   */
  async edition(actor: Actor, name: string): Promise<EditionRecord> {
    const edition = await this.editions.findByName(name);
    if (edition && (edition.status === 'published' || seesEveryParticipant(actor) || (await this.isFocalPointIn(actor, edition)))) return edition;
    throw notFound('assessment.edition_not_found', `there is no edition named "${name}"`, { name });
  }

  /**
   * A cycle edition (not a scores-only one), as `edition` finds it.
   * @throws DomainError `conflict` `assessment.not_a_cycle`.
   */
  async cycle(actor: Actor, name: string): Promise<EditionRecord & { framework: { id: string; version: string } }> {
    const edition = await this.edition(actor, name);
    if (edition.framework === null) throw conflict('assessment.not_a_cycle', `edition "${edition.name}" holds published results only: it has no questionnaire`, { name: edition.name });
    return edition as EditionRecord & { framework: { id: string; version: string } };
  }

  /** The edition's framework, prepared for scoring. */
  async model(edition: { framework: { id: string; version: string } }): Promise<ScoringModel> {
    const key = `${edition.framework.id}@${edition.framework.version}`;
    let model = this.models.get(key);
    if (!model) {
      model = this.frameworks.get(edition.framework.id, edition.framework.version).then(scoringModel);
      model.catch(() => this.models.delete(key));
      this.models.set(key, model);
    }
    return model;
  }

  /**
   * The participant of the edition for `country` (any case).
   * @throws DomainError `not_found` `assessment.participant_not_found`.
   */
  async participant(edition: EditionRecord, country: string): Promise<ParticipantRecord> {
    const code = country.toUpperCase();
    const participant = COUNTRY.test(code) ? await this.participants.find(edition.id, code) : undefined;
    if (!participant) throw notFound('assessment.participant_not_found', `${code} does not take part in edition "${edition.name}"`, { country: code, name: edition.name });
    return participant;
  }

  private async isFocalPointIn(actor: Actor, edition: EditionRecord): Promise<boolean> {
    if (actor.kind !== 'user') return false;
    return (await this.participants.ofFocalPoint(actor.userId)).some((p) => p.editionId === edition.id && isFocalPointOf(actor, p));
  }
}
