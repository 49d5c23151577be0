/**
 * One answer under review: the question, the level the country gave, its comment and evidence, and the
 * reviewer's decision: accept, ask for clarification (a comment for the focal point is required: the answer
 * goes back to it) or adjust (another level and a justification are required); a decision taken may still
 * be changed to one of the last two. The decision carries the revision read; when another reviewer decided
 * first, the answer is reloaded and nothing is overwritten.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework, PlacedQuestion } from '../../../../../shared/assessment/framework.ts';
import { api, ApiError } from '../../../api/client.ts';
import { ANSWER_CONFLICT, type Answer, type Evidence, type ReviewAction } from '../../../api/cycle-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { useAction } from '../../../components/useAction.ts';
import { isolate, UserText } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { ANSWER_STATUS, HISTORY_ACTION, textIn } from '../cycle-labels.ts';
import { QuestionNumber, StatusBadge } from '../cycle-parts.tsx';
import { EvidenceList } from '../EvidenceList.tsx';
import { AnswerHistory } from './AnswerHistory.tsx';


const ACTIONS: readonly { action: ReviewAction; label: string }[] = [
  { action: 'accept', label: 'cycle.review_accept' },
  { action: 'clarify', label: 'cycle.review_clarify' },
  { action: 'adjust', label: 'cycle.review_adjust' },
];

function Decision({ question, answer, framework, answerPath, onDecided, onConflict }: {
  question: PlacedQuestion;
  answer: Answer;
  framework: Framework;
  answerPath: string;
  onDecided(answer: Answer): void;
  onConflict(): void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const name = useId();
  // A decision already taken may still be turned into a request for clarification or an adjustment.
  const actions = answer.status === 'submitted' ? ACTIONS : ACTIONS.filter((option) => option.action !== 'accept');
  const [action, setAction] = useState<ReviewAction>(actions[0]!.action);
  const [comment, setComment] = useState('');
  const [level, setLevel] = useState('');
  const [conflict, setConflict] = useState(false);
  const { busy, error, run } = useAction();
  const needsComment = action !== 'accept';
  const ready = (!needsComment || comment.trim() !== '') && (action !== 'adjust' || (level !== '' && level !== answer.level));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    const body = { action, revision: answer.revision, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(action === 'adjust' ? { level } : {}) };
    await run(async () => {
      try {
        onDecided(await api<Answer>('POST', `${answerPath}/review`, body));
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === ANSWER_CONFLICT) {
          setConflict(true);
          onConflict();
        }
        throw caught;
      }
    });
  };

  return (
    <form className="review-decision" onSubmit={(event) => void handleSubmit(event)}>
      <fieldset className="radio-group">
        <legend>{t('cycle.review_decision', { number: isolate(question.number) })}</legend>
        {actions.map((option) => (
          <label key={option.action} className="radio">
            <input type="radio" name={name} value={option.action} checked={action === option.action} onChange={() => setAction(option.action)} />
            {t(option.label)}
          </label>
        ))}
      </fieldset>
      {action === 'adjust' && (
        <Field label={t('cycle.review_level')}>
          <select required value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">{t('cycle.choose_level')}</option>
            {framework.scale
              .filter((l) => l.code !== answer.level)
              .map((l) => (
                <option key={l.code} value={l.code}>
                  {textIn(l.label, language)}
                </option>
              ))}
          </select>
        </Field>
      )}
      {needsComment && (
        <Field label={action === 'clarify' ? t('cycle.review_clarify_comment') : t('cycle.review_adjust_comment')} hint={t('cycle.review_comment_required')}>
          <textarea dir="auto" required rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Field>
      )}
      {conflict && (
        <p className="notice notice-warning" role="alert">
          {t('cycle.review_conflict')}
        </p>
      )}
      <ErrorNotice error={error?.code === ANSWER_CONFLICT ? undefined : error} />
      <button type="submit" disabled={busy || !ready}>
        {t('cycle.review_record')}
      </button>
    </form>
  );
}

export function ReviewCard({
  question,
  answer,
  framework,
  evidence,
  answerPath,
  mayReview,
  onDecided,
  onConflict,
}: {
  question: PlacedQuestion;
  answer: Answer;
  framework: Framework;
  evidence: readonly Evidence[];
  answerPath: string;
  mayReview: boolean;
  onDecided(answer: Answer): void;
  onConflict(): void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const textId = useId();
  const level = framework.scale.find((l) => l.code === answer.level);
  return (
    <article className={`question-card answer-${answer.status}`} aria-labelledby={textId} data-question={question.id}>
      <div className="question-head">
        <p id={textId} className="question-text">
          <QuestionNumber number={question.number} /> {textIn(question.text, language)}
        </p>
        <StatusBadge status={answer.status} label={t(ANSWER_STATUS[answer.status])} />
      </div>
      <details className="question-note">
        <summary>{t('cycle.note')}</summary>
        <p>{textIn(question.note, language)}</p>
      </details>
      <dl className="answer-facts">
        <dt>{t('cycle.answer_given')}</dt>
        <dd className="given-level">{level ? textIn(level.label, language) : <span className="muted">{t('cycle.unanswered')}</span>}</dd>
        <dt>{t('cycle.focal_point_comment')}</dt>
        <dd>{answer.comment ? <UserText text={answer.comment} block /> : <span className="muted">{t('cycle.no_comment')}</span>}</dd>
        <dt>{t('cycle.evidence')}</dt>
        <dd>
          <EvidenceList items={evidence} />
        </dd>
      </dl>
      {answer.review && (
        <p className="muted small">
          {t(HISTORY_ACTION[answer.review.action])} · <bdi dir="ltr">{answer.review.by.name}</bdi> ·{' '}
          <time dateTime={answer.review.at}>{formatDateTime(language, answer.review.at)}</time>
          {answer.review.comment && <UserText text={answer.review.comment} block />}
        </p>
      )}
      {mayReview && answer.status === 'submitted' && (
        <Decision question={question} answer={answer} framework={framework} answerPath={answerPath} onDecided={onDecided} onConflict={onConflict} />
      )}
      {mayReview && (answer.status === 'accepted' || answer.status === 'adjusted') && (
        <details className="change-decision">
          <summary>{t('cycle.review_change')}</summary>
          <Decision key={answer.revision} question={question} answer={answer} framework={framework} answerPath={answerPath} onDecided={onDecided} onConflict={onConflict} />
        </details>
      )}
      <AnswerHistory answerPath={answerPath} framework={framework} revision={answer.revision} />
    </article>
  );
}
