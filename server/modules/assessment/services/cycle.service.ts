/**
 * An edition run as a cycle, from opening to publication. The assessment team opens an edition of a framework
 * version with deadlines and tiers, invites one focal point per country (a user holding the focal-point role
 * in a Member State administration of that country) or takes a country on to assess it from public evidence,
 * then finalises it (answers frozen, scores computed, the edition file frozen as a snapshot) and publishes it.
 * Answers and reviews are `AnswerService`'s; evidence is `EvidenceService`'s.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import { EDITION_FORMAT } from '../../../../shared/assessment/edition-file.ts';
import { countryByAlpha2 } from '../../../../shared/assessment/iso3166.ts';
import { applies, DEFAULT_TIERS, scoreAll, type Answers, type ScoringModel, type Tier } from '../../../../shared/assessment/scoring.ts';
import type { EditionRecord, ResultRecord } from '../repositories/edition.repository.ts';
import type { EvidenceRepository } from '../repositories/evidence.repository.ts';
import type { AnswerRecord, ParticipantRecord } from '../repositories/participant.repository.ts';
import { isFocalPointOf, mayManage, seesEveryParticipant } from './cycle-access.ts';
import type { CycleContext } from './cycle-context.ts';
import type { FrameworkService } from './framework.service.ts';

/** The people and organisations a cycle names, as the core knows them. */
export interface CycleDirectory {
  user(id: string): Promise<DirectoryUser | undefined>;
  /** Every enabled user. */
  users(): Promise<DirectoryUser[]>;
  organisation(id: string): Promise<{ type: string; country: string | null } | undefined>;
}

export interface DirectoryUser {
  id: string;
  name: string;
  roles: readonly string[];
  organisationId: string | null;
}

export type ParticipantStatus = 'invited' | 'draft' | 'submitted' | 'clarification' | 'reviewed';

/** A participant with where it stands. */
export interface ParticipantView extends ParticipantRecord {
  focalPointName: string | null;
  status: ParticipantStatus;
  answered: number;
  applicable: number;
  awaitingReview: number;
  clarification: number;
}

const NAME_MAX = 100;

/** A participant's answers as the scoring reads them: question → level, only those that apply. */
export function answersOf(model: ScoringModel, records: readonly AnswerRecord[]): Answers {
  const all: Record<string, string> = Object.fromEntries(records.map((a) => [a.question, a.level]));
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  return Object.fromEntries(Object.entries(all).filter(([id]) => byId.has(id) && applies(model, byId.get(id)!, all, byId)));
}

/** Where a participant stands, from its answers. */
export function progressOf(model: ScoringModel, participant: ParticipantRecord, records: readonly AnswerRecord[]): Omit<ParticipantView, keyof ParticipantRecord | 'focalPointName'> {
  const given = Object.fromEntries(records.map((a) => [a.question, a.level]));
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  const applicable = model.questions.filter((q) => applies(model, q, given, byId));
  const answered = applicable.filter((q) => given[q.id] !== undefined).length;
  const count = (status: AnswerRecord['status']) => records.filter((a) => a.status === status).length;
  const awaitingReview = count('submitted');
  const clarification = count('clarification');
  const drafts = count('draft');
  const status: ParticipantStatus =
    records.length === 0 ? 'invited' : clarification > 0 ? 'clarification' : awaitingReview > 0 ? 'submitted' : drafts > 0 || participant.round === 0 ? 'draft' : 'reviewed';
  return { status, answered, applicable: applicable.length, awaitingReview, clarification };
}

function parseDate(value: string | undefined, field: string): number | null {
  if (value === undefined) return null;
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at)) throw invalid('assessment.invalid_date', `"${field}" must be an ISO 8601 date, got "${value}"`, { field, value });
  return at;
}

