/**
 * Editions run as a cycle: the list (open, finalised and published ones the caller may see), and, for the
 * assessment team, a form to open a new edition of a framework.
 */
import { useTranslation } from 'react-i18next';
import { cyclePages, cyclePaths, type CycleEdition } from '../../../api/cycle-types.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { Link } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { EDITION_STATUS } from '../cycle-labels.ts';
import { formatDay } from '../cycle-dates.ts';
import { StatusBadge } from '../cycle-parts.tsx';
import { cycleRights } from '../../../components/cycle-rights.ts';
import { OpenEditionForm } from './OpenEditionForm.tsx';

export function EditionsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rights = cycleRights(useCaller().user.roles);
  const editions = useApi<{ editions: CycleEdition[] }>(cyclePaths.editions);
  const cycles = (editions.data?.editions ?? []).filter((e) => e.kind === 'cycle');
  return (
    <section>
      <h1 tabIndex={-1}>{t('cycle.editions_title')}</h1>
      <p className="muted">{t('cycle.editions_intro')}</p>
      <ErrorNotice error={editions.error} />
      {editions.loading && !editions.data && <Loading />}
      {editions.data && cycles.length === 0 && <p>{t('cycle.editions_none')}</p>}
      {cycles.length > 0 && (
        <DataTable
          label={t('cycle.editions_title')}
          columns={[t('cycle.edition_name'), t('cycle.framework'), t('cycle.status'), t('cycle.answers_due'), t('cycle.review_due')]}
        >
          {cycles.map((edition) => (
            <tr key={edition.id}>
              <td>
                <Link to={cyclePages.edition(edition.name)}>
                  <UserText text={edition.name} />
                </Link>
              </td>
              <td>{edition.framework && <code dir="ltr">{`${edition.framework.id} ${edition.framework.version}`}</code>}</td>
              <td>
                <StatusBadge status={edition.status} label={t(EDITION_STATUS[edition.status])} />
              </td>
              <td>{edition.answers_due ? formatDay(language, edition.answers_due) : '—'}</td>
              <td>{edition.review_due ? formatDay(language, edition.review_due) : '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {rights.manage && <OpenEditionForm onOpened={editions.reload} />}
    </section>
  );
}
