/** The alert pages' own navigation: the inbox of notifications and the subscriptions (with their dead letters). */
import { useTranslation } from 'react-i18next';
import { alertPages } from '../../api/alert-types.ts';
import { Link, useLocation } from '../../router.tsx';

export function AlertTabs() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const tabs = [
    { to: alertPages.notifications, label: t('alerts.tab_notifications') },
    { to: alertPages.subscriptions, label: t('alerts.tab_subscriptions') },
  ];
  return (
    <nav className="tabs alert-tabs" aria-label={t('alerts.tabs_label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={path === tab.to ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