/** Tiers written `code:min` (`role-modelling:95`), highest first. */
function parseTiers(given: readonly string[] | undefined): Tier[] | null {
  if (given === undefined) return null;
  const tiers = given.map((text) => {
    const match = /^([a-z0-9-]+):(\d+(?:\.\d+)?)$/.exec(text.trim());
    if (!match) throw invalid('assessment.invalid_tiers', `a tier is written "code:minimum", such as "advancing:85"; got "${text}"`, { field: 'tiers', value: text });
    return { code: match[1]!, min: Number(match[2]) };
  });
  if (tiers.length === 0 || new Set(tiers.map((t) => t.code)).size !== tiers.length || !tiers.some((t) => t.min === 0)) {
    throw invalid('assessment.invalid_tiers', 'tiers need distinct codes and one tier starting at 0', { field: 'tiers', value: given.join(', ') });
  }
  return tiers.sort((a, b) => b.min - a.min);
}

export class CycleService {
  private readonly context: CycleContext;
  private readonly frameworks: FrameworkService;
  private readonly evidence: EvidenceRepository;
  private readonly directory: CycleDirectory;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(context: CycleContext, frameworks: FrameworkService, evidence: EvidenceRepository, directory: CycleDirectory, audit: AuditLog, now: () => number = Date.now) {
    this.context = context;
    this.frameworks = frameworks;
    this.evidence = evidence;
    this.directory = directory;
    this.audit = audit;
    this.now = now;
  }

  /**
   * Opens an edition of a framework version (the newest when none is named).
   * @throws DomainError `forbidden` `assessment.manage_forbidden`; `invalid` `assessment.invalid_name`,
   *   `assessment.invalid_date`, `assessment.deadlines_order`, `assessment.invalid_tiers`; `not_found`
   *   `assessment.framework_not_found`; `conflict` `assessment.edition_exists`.
   */
  async open(
    actor: Actor,
    input: { name: string; framework: string; frameworkVersion?: string | undefined; answersDue?: string | undefined; reviewDue?: string | undefined; tiers?: readonly string[] | undefined },
  ): Promise<EditionRecord> {
    this.requireManage(actor);
    const name = input.name.trim();
    if (name === '' || name.length > NAME_MAX) throw invalid('assessment.invalid_name', `an edition name has 1 to ${NAME_MAX} characters`, { field: 'name', max: NAME_MAX });
    const answersDue = parseDate(input.answersDue, 'answers_due');
    const reviewDue = parseDate(input.reviewDue, 'review_due');
    if (answersDue !== null && reviewDue !== null && reviewDue < answersDue) {
      throw invalid('assessment.deadlines_order', 'the review deadline comes after the answers deadline', { field: 'review_due' });
    }
    const tiers = parseTiers(input.tiers);
    const framework = await this.frameworks.resolve(input.framework, input.frameworkVersion);
    const at = this.now();
    const edition: EditionRecord = {
      id: randomUUID(),
      name,
      kind: 'cycle',
      status: 'open',
      year: new Date(answersDue ?? at).getUTCFullYear(),
      source: null,
      createdAt: at,
      framework: { id: framework.id, version: framework.version },
      answersDue,
      reviewDue,
      tiers,
      publishedAt: null,
    };
    const audited = this.audit.within(actor, { action: 'assessment.edition_open', target: edition.id, details: { name, framework: `${framework.id}@${framework.version}` } });
    if (!(await this.context.editions.insert(edition, [], audited))) throw conflict('assessment.edition_exists', `there is an edition named "${name}" already`, { name });
    return edition;
  }

  /** An edition the actor may see, with its framework when it is a cycle. */
  async get(actor: Actor, name: string): Promise<{ edition: EditionRecord; model: ScoringModel | undefined }> {
    const edition = await this.context.edition(actor, name);
    return { edition, model: edition.framework ? await this.context.model(edition as { framework: { id: string; version: string } }) : undefined };
  }

