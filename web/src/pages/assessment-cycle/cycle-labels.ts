/**
 * The catalog keys of the cycle's codes (statuses, bases, review actions, tiers), written out whole so the
 * missing-translation check sees each one, and typed so that a new code without a text does not compile.
 * A framework's own texts (pillars, questions, the answer scale) come in the framework, in six languages.
 */
import type { Text } from '../../../../shared/assessment/framework.ts';
import type { Language } from '../../../../shared/i18n/languages.ts';
import type { AnswerStatus, Basis, EditionStatus, HistoryEntry, ParticipantStatus, Visibility } from '../../api/cycle-types.ts';

export const EDITION_STATUS: Readonly<Record<EditionStatus, string>> = {
  open: 'cycle.edition_status_open',
  finalised: 'cycle.edition_status_finalised',
  published: 'cycle.edition_status_published',
};

export const PARTICIPANT_STATUS: Readonly<Record<ParticipantStatus, string>> = {
  invited: 'cycle.participant_status_invited',
  draft: 'cycle.participant_status_draft',
  submitted: 'cycle.participant_status_submitted',
  clarification: 'cycle.participant_status_clarification',
  reviewed: 'cycle.participant_status_reviewed',
};

export const ANSWER_STATUS: Readonly<Record<AnswerStatus, string>> = {
  draft: 'cycle.answer_status_draft',
  submitted: 'cycle.answer_status_submitted',
  clarification: 'cycle.answer_status_clarification',
  accepted: 'cycle.answer_status_accepted',
  adjusted: 'cycle.answer_status_adjusted',
};

export const BASIS: Readonly<Record<Basis, string>> = {
  'self-assessment': 'cycle.basis_self_assessment',
  'public-evidence': 'cycle.basis_public_evidence',
};

export const HISTORY_ACTION: Readonly<Record<HistoryEntry['action'], string>> = {
  save: 'cycle.history_save',
  submit: 'cycle.history_submit',
  accept: 'cycle.history_accept',
  clarify: 'cycle.history_clarify',
  adjust: 'cycle.history_adjust',
};

export const VISIBILITY: Readonly<Record<Visibility, { name: string; meaning: string }>> = {
  public: { name: 'cycle.visibility_public', meaning: 'cycle.visibility_public_meaning' },
  restricted: { name: 'cycle.visibility_restricted', meaning: 'cycle.visibility_restricted_meaning' },
};

/** The GCI's tiers; an edition may name others, shown as their code. */
export const TIER: Readonly<Record<string, string>> = {
  'role-modelling': 'cycle.tier_role_modelling',
  advancing: 'cycle.tier_advancing',
  establishing: 'cycle.tier_establishing',
  evolving: 'cycle.tier_evolving',
  building: 'cycle.tier_building',
};

/** A framework text in the reader's language (English if a framework lacks it). */
export function textIn(text: Partial<Text> | null | undefined, language: Language): string {
  return text?.[language] ?? text?.en ?? '';
}
