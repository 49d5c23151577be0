/**
 * Pieces the cycle's pages share: a progress meter (answered among applicable), a status badge, a due date,
 * a button that asks for confirmation in the page before it acts, and a question's number kept left to right.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { formatDay, isPast } from './cycle-dates.ts';

/** Numbers and counts for a plural text: `count` picks the form, `formatted` is shown. */
export const counted = (language: Language, count: number) => ({ count, formatted: formatNumber(language, count) });

/**
 * A hierarchical number (`1.2.3`): isolated and left to right, so that in an Arabic line it neither reorders
 * (3.2.1) nor moves the words around it.
 */
export function QuestionNumber({ number }: { number: string }) {
  return (
    <bdi dir="ltr" className="question-number">
      {number}
    </bdi>
  );
}

/**
 * Answered among applicable, as a bar and in words. The bar fills from the start of the line (the right in
 * Arabic), since its fill is sized with a logical property.
 */
export function ProgressMeter({ answered, applicable, label }: { answered: number; applicable: number; label?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const share = applicable > 0 ? Math.min(1, answered / applicable) : 0;
  const words = t('cycle.progress', { answered: formatNumber(language, answered), applicable: formatNumber(language, applicable) });
  return (
    <div className="meter-row">
      <div
        className="meter"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={applicable}
        aria-valuenow={answered}
        aria-valuetext={words}
      >
        <span className={share >= 1 ? 'meter-fill meter-full' : 'meter-fill'} style={{ inlineSize: `${Math.round(share * 100)}%` }} />
      </div>
      <span className="meter-text small">{words}</span>
    </div>
  );
}

/** A status in words, coloured by its kind (`status-submitted`, …). */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`status-badge status-${status}`}>{label}</span>;
}

/** "Answers due: 30 June 2025", marked when it has passed; nothing when there is no due date. */
export function DueDate({ label, due }: { label: string; due: string | null }) {
  const { t } = useTranslation();
  if (!due) return null;
  const past = isPast(due);
  return (
    <span className={past ? 'due due-past' : 'due'}>
      {label}: <time dateTime={due}>{formatDay(currentLanguage(), due)}</time>
      {past && <> — {t('cycle.due_passed')}</>}
    </span>
  );
}

/**
 * A button for a step that cannot be undone: the first press shows what will happen and asks to confirm,
 * in the page (no browser dialog), with the focus on the confirming button.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  disabled,
  busy,
  onConfirm,
}: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: ReactNode;
  disabled?: boolean;
  busy?: boolean;
  onConfirm: () => Promise<unknown> | void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const id = useId();
  if (!asking) {
    return (
      <button type="button" disabled={disabled || busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div className="toolbar">
        <button
          type="button"
          autoFocus
          disabled={busy}
          onClick={() => {
            setAsking(false);
            void onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
          {t('cycle.cancel')}
        </button>
      </div>
    </div>
  );
}