  /**
   * Adds a country to an open edition: with `user`, that focal point answers for it; without, the team
   * assesses it from public evidence.
   * @throws DomainError `forbidden` `assessment.manage_forbidden`; `invalid` `assessment.invalid_country`,
   *   `assessment.not_a_focal_point`, `assessment.focal_point_country`; `not_found` `assessment.user_not_found`;
   *   `conflict` `assessment.edition_not_open`, `assessment.participant_exists`.
   */
  async invite(actor: Actor, name: string, input: { country: string; user?: string | undefined }): Promise<ParticipantView> {
    this.requireManage(actor);
    const edition = await this.context.cycle(actor, name);
    requireOpen(edition);
    const codes = countryByAlpha2(input.country);
    if (!codes) throw invalid('assessment.invalid_country', `"${input.country}" is not an ISO 3166-1 alpha-2 country code`, { country: input.country, field: 'country' });
    let focalPoint: { id: string; name: string } | null = null;
    if (input.user !== undefined) focalPoint = await this.checkFocalPoint(input.user, codes.alpha2);
    const participant: ParticipantRecord = {
      editionId: edition.id,
      country: codes.alpha2,
      basis: focalPoint ? 'self-assessment' : 'public-evidence',
      focalPoint: focalPoint?.id ?? null,
      round: 0,
      submittedAt: null,
      invitedAt: this.now(),
    };
    const audited = this.audit.within(actor, {
      action: 'assessment.invite',
      target: `${edition.id}/${codes.alpha2}`,
      details: { edition: edition.name, country: codes.alpha2, basis: participant.basis, user: focalPoint?.id ?? null },
    });
    if (!(await this.context.participants.insert(participant, audited))) {
      throw conflict('assessment.participant_exists', `${codes.alpha2} takes part in edition "${edition.name}" already`, { country: codes.alpha2, name: edition.name });
    }
    return this.view(await this.context.model(edition), participant, [], focalPoint?.name ?? null);
  }

  /**
   * An edition's participants with their progress: every one for the team and reviewers, a focal point's own.
   * @throws DomainError `not_found` `assessment.edition_not_found`.
   */
  async participants(actor: Actor, name: string): Promise<{ edition: EditionRecord; participants: ParticipantView[] }> {
    const edition = await this.context.cycle(actor, name);
    const model = await this.context.model(edition);
    const answers = await this.context.participants.answersByCountry(edition.id);
    const all = await this.context.participants.list(edition.id);
    const shown = seesEveryParticipant(actor) || edition.status === 'published' ? all : all.filter((p) => isFocalPointOf(actor, p));
    return { edition, participants: await Promise.all(shown.map(async (p) => this.view(model, p, answers.get(p.country) ?? [], await this.nameOf(p.focalPoint)))) };
  }

  /** What the actor answers for: its invitations as a focal point, and, for the team, countries assessed from public evidence. */
  async assignments(actor: Actor): Promise<{ edition: EditionRecord; participant: ParticipantView }[]> {
    if (actor.kind !== 'user') return [];
    const mine = (await this.context.participants.ofFocalPoint(actor.userId)).filter((p) => isFocalPointOf(actor, p));
    const team = mayManage(actor) ? await this.context.participants.fromPublicEvidence() : [];
    return this.withEditions([...mine, ...team], (edition) => edition.status === 'open');
  }

  /**
   * Participants of open editions with answers awaiting review, oldest submission first.
   * @throws DomainError `forbidden` `assessment.review_forbidden`.
   */
  async reviewQueue(actor: Actor): Promise<{ edition: EditionRecord; participant: ParticipantView }[]> {
    if (!seesEveryParticipant(actor)) throw forbidden('assessment.review_forbidden', 'only reviewers and the assessment team review answers');
    const open = (await this.context.editions.list()).filter((e) => e.kind === 'cycle' && e.status === 'open');
    const queue: { edition: EditionRecord; participant: ParticipantView }[] = [];
    for (const edition of open) {
      for (const participant of (await this.participants(actor, edition.name)).participants) {
        if (participant.awaitingReview > 0) queue.push({ edition, participant });
      }
    }
    return queue.sort((a, b) => (a.participant.submittedAt ?? 0) - (b.participant.submittedAt ?? 0));
  }

