/**
 * A table of dead letters (deliveries given up after every retry failed): the object and version, the
 * subscription and channel, attempts, the last error, when it was given up, and the buttons that send one
 * back to the queue or discard it (in two steps). The owner's list and the administrators' page both use
 * it; the administrators' shows whose each one is. The server decides each retry and discard again. What
 * was done stays said (a live status) after the list is reloaded, even when it is then empty.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertPaths, type AlertDeadLetter } from '../../api/alert-types.ts';
import { api } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAction } from '../../components/useAction.ts';
import { UserText } from '../../components/UserText.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

/** A dead letter as a row shows it: the subscription's name when known, the owner's on the administrators' page. */
export interface DeadLetterRow extends AlertDeadLetter {
  subscriptionName?: string | null;
  owner?: string;
  ownerName?: string | null;
}

function DeadLetterActions({ letter, busy, onRetry, onDiscard }: { letter: DeadLetterRow; busy: boolean; onRetry: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (asking) {
    const confirm = t('alerts.discard_confirm');
    return (
      <span className="inline-actions" role="group" aria-label={confirm}>
        <span className="small">{confirm}</span>{' '}
        <button type="button" className="button-danger" disabled={busy} onClick={onDiscard}>
          {t('alerts.discard_yes')}
        </button>{' '}
        <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
          {t('alerts.cancel')}
        </button>
      </span>
    );
  }
  return (
    <span className="inline-actions">
      <button type="button" disabled={busy} onClick={onRetry} aria-label={t('alerts.retry_label', { object: letter.object })}>
        {t('alerts.retry')}
      </button>{' '}
      <button type="button" className="button-secondary" disabled={busy} onClick={() => setAsking(true)} aria-label={t('alerts.discard_label', { object: letter.object })}>
        {t('alerts.discard')}
      </button>
    </span>
  );
}

export function DeadLetterTable({ letters, withOwner = false, onChanged }: { letters: DeadLetterRow[]; withOwner?: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { busy, error, run } = useAction(onChanged);
  const [done, setDone] = useState<'retried' | 'discarded'>();
  const act = async (what: 'retried' | 'discarded', letter: DeadLetterRow) => {
    setDone(undefined);
    const ok = await run(() => (what === 'retried' ? api('POST', alertPaths.retryDeadLetter(letter.id)) : api('DELETE', alertPaths.deadLetter(letter.id))));
    if (ok) setDone(what);
  };
  const columns = [
    ...(withOwner ? [t('alerts.owner')] : []),
    t('alerts.object'),
    t('alerts.subscription'),
    t('alerts.attempts'),
    t('alerts.last_error'),
    t('alerts.given_up'),
    t('common.actions'),
  ];
  return (
    <>
      <ErrorNotice error={error} />
      <p role="status" className="small">
        {done === 'retried' ? t('alerts.retried') : done === 'discarded' ? t('alerts.discarded') : ''}
      </p>
      {letters.length > 0 && (
        <DataTable label={t('alerts.dead_letters')} columns={columns}>
          {letters.map((d) => (
            <tr key={d.id}>
              {withOwner && <td>{d.ownerName ? <UserText text={d.ownerName} /> : <code dir="ltr">{d.owner}</code>}</td>}
              <td>
                <code dir="ltr">{d.object}</code>
                <p className="muted small" dir="ltr">
                  {d.version}
                </p>
              </td>
              <td>
                {d.subscriptionName ? <UserText text={d.subscriptionName} /> : <span className="muted">{t('alerts.removed_subscription')}</span>}
                <p className="muted small">{t(`alerts.channel_${d.channel}`)}</p>
              </td>
              <td>{formatNumber(language, d.attempts)}</td>
              <td>{d.last_error ? <code dir="ltr" className="clamp">{d.last_error}</code> : <span className="muted">{t('common.none')}</span>}</td>
              <td>{formatDateTime(language, d.dead_at)}</td>
              <td>
                <DeadLetterActions letter={d} busy={busy} onRetry={() => void act('retried', d)} onDiscard={() => void act('discarded', d)} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
