/** The Gateway's own navigation, above each of its pages: search, the gaps map, the agreements network, assistance matching, propose, and for moderators the queue and likely duplicates. */
import { useTranslation } from 'react-i18next';
import { gatewayPages } from '../../api/gateway-types.ts';
import { gatewayRights } from '../../components/gateway-rights.ts';
import { Link, useLocation } from '../../router.tsx';
import { useCaller } from '../../session.tsx';

export function GatewayTabs() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const rights = gatewayRights(useCaller().user);
  const tabs = [
    { to: gatewayPages.search, label: t('gateway.tab_search'), shown: true },
    { to: gatewayPages.gaps, label: t('gateway.tab_gaps'), shown: true },
    { to: gatewayPages.network, label: t('gateway.tab_network'), shown: true },
    { to: gatewayPages.matching(), label: t('gateway.tab_matching'), shown: true },
    { to: gatewayPages.propose(), label: t('gateway.tab_propose'), shown: rights.propose },
    { to: gatewayPages.moderation, label: t('gateway.tab_moderation'), shown: rights.moderate },
    { to: gatewayPages.duplicates, label: t('gateway.tab_duplicates'), shown: rights.moderate },
  ];
  return (
    <nav className="tabs gateway-tabs" aria-label={t('gateway.tabs_label')}>
      <ul>
        {tabs
          .filter((tab) => tab.shown)
          .map((tab) => (
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