  /**
   * Freezes an open edition: scores computed from the answers as they stand (countries that gave none are
   * left out), and the edition file kept as it will be published.
   * @throws DomainError `forbidden` `assessment.manage_forbidden`; `conflict` `assessment.edition_not_open`,
   *   `assessment.review_pending`.
   */
  async finalise(actor: Actor, name: string): Promise<EditionRecord> {
    this.requireManage(actor);
    const edition = await this.context.cycle(actor, name);
    requireOpen(edition);
    const model = await this.context.model(edition);
    const records = await this.context.participants.answersByCountry(edition.id);
    const pending = [...records.values()].flat().filter((a) => a.status === 'submitted').length;
    if (pending > 0) throw conflict('assessment.review_pending', `${pending} answers still await review`, { count: pending });
    const participants = await this.context.participants.list(edition.id);
    const answers: Record<string, Answers> = {};
    for (const p of participants) if ((records.get(p.country) ?? []).length > 0) answers[p.country] = answersOf(model, records.get(p.country)!);
    const tiers = edition.tiers ?? [...DEFAULT_TIERS];
    const scores = scoreAll(model, answers, tiers);
    const basis = new Map(participants.map((p) => [p.country, p.basis]));
    const results: ResultRecord[] = scores.map((s) => ({ country: s.country, overall: s.overall, pillars: s.pillars, basis: basis.get(s.country)! }));
    const evidence = (await this.evidence.list(edition.id))
      .filter((e) => e.visibility === 'public' && answers[e.country]?.[e.question] !== undefined)
      .map((e) => ({ id: e.id, country: e.country, question: e.question, kind: e.kind, name: e.name, media_type: e.mediaType, size: e.size, sha256: e.sha256, url: e.url }));
    const snapshot = {
      format: EDITION_FORMAT,
      version: 1,
      edition: { name: edition.name, year: edition.year, finalised_at: new Date(this.now()).toISOString() },
      framework: model.framework,
      tiers,
      basis: Object.fromEntries(Object.keys(answers).map((c) => [c, basis.get(c)])),
      answers,
      evidence,
      scores,
    };
    const audited = this.audit.within(actor, { action: 'assessment.finalise', target: edition.id, details: { name: edition.name, countries: scores.length } });
    if (!(await this.context.editions.finalise(edition.id, results, JSON.stringify(snapshot), audited))) requireOpen({ ...edition, status: 'finalised' });
    return { ...edition, status: 'finalised' };
  }

  /**
   * Publishes a finalised edition: its results, answers and public evidence become open to anyone.
   * @throws DomainError `forbidden` `assessment.manage_forbidden`; `conflict` `assessment.edition_not_finalised`.
   */
  async publish(actor: Actor, name: string): Promise<EditionRecord> {
    this.requireManage(actor);
    const edition = await this.context.cycle(actor, name);
    const at = this.now();
    const audited = this.audit.within(actor, { action: 'assessment.publish', target: edition.id, details: { name: edition.name } });
    if (edition.status !== 'finalised' || !(await this.context.editions.publish(edition.id, at, audited))) {
      throw conflict('assessment.edition_not_finalised', `edition "${edition.name}" is ${edition.status}: only a finalised edition is published`, { name: edition.name, status: edition.status });
    }
    return { ...edition, status: 'published', publishedAt: at };
  }

  /**
   * The edition file of a finalised or published edition (`thiqa assessment score` recomputes its scores).
   * @throws DomainError `conflict` `assessment.edition_not_final`.
   */
  async editionFile(actor: Actor, name: string): Promise<{ edition: EditionRecord; text: string }> {
    const edition = await this.context.cycle(actor, name);
    const text = edition.status === 'open' ? undefined : await this.context.editions.snapshot(edition.id);
    if (text === undefined || (edition.status !== 'published' && !seesEveryParticipant(actor))) {
      throw conflict('assessment.edition_not_final', `edition "${edition.name}" is not published yet`, { name: edition.name, status: edition.status });
    }
    return { edition, text };
  }

