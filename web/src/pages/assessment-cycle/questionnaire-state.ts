/**
 * The questionnaire's rules as the UI applies them, pure so they are tested alone: which questions are shown
 * (a child only while its parent is answered with a gate level, up the chain: `applies` of the scoring
 * engine), progress per pillar (answered among the questions shown), which answers may still be changed, and
 * what a submission will send. The server checks every one of them again.
 */
import type { PlacedQuestion } from '../../../../shared/assessment/framework.ts';
import { applies, type Answers, type ScoringModel } from '../../../../shared/assessment/scoring.ts';
import type { Answer, AnswerStatus, CountryAnswers, EditionStatus } from '../../api/cycle-types.ts';

/** A local change not saved yet: the level chosen and the comment typed. */
export interface Draft {
  level: string | null;
  comment: string;
}

/** The levels saved on the server (questions with no level left out). */
export function savedLevels(answers: Iterable<Answer>): Answers {
  const levels: Record<string, string> = {};
  for (const answer of answers) if (answer.level !== null) levels[answer.question] = answer.level;
  return levels;
}

/** The levels as the reader sees them: the saved ones, with the drafts over them (a cleared draft removes one). */
export function shownLevels(saved: Answers, drafts: Readonly<Record<string, Draft>>): Answers {
  const levels: Record<string, string> = { ...saved };
  for (const [question, draft] of Object.entries(drafts)) {
    if (draft.level === null) delete levels[question];
    else levels[question] = draft.level;
  }
  return levels;
}

export interface PillarProgress {
  pillar: string;
  answered: number;
  applicable: number;
}

/** Per pillar, in framework order: the questions that apply under `levels`, and how many of them are answered. */
export function progressByPillar(model: ScoringModel, levels: Answers): PillarProgress[] {
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  const progress = new Map(model.framework.pillars.map((p) => [p.id, { pillar: p.id, answered: 0, applicable: 0 }]));
  for (const question of model.questions) {
    if (!applies(model, question, levels, byId)) continue;
    const entry = progress.get(question.pillar)!;
    entry.applicable++;
    if (levels[question.id] !== undefined) entry.answered++;
  }
  return [...progress.values()];
}

/** The sum of per-pillar progress. */
export function totalProgress(progress: readonly PillarProgress[]): { answered: number; applicable: number } {
  return progress.reduce((sum, p) => ({ answered: sum.answered + p.answered, applicable: sum.applicable + p.applicable }), { answered: 0, applicable: 0 });
}

/** The questions shown under `levels`, in framework order. */
export function shownQuestions(model: ScoringModel, levels: Answers): PlacedQuestion[] {
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  return model.questions.filter((question) => applies(model, question, levels, byId));
}

/**
 * The nearest question up the chain whose saved answer does not open `question` yet, or undefined when the
 * saved answers open it: a child shown because of an unsaved choice of its parent can be saved only after it.
 */
export function closedBy(model: ScoringModel, question: PlacedQuestion, saved: Answers): PlacedQuestion | undefined {
  const byId = new Map(model.questions.map((q) => [q.id, q]));
  const gates = model.framework.gateLevels;
  const seen = new Set<string>();
  let parent = question.parent;
  while (parent !== undefined && !seen.has(parent)) {
    seen.add(parent);
    const level = saved[parent];
    if (level === undefined || !gates.includes(level)) return byId.get(parent);
    parent = byId.get(parent)?.parent;
  }
  return undefined;
}

/** Answer statuses the answering side may still change (with no answer yet, it may answer). */
const EDITABLE: ReadonlySet<AnswerStatus> = new Set(['draft', 'clarification']);

/** Whether the caller may change the answer now: it answers for the country, the edition is open, and the answer is not with the reviewer. */
export function isEditable(answer: Pick<Answer, 'status'> | undefined, editionStatus: EditionStatus, mayAnswer: boolean): boolean {
  return mayAnswer && editionStatus === 'open' && (answer === undefined || EDITABLE.has(answer.status));
}

/** Whether the caller answers for this country: its focal point, or (assessed from public evidence) the team. */
export function answersFor(data: Pick<CountryAnswers, 'participant'>, callerId: string, manages: boolean): boolean {
  const { participant } = data;
  return participant.basis === 'public-evidence' ? manages : participant.focal_point?.id === callerId;
}

/** The answers a submission sends to the reviewers: every draft (the server turns each into "submitted"). */
export function toSubmit(answers: Iterable<Answer>): Answer[] {
  return [...answers].filter((answer) => answer.status === 'draft');
}

/** Whether a draft differs from the saved answer (what the save button would change). */
export function isChanged(draft: Draft | undefined, answer: Pick<Answer, 'level' | 'comment'> | undefined): boolean {
  if (!draft) return false;
  return draft.level !== (answer?.level ?? null) || draft.comment.trim() !== (answer?.comment ?? '').trim();
}

/** Answers the reviewers have to decide on, in framework order. */
export function awaitingReview(model: ScoringModel, answers: ReadonlyMap<string, Answer>): PlacedQuestion[] {
  return model.questions.filter((question) => answers.get(question.id)?.status === 'submitted');
}
