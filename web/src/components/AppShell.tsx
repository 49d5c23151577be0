/** The frame of every signed-in page: skip link, header with navigation, language and user, then the page. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../router.tsx';
import { cycleRights } from './cycle-rights.ts';
import { adminRights, useCaller, useSession } from '../session.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { useUnreadAlerts } from './useUnreadAlerts.ts';
import { formatNumber } from '../i18n/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { UserText } from './UserText.tsx';

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const { path } = useLocation();
  const current = to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The alerts entry: its unread count as a badge, said in full to assistive technology. */
function AlertsNavLink() {
  const { t } = useTranslation();
  const unread = useUnreadAlerts();
  return (
    <NavLink to="/alerts">
      {t('alerts.nav')}
      {unread !== undefined && unread > 0 && (
        <>
          {' '}
          <span className="nav-badge" aria-hidden="true">
            {formatNumber(currentLanguage(), unread)}
          </span>
          <span className="visually-hidden">{t('alerts.unread_count', { count: unread, formatted: formatNumber(currentLanguage(), unread) })}</span>
        </>
      )}
    </NavLink>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const caller = useCaller();
  const { signOut } = useSession();
  const rights = adminRights(caller);
  const cycle = cycleRights(caller.user.roles);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skip_to_content')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <span lang="ar" dir="rtl">ثقة</span> <span>Thiqa</span>
        </Link>
        <nav aria-label={t('shell.navigation')}>
          <ul>
            <li>
              <NavLink to="/">{t('nav.dashboard')}</NavLink>
            </li>
            <li>
              <NavLink to="/collections">{t('nav.collections')}</NavLink>
            </li>
            <li>
              <NavLink to="/import">{t('nav.import')}</NavLink>
            </li>
            <li>
              <NavLink to="/lookup">{t('lookup.nav')}</NavLink>
              <NavLink to="/incidents">{t('incidents.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/assessment">{t('assessment.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/gateway">{t('gateway.nav')}</NavLink>
            </li>
            <li>
              <AlertsNavLink />
            </li>
            {cycle.answer && (
              <li>
                <NavLink to="/cycle/questionnaires">{t('cycle.nav_questionnaires')}</NavLink>
              </li>
            )}
            {cycle.review && (
              <li>
                <NavLink to="/cycle/review">{t('cycle.nav_review')}</NavLink>
              </li>
            )}
            {cycle.manage && (
              <li>
                <NavLink to="/cycle/editions">{t('cycle.nav_editions')}</NavLink>
              </li>
            )}
            {(rights.platform || rights.organisation) && (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitcher />
          <span className="signed-in-as">
            {t('shell.signed_in_as')} <UserText text={caller.user.name} />
            {caller.organisation && (
              <>
                {' · '}
                <UserText text={caller.organisation.name} />
              </>
            )}
          </span>
          <button type="button" className="button-secondary" onClick={() => void signOut()}>
            {t('shell.sign_out')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
