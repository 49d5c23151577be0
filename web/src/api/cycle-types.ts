/**
 * The REST answers of an assessment edition run as a cycle (editions, participants, answers, evidence, review),
 * as the UI reads them; the server's OpenAPI document at /api/openapi.json is the reference. Also the paths of
 * those resources, built in one place so that every name and country is encoded the same way.
 */
import type { Framework } from '../../../shared/assessment/framework.ts';

export type EditionStatus = 'open' | 'finalised' | 'published';
export type ParticipantStatus = 'invited' | 'draft' | 'submitted' | 'clarification' | 'reviewed';
export type AnswerStatus = 'draft' | 'submitted' | 'clarification' | 'accepted' | 'adjusted';
export type Basis = 'self-assessment' | 'public-evidence';
export type ReviewAction = 'accept' | 'clarify' | 'adjust';
export type Visibility = 'public' | 'restricted';

export interface PersonRef {
  id: string;
  name: string;
}

export interface CycleEdition {
  id: string;
  name: string;
  kind: 'scores-only' | 'cycle';
  status: EditionStatus;
  year: number | null;
  source: string | null;
  created_at: string;
  framework: { id: string; version: string } | null;
  answers_due: string | null;
  review_due: string | null;
  tiers: { code: string; min: number }[];
  published_at: string | null;
}

/** GET /assessment/frameworks: the stored frameworks and their versions. */
export interface FrameworkSummary {
  id: string;
  version: string;
  title?: Partial<Record<string, string>> | null;
  /** Shipped with Thiqa and not imported yet: stored when an edition first runs on it. */
  shipped?: boolean;
  created_at?: string | null;
}

export interface Participant {
  country: string;
  basis: Basis;
  focal_point: PersonRef | null;
  status: ParticipantStatus;
  round: number;
  answered: number;
  applicable: number;
  awaiting_review: number;
  clarification: number;
  submitted_at: string | null;
}

export interface Answer {
  question: string;
  level: string | null;
  comment: string | null;
  status: AnswerStatus;
  revision: number;
  review: { action: ReviewAction; comment: string | null; by: PersonRef; at: string } | null;
  updated_at: string;
  updated_by: PersonRef;
}

export interface Evidence {
  id: string;
  question: string;
  kind: 'file' | 'link';
  visibility: Visibility;
  name: string;
  media_type: string | null;
  size: number | null;
  url: string | null;
  added_at: string;
  added_by: PersonRef;
}

export interface HistoryEntry {
  revision: number;
  action: 'save' | 'submit' | 'accept' | 'clarify' | 'adjust';
  level: string | null;
  comment: string | null;
  status: AnswerStatus;
  by: PersonRef;
  at: string;
}

/** GET /assessment/editions/{name} */
export interface EditionWithFramework {
  edition: CycleEdition;
  framework: Framework | null;
}

/** GET /assessment/editions/{name}/countries/{country}/answers */
export interface CountryAnswers {
  edition: CycleEdition;
  participant: Participant;
  answers: Answer[];
  evidence: Evidence[];
}

/** An edition and one of its participants (assignments, review queue). */
export interface ParticipantOf {
  edition: CycleEdition;
  participant: Participant;
}

const segment = encodeURIComponent;

export const cyclePaths = {
  editions: '/assessment/editions',
  frameworks: '/assessment/frameworks',
  assignments: '/assessment/assignments',
  reviewQueue: '/assessment/review-queue',
  focalPointCandidates: (country: string) => `/assessment/focal-point-candidates?country=${segment(country)}`,
  edition: (name: string) => `/assessment/editions/${segment(name)}`,
  participants: (name: string) => `/assessment/editions/${segment(name)}/participants`,
  finalise: (name: string) => `/assessment/editions/${segment(name)}/finalise`,
  publish: (name: string) => `/assessment/editions/${segment(name)}/publish`,
  country: (name: string, country: string) => `/assessment/editions/${segment(name)}/countries/${segment(country)}`,
  answers: (name: string, country: string) => `${cyclePaths.country(name, country)}/answers`,
  submit: (name: string, country: string) => `${cyclePaths.country(name, country)}/submit`,
  answer: (name: string, country: string, question: string) => `${cyclePaths.country(name, country)}/answers/${segment(question)}`,
  evidence: (id: string) => `/assessment/evidence/${segment(id)}`,
};

/** UI addresses (below /ui) of the cycle's pages. */
export const cyclePages = {
  editions: '/cycle/editions',
  assignments: '/cycle/questionnaires',
  reviewQueue: '/cycle/review',
  edition: (name: string) => `/cycle/editions/${segment(name)}`,
  questionnaire: (name: string, country: string) => `/cycle/editions/${segment(name)}/countries/${segment(country)}`,
  review: (name: string, country: string) => `/cycle/editions/${segment(name)}/countries/${segment(country)}/review`,
};

/** The server's error code for a write made on a revision someone else changed since (an error code, not a UI catalog key). */
export const ANSWER_CONFLICT = 'assessment.answer_conflict';