  /**
   * The users who could be invited as the focal point of `country`: holders of the focal-point role in a
   * Member State administration of that country.
   * @throws DomainError `forbidden` `assessment.manage_forbidden`; `invalid` `assessment.invalid_country`.
   */
  async focalPointCandidates(actor: Actor, country: string): Promise<{ id: string; name: string }[]> {
    this.requireManage(actor);
    const codes = countryByAlpha2(country);
    if (!codes) throw invalid('assessment.invalid_country', `"${country}" is not an ISO 3166-1 alpha-2 country code`, { country, field: 'country' });
    const found: { id: string; name: string }[] = [];
    for (const user of await this.directory.users()) {
      if (await this.canBeFocalPoint(user, codes.alpha2)) found.push({ id: user.id, name: user.name });
    }
    return found.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  private async canBeFocalPoint(user: DirectoryUser, country: string): Promise<boolean> {
    const actor: Actor = { kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId };
    if (!isFocalPointOf(actor, { focalPoint: user.id } as ParticipantRecord) || user.organisationId === null) return false;
    const organisation = await this.directory.organisation(user.organisationId);
    return organisation?.type === 'member-state' && organisation.country === country;
  }

  private async checkFocalPoint(userId: string, country: string): Promise<{ id: string; name: string }> {
    const user = await this.directory.user(userId);
    if (!user) throw notFound('assessment.user_not_found', `there is no user "${userId}"`, { user: userId, field: 'user' });
    const actor: Actor = { kind: 'user', userId: user.id, name: user.name, roles: user.roles, organisationId: user.organisationId };
    if (!isFocalPointOf(actor, { focalPoint: user.id } as ParticipantRecord)) throw invalid('assessment.not_a_focal_point', `${user.name} does not hold the focal-point role`, { user: user.name, field: 'user' });
    if (!(await this.canBeFocalPoint(user, country))) {
      throw invalid('assessment.focal_point_country', `${user.name} does not belong to a Member State administration of ${country}`, { user: user.name, country, field: 'user' });
    }
    return { id: user.id, name: user.name };
  }

  private async withEditions(participants: readonly ParticipantRecord[], keep: (edition: EditionRecord) => boolean): Promise<{ edition: EditionRecord; participant: ParticipantView }[]> {
    const editions = new Map((await this.context.editions.list()).map((e) => [e.id, e]));
    const found: { edition: EditionRecord; participant: ParticipantView }[] = [];
    for (const participant of participants) {
      const edition = editions.get(participant.editionId);
      if (!edition || !edition.framework || !keep(edition)) continue;
      const model = await this.context.model(edition as { framework: { id: string; version: string } });
      const answers = await this.context.participants.answers(edition.id, participant.country);
      found.push({ edition, participant: this.view(model, participant, answers, await this.nameOf(participant.focalPoint)) });
    }
    return found;
  }

  private view(model: ScoringModel, participant: ParticipantRecord, answers: readonly AnswerRecord[], focalPointName: string | null): ParticipantView {
    return { ...participant, focalPointName, ...progressOf(model, participant, answers) };
  }

  private async nameOf(userId: string | null): Promise<string | null> {
    return userId === null ? null : ((await this.directory.user(userId))?.name ?? null);
  }

  private requireManage(actor: Actor): void {
    if (!mayManage(actor)) throw forbidden('assessment.manage_forbidden', 'only the assessment team opens, runs and publishes editions');
  }
}

/** @throws DomainError `conflict` `assessment.edition_not_open`. */
export function requireOpen(edition: EditionRecord): void {
  if (edition.status !== 'open') throw conflict('assessment.edition_not_open', `edition "${edition.name}" is ${edition.status}: its answers can no longer change`, { name: edition.name, status: edition.status });
}
