/**
 * A moderator's decision on one pending revision: accept (publish it), reject, or ask for changes, with a
 * comment — required to ask for changes, as the server requires, so the button waits for one. The server's
 * refusal (someone decided meanwhile, an outdated correction, one's own revision) shows under the form.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { gatewayPaths, type ModerationAction, type ModerationAnswer } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useAction } from '../../../components/useAction.ts';
import { ACTION } from '../gateway-labels.ts';

const ACTIONS: readonly ModerationAction[] = ['accept', 'request_changes', 'reject'];
/** The actions the server refuses without a comment. */
const NEEDS_COMMENT: ReadonlySet<ModerationAction> = new Set(['request_changes']);

export function DecisionForm({ id, revision, onDecided }: { id: string; revision: number; onDecided: (answer: ModerationAnswer) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ModerationAction>('accept');
  const [comment, setComment] = useState('');
  const { busy, error, run } = useAction();
  const commentId = useId();
  const hintId = useId();
  const needsComment = NEEDS_COMMENT.has(action);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await api<ModerationAnswer>('POST', gatewayPaths.moderate(id, revision), { action, ...(comment.trim() ? { comment } : {}) });
      onDecided(answer);
    });
  };

  return (
    <form className="decision-form" onSubmit={handleSubmit}>
      <fieldset className="radio-group">
        <legend>{t('gateway.decision')}</legend>
        {ACTIONS.map((choice) => (
          <label key={choice} className="radio">
            <input type="radio" name={`action-${id}-${revision}`} value={choice} checked={action === choice} onChange={() => setAction(choice)} /> {t(ACTION[choice])}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={commentId}>
          {t('gateway.comment_label')}
          {needsComment && <span className="required-mark"> {t('gateway.required')}</span>}
        </label>
        <textarea id={commentId} rows={3} dir="auto" maxLength={2_000} required={needsComment} aria-describedby={hintId} value={comment} onChange={(e) => setComment(e.target.value)} />
        <p id={hintId} className="muted small">
          {needsComment ? t('gateway.comment_required_hint') : t('gateway.comment_hint')}
        </p>
      </div>
      <button type="submit" disabled={busy || (needsComment && comment.trim() === '')}>
        {busy ? t('gateway.sending') : t(ACTION[action])}
      </button>
      <ErrorNotice error={error} />
    </form>
  );
}
