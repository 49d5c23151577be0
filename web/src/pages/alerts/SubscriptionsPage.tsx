/**
 * The signed-in user's alert subscriptions: each with its channel, what it watches and a removal in two
 * steps; the form for a new one; and the dead letters of their webhook and e-mail subscriptions (deliveries
 * given up after every retry failed: what, why, how many attempts), each sent back to the queue or discarded.
 * This page shows each user their own, administrators included; the hub's are under Administration.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertPaths, type AlertDeadLetter, type AlertSubscription } from '../../api/alert-types.ts';
import { api } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAction } from '../../components/useAction.ts';
import { useApi } from '../../components/useApi.ts';
import { UserText } from '../../components/UserText.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { AlertTabs } from './AlertTabs.tsx';
import { DeadLetterTable } from './DeadLetterTable.tsx';
import { SubscriptionForm } from './SubscriptionForm.tsx';
import { filterTexts } from './subscription-text.ts';
import { useFilterNames } from './useFilterNames.ts';

function RemoveSubscription({ subscription, busy, onRemove }: { subscription: AlertSubscription; busy: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button-secondary" disabled={busy} onClick={() => setAsking(true)}>
        {t('alerts.remove')}
      </button>
    );
  }
  const confirm = t('alerts.remove_confirm', { name: `\u2068${subscription.name}\u2069` });
  return (
    <span className="inline-actions" role="group" aria-label={confirm}>
      <span className="small">{confirm}</span>{' '}
      <button type="button" className="button-danger" disabled={busy} onClick={onRemove}>
        {t('alerts.remove_yes')}
      </button>{' '}
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
        {t('alerts.cancel')}
      </button>
    </span>
  );
}

function SubscriptionList({ subscriptions, names, onChanged }: { subscriptions: AlertSubscription[]; names: ReadonlyMap<string, string>; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { busy, error, run } = useAction(onChanged);
  return (
    <section aria-labelledby="alerts-subscriptions">
      <h2 id="alerts-subscriptions">{t('alerts.your_subscriptions')}</h2>
      <ErrorNotice error={error} />
      {subscriptions.length === 0 ? (
        <p className="muted">{t('alerts.no_subscriptions')}</p>
      ) : (
        <DataTable label={t('alerts.your_subscriptions')} columns={[t('alerts.name'), t('alerts.channel'), t('alerts.watches'), t('alerts.created'), t('common.actions')]} tableClassName="subscription-table">
          {subscriptions.map((s) => (
            <tr key={s.id}>
              <td>
                <UserText text={s.name} />
              </td>
              <td>
                {t(`alerts.channel_${s.channel}`)}
                {s.target && (
                  <p className="small">
                    <code dir="ltr">{s.target}</code>
                  </p>
                )}
                {s.digest && <p className="muted small">{t('alerts.daily_digest')}</p>}
              </td>
              <td>
                <ul className="value-list small">
                  {filterTexts(t, language, s, names).map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </td>
              <td>{formatDateTime(language, s.created_at)}</td>
              <td>
                <RemoveSubscription subscription={s} busy={busy} onRemove={() => void run(() => api('DELETE', alertPaths.subscription(s.id)))} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function DeadLetters({ subscriptions }: { subscriptions: Map<string, AlertSubscription> }) {
  const { t } = useTranslation();
  const dead = useApi<{ dead_letters: AlertDeadLetter[] }>(alertPaths.deadLetters);
  const list = dead.data?.dead_letters ?? [];
  return (
    <section aria-labelledby="alerts-dead">
      <h2 id="alerts-dead">{t('alerts.dead_letters')}</h2>
      <p className="muted small">{t('alerts.dead_letters_hint')}</p>
      <ErrorNotice error={dead.error} />
      {dead.data && list.length === 0 && <p className="muted">{t('alerts.no_dead_letters')}</p>}
      {dead.data && <DeadLetterTable letters={list.map((d) => ({ ...d, subscriptionName: subscriptions.get(d.subscription)?.name ?? null }))} onChanged={dead.reload} />}
    </section>
  );
}

export function SubscriptionsPage() {
  const { t } = useTranslation();
  const subscriptions = useApi<{ subscriptions: AlertSubscription[] }>(alertPaths.subscriptions);
  const { collections, communities, names } = useFilterNames();
  const list = subscriptions.data?.subscriptions ?? [];
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title" tabIndex={-1}>
        {t('alerts.subscriptions_title')}
      </h1>
      <AlertTabs />
      <ErrorNotice error={subscriptions.error} />
      {subscriptions.loading && !subscriptions.data ? <Loading /> : <SubscriptionList subscriptions={list} names={names} onChanged={subscriptions.reload} />}
      <SubscriptionForm collections={collections} communities={communities} onCreated={subscriptions.reload} />
      <DeadLetters subscriptions={new Map(list.map((s) => [s.id, s]))} />
    </section>
  );
}
