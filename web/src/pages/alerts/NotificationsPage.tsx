/**
 * The alerts inbox: the signed-in user's in-app notifications, newest first, each naming the object (a link
 * to its page), the subscription it matched and what that subscription watches, and when; unread ones are
 * marked, and can be marked read one by one or all at once. The badge in the navigation hears of each change.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { alertPages, alertPaths, type AlertNotification, type AlertSubscription } from '../../api/alert-types.ts';
import { api } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { objectPath } from '../../components/ObjectLink.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useAction } from '../../components/useAction.ts';
import { useApi } from '../../components/useApi.ts';
import { alertsChanged } from '../../components/useUnreadAlerts.ts';
import { UserText } from '../../components/UserText.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { Link } from '../../router.tsx';
import { AlertTabs } from './AlertTabs.tsx';
import { filterTexts } from './subscription-text.ts';
import { useFilterNames } from './useFilterNames.ts';

function Why({ subscription, names }: { subscription: AlertSubscription | undefined; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (!subscription) return <span className="muted">{t('alerts.removed_subscription')}</span>;
  return (
    <>
      <UserText text={subscription.name} />
      <p className="muted small">{filterTexts(t, currentLanguage(), subscription, names).join(' · ')}</p>
    </>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const notifications = useApi<{ notifications: AlertNotification[] }>(alertPaths.notifications);
  const subscriptions = useApi<{ subscriptions: AlertSubscription[] }>(alertPaths.subscriptions);
  const reload = notifications.reload;
  const onDone = useCallback(() => {
    reload();
    alertsChanged();
  }, [reload]);
  const { busy, error, run } = useAction(onDone);
  const list = notifications.data?.notifications ?? [];
  const unread = list.filter((n) => n.read_at === null);
  const { names } = useFilterNames();
  const byId = new Map((subscriptions.data?.subscriptions ?? []).map((s) => [s.id, s]));
  const markAll = () => run(() => api('POST', alertPaths.markAllRead));

  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title" tabIndex={-1}>
        {t('alerts.notifications_title')}
      </h1>
      <AlertTabs />
      <ErrorNotice error={notifications.error ?? error} />
      {notifications.loading && !notifications.data && <Loading />}
      {notifications.data && list.length === 0 && (
        <p className="muted">
          {t('alerts.no_notifications')} <Link to={alertPages.subscriptions}>{t('alerts.go_subscribe')}</Link>
        </p>
      )}
      {list.length > 0 && (
        <>
          <div className="toolbar alert-toolbar">
            <p className="summary-line">{t('alerts.unread_count', { count: unread.length, formatted: formatNumber(language, unread.length) })}</p>
            <button type="button" className="button-secondary" disabled={busy || unread.length === 0} onClick={() => void markAll()}>
              {t('alerts.mark_all_read')}
            </button>
          </div>
          <DataTable label={t('alerts.notifications_title')} columns={[t('alerts.object'), t('alerts.why'), t('alerts.when'), t('common.actions')]} tableClassName="notification-table">
            {list.map((n) => (
              <tr key={n.id} className={n.read_at === null ? 'notification-unread' : undefined}>
                <td>
                  {n.read_at === null && <span className="status-badge status-open">{t('alerts.unread')}</span>}{' '}
                  <Link to={objectPath(n.alert.collection, n.alert.id)}>{n.alert.name ? <UserText text={n.alert.name} /> : <code dir="ltr">{n.alert.id}</code>}</Link>
                  <p className="small">
                    <code dir="ltr">{n.alert.type}</code> <TlpBadge tlp={n.alert.tlp} />
                  </p>
                </td>
                <td>
                  <Why subscription={byId.get(n.subscription)} names={names} />
                </td>
                <td>{formatDateTime(language, n.created_at)}</td>
                <td>
                  {n.read_at === null ? (
                    <button type="button" className="button-secondary" disabled={busy} onClick={() => void run(() => api('POST', alertPaths.markRead(n.id)))}>
                      {t('alerts.mark_read')}
                    </button>
                  ) : (
                    <span className="muted small">{t('alerts.read_at', { when: formatDateTime(language, n.read_at) })}</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
