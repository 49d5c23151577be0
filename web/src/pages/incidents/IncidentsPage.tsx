/** The incidents of a collection the caller may read, with the report form where it may write. */
import { useTranslation } from 'react-i18next';
import { incidentPage, incidentsPath, type Incident } from '../../api/incident-types.ts';
import type { Collection } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useApi } from '../../components/useApi.ts';
import { UserText } from '../../components/UserText.tsx';
import { Link, navigate } from '../../router.tsx';
import { ReportIncidentForm } from './ReportIncidentForm.tsx';

export function IncidentsPage({ collection }: { collection: string | undefined }) {
  const { t } = useTranslation();
  const collections = useApi<{ collections: Collection[] }>('/collections');
  const readable = (collections.data?.collections ?? []).filter((c) => c.can_read);
  const chosen = readable.find((c) => c.id === collection) ?? readable[0];
  const incidents = useApi<{ incidents: Incident[] }>(chosen ? incidentsPath(chosen.id) : undefined);
  return (
    <section>
      <h1 tabIndex={-1}>{t('incidents.title')}</h1>
      <p className="muted">{t('incidents.intro')}</p>
      <ErrorNotice error={collections.error ?? incidents.error} />
      {collections.loading && !collections.data && <Loading />}
      {collections.data && readable.length === 0 && <p>{t('incidents.no_collection')}</p>}
      {chosen && (
        <Field label={t('incidents.collection')}>
          <select value={chosen.id} onChange={(e) => navigate(`/incidents?collection=${encodeURIComponent(e.target.value)}`)}>
            {readable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </Field>
      )}
      {incidents.data && incidents.data.incidents.length === 0 && <p>{t('incidents.none')}</p>}
      {chosen && incidents.data && incidents.data.incidents.length > 0 && (
        <DataTable label={t('incidents.title')} columns={[t('incidents.name'), t('incidents.state_label'), t('incidents.severity'), t('incidents.tlp'), t('incidents.modified')]}>
          {incidents.data.incidents.map((incident) => (
            <tr key={incident.id}>
              <td>
                <Link to={incidentPage(chosen.id, incident.id)}>
                  <UserText text={incident.name} />
                </Link>
                {incident.major && <strong className="badge"> {t('incidents.major')}</strong>}
              </td>
              <td>{t(`incidents.state.${incident.state}`)}</td>
              <td>{incident.severity ? t(`incidents.severity_level.${incident.severity}`) : '—'}</td>
              <td>
                <TlpBadge tlp={incident.tlp} />
              </td>
              <td>
                <time dir="ltr" dateTime={incident.modified ?? undefined}>{incident.modified}</time>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {chosen?.can_write && <ReportIncidentForm collection={chosen.id} />}
    </section>
  );
}
