/**
 * Administration, for the roles allowed it: organisations, users and their roles, communities and their
 * members, collections and who may use them, federation with other hubs, the dead letters of every alert
 * subscription. The server decides every request
 * again; these pages only leave out what the caller's roles cannot do.
 */
import { useTranslation } from 'react-i18next';
import { Link } from '../../router.tsx';
import { adminRights, useCaller } from '../../session.tsx';
import { CollectionsAdmin } from './CollectionsAdmin.tsx';
import { CommunitiesAdmin } from './CommunitiesAdmin.tsx';
import { DeadLettersAdmin } from './DeadLettersAdmin.tsx';
import { FederationAdmin } from './FederationAdmin.tsx';
import { OrganisationsAdmin } from './OrganisationsAdmin.tsx';
import { UsersAdmin } from './UsersAdmin.tsx';

const SECTIONS = ['organisations', 'users', 'communities', 'collections', 'federation', 'dead-letters'] as const;
type Section = (typeof SECTIONS)[number];

export function AdminPage({ section }: { section: string }) {
  const { t } = useTranslation();
  const rights = adminRights(useCaller());
  // An organisation administrator manages its organisation's users; the rest is the platform's.
  const allowed: readonly Section[] = rights.platform ? SECTIONS : rights.organisation ? ['users'] : [];
  const current: Section | undefined = allowed.find((s) => s === section) ?? allowed[0];
  return (
    <section>
      <h1 tabIndex={-1}>{t('admin.title')}</h1>
      {current === undefined ? (
        <p>{t('admin.not_allowed')}</p>
      ) : (
        <>
          <nav aria-label={t('admin.sections')} className="tabs">
            <ul>
              {allowed.map((s) => (
                <li key={s}>
                  <Link to={`/admin/${s}`} aria-current={s === current ? 'page' : undefined}>
                    {t(`admin.${s}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {current === 'organisations' && <OrganisationsAdmin />}
          {current === 'users' && <UsersAdmin />}
          {current === 'communities' && <CommunitiesAdmin />}
          {current === 'collections' && <CollectionsAdmin />}
          {current === 'federation' && <FederationAdmin />}
          {current === 'dead-letters' && <DeadLettersAdmin />}
        </>
      )}
    </section>
  );
}
