/** An edition's cycle as the REST API answers it — participants, answers, history, evidence, profiles — and the JSON Schemas of those answers. */
import { isoTime } from '../../../core/admin/presenters/organisation.presenter.ts';
import { listOf, objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { REST_BASE } from '../../../core/rest/rest-endpoint.ts';
import type { AnswerRecord, HistoryRecord, People } from '../services/answer.service.ts';
import type { ParticipantView } from '../services/cycle.service.ts';
import type { EvidenceRecord } from '../services/evidence.service.ts';
import type { CountryProfile } from '../services/profile.service.ts';
import { presentEdition } from './edition.presenter.ts';

const person = (id: string, people: People) => ({ id, name: people.get(id) ?? id });

export function presentParticipant(p: ParticipantView) {
  return {
    country: p.country,
    basis: p.basis,
    focal_point: p.focalPoint === null ? null : { id: p.focalPoint, name: p.focalPointName ?? p.focalPoint },
    status: p.status,
    round: p.round,
    answered: p.answered,
    applicable: p.applicable,
    awaiting_review: p.awaitingReview,
    clarification: p.clarification,
    submitted_at: p.submittedAt === null ? null : isoTime(p.submittedAt),
  };
}

export function presentAnswer(a: AnswerRecord, people: People) {
  return {
    question: a.question,
    level: a.level,
    comment: a.comment,
    status: a.status,
    revision: a.revision,
    review: a.review && { action: a.review.action, comment: a.review.comment, by: person(a.review.by, people), at: isoTime(a.review.at) },
    updated_at: isoTime(a.updatedAt),
    updated_by: person(a.updatedBy, people),
  };
}

export function presentEvidence(e: EvidenceRecord, people: People) {
  return {
    id: e.id,
    question: e.question,
    kind: e.kind,
    visibility: e.visibility,
    name: e.name,
    media_type: e.mediaType,
    size: e.size,
    sha256: e.sha256,
    url: e.kind === 'link' ? e.url : `${REST_BASE}/assessment/evidence/${e.id}`,
    added_at: isoTime(e.addedAt),
    added_by: person(e.addedBy, people),
  };
}

export function presentHistory(history: readonly HistoryRecord[], people: People) {
  return { history: history.map((h) => ({ revision: h.revision, action: h.action, level: h.level, comment: h.comment, status: h.status, by: person(h.actor, people), at: isoTime(h.at) })) };
}

export function presentProfile(p: CountryProfile) {
  const noPeople: People = new Map();
  return {
    country: p.country,
    region: p.region,
    sub_region: p.subRegion,
    edition: p.edition && presentEdition(p.edition),
    result: p.result && { pillars: p.result.pillars, overall: p.result.overall, tier: p.result.tier, rank: p.result.rank, countries: p.result.countries, basis: p.result.basis },
    pillars: p.pillars,
    strengths: p.strengths,
    growth: p.growth,
    needs: p.needs,
    evidence: p.evidence.map((e) => presentEvidence(e, noPeople)),
    history: p.history.map((e) => ({ edition: presentEdition(e.edition), pillars: e.pillars, overall: e.overall, tier: e.tier, rank: e.rank, countries: e.countries })),
  };
}

const text: JsonSchema = { type: 'object', additionalProperties: { type: 'string' }, description: 'the text in each of the six languages' };
const who: JsonSchema = objectSchema({ id: { type: 'string' }, name: { type: 'string' } });
const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
const area: JsonSchema = objectSchema({ pillar: { type: 'string' }, indicator: { type: ['string', 'null'] }, title: text, share: { type: 'number', description: '0 … 1' } });

export const CYCLE_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Participant: objectSchema({
    country: { type: 'string', description: 'ISO 3166-1 alpha-2' },
    basis: { type: 'string', enum: ['self-assessment', 'public-evidence'] },
    focal_point: nullable(who),
    status: { type: 'string', enum: ['invited', 'draft', 'submitted', 'clarification', 'reviewed'] },
    round: { type: 'integer', description: 'submissions so far' },
    answered: { type: 'integer', description: 'answered questions among those that apply' },
    applicable: { type: 'integer', description: 'questions that apply, given the answers (children open only under their parent)' },
    awaiting_review: { type: 'integer' },
    clarification: { type: 'integer', description: 'answers sent back to the focal point' },
    submitted_at: { type: ['string', 'null'], format: 'date-time' },
  }),
  Answer: objectSchema({
    question: { type: 'string' },
    level: { type: 'string', description: 'a level of the answer scale' },
    comment: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['draft', 'submitted', 'clarification', 'accepted', 'adjusted'] },
    revision: { type: 'integer', description: 'send it back with a change: a change made on an older revision is refused (409)' },
    review: nullable(objectSchema({ action: { type: 'string', enum: ['accept', 'clarify', 'adjust'] }, comment: { type: ['string', 'null'] }, by: who, at: { type: 'string', format: 'date-time' } })),
    updated_at: { type: 'string', format: 'date-time' },
    updated_by: who,
  }),
  Evidence: objectSchema({
    id: { type: 'string' },
    question: { type: 'string' },
    kind: { type: 'string', enum: ['file', 'link'] },
    visibility: { type: 'string', enum: ['public', 'restricted'], description: 'public: published with the edition; restricted: the team, reviewers and the focal point only' },
    name: { type: 'string' },
    media_type: { type: ['string', 'null'] },
    size: { type: ['integer', 'null'] },
    sha256: { type: ['string', 'null'] },
    url: { type: 'string', description: "a link's address, or where a file is downloaded" },
    added_at: { type: 'string', format: 'date-time' },
    added_by: who,
  }),
  ParticipantAnswers: objectSchema({ edition: ref('Edition'), participant: ref('Participant'), answers: listOf('Answer'), evidence: listOf('Evidence') }),
  Assignment: objectSchema({ edition: ref('Edition'), participant: ref('Participant') }),
  AnswerHistory: objectSchema({
    history: {
      type: 'array',
      items: objectSchema({
        revision: { type: 'integer' },
        action: { type: 'string', enum: ['save', 'submit', 'accept', 'clarify', 'adjust'] },
        level: { type: 'string' },
        comment: { type: ['string', 'null'], description: "the focal point's comment (save, submit) or the reviewer's (accept, clarify, adjust)" },
        status: { type: 'string' },
        by: who,
        at: { type: 'string', format: 'date-time' },
      }),
    },
  }),
  CountryProfile: objectSchema({
    country: { type: 'string' },
    region: { type: ['string', 'null'] },
    sub_region: { type: ['string', 'null'] },
    edition: nullable(ref('Edition')),
    result: nullable(
      objectSchema({
        pillars: { type: 'object', additionalProperties: { type: 'number' } },
        overall: { type: 'number' },
        tier: { type: 'string' },
        rank: { type: 'integer' },
        countries: { type: 'integer' },
        basis: { type: ['string', 'null'], description: 'self-assessment or public-evidence; null for results published elsewhere' },
      }),
    ),
    pillars: { type: 'array', items: objectSchema({ id: { type: 'string' }, title: text, score: { type: ['number', 'null'] }, max: { type: 'number' } }) },
    strengths: { type: 'array', items: area, description: 'at least 75 % in place' },
    growth: { type: 'array', items: area, description: 'under 50 % in place' },
    needs: {
      type: 'array',
      description: 'questions not fully in place, highest priority (weight × missing credit) first',
      items: objectSchema({
        question: { type: 'string' },
        number: { type: 'string' },
        text,
        pillar: { type: 'string' },
        indicator: { type: 'string' },
        weight: { type: 'number' },
        missing: { type: 'number' },
        priority: { type: 'number' },
      }),
    },
    evidence: listOf('Evidence'),
    history: { type: 'array', items: { type: 'object' } },
  }),
  FrameworkSummary: objectSchema({
    id: { type: 'string' },
    version: { type: 'string' },
    title: text,
    shipped: { type: 'boolean', description: 'shipped with Thiqa and not imported yet: stored when an edition first runs on it' },
    created_at: { type: ['string', 'null'], format: 'date-time' },
  }),
};
