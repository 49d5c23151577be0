/** The editions of the commitment index: each with its year and links to its results and its regional comparison. */
import { useTranslation } from 'react-i18next';
import type { Edition } from '../../../api/assessment.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { Link } from '../../../router.tsx';
import { regionsPath, resultsPath } from '../measures.ts';

export function EditionsPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useApi<{ editions: Edition[] }>('/assessment/editions');
  // Newest first: the latest results are what most readers come for.
  const editions = [...(data?.editions ?? [])].reverse();
  return (
    <section>
      <h1 tabIndex={-1}>{t('assessment.editions.title')}</h1>
      <p className="muted">{t('assessment.editions.intro')}</p>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && editions.length === 0 && <p>{t('assessment.editions.none')}</p>}
      {editions.length > 0 && (
        <DataTable label={t('assessment.editions.title')} columns={[t('assessment.editions.edition'), t('assessment.editions.year'), t('common.actions')]}>
          {editions.map((edition) => (
            <tr key={edition.id}>
              <td>
                <Link to={resultsPath(edition.name)}>
                  <UserText text={edition.name} />
                </Link>
              </td>
              <td>{edition.year ?? '—'}</td>
              <td className="actions">
                <Link to={resultsPath(edition.name)}>{t('assessment.editions.results')}</Link>
                <Link to={regionsPath(edition.name)}>{t('assessment.editions.regions')}</Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
