/**
 * The incidents of a collection the caller may read, a page at a time (the last stored change first, "more"
 * for the next page), with the report form where it may write.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { incidentPage, incidentsPath, type Incident, type IncidentList } from '../../api/incident-types.ts';
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

/** The pages after the first one `useApi` loads: their incidents, the next cursor, loading and failure. */
function useLaterPages(path: string | undefined, first: IncidentList | undefined) {
  const [later, setLater] = useState<{ incidents: Incident[]; next: string | null }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    setLater(undefined);
    setError(undefined);
  }, [path, first]);
  const next = later ? later.next : (first?.next ?? null);
  const handleMore = () => {
    if (path === undefined || next === null) return;
    setLoading(true);
    api<IncidentList>('GET', `${path}?next=${encodeURIComponent(next)}`)
      .then((page) => setLater((l) => ({ incidents: [...(l?.incidents ?? []), ...page.incidents], next: page.next })))
      .catch((caught: unknown) => setError(caught instanceof ApiError ? caught : new ApiError(0, 'http.network', String(caught))))
      .finally(() => setLoading(false));
  };
  return { incidents: later?.incidents ?? [], next, loading, error, handleMore };
}

export function IncidentsPage({ collection }: { collection: string | undefined }) {
  const { t } = useTranslation();
  const collections = useApi<{ collections: Collection[] }>('/collections');
  const readable = (collections.data?.collections ?? []).filter((c) => c.can_read);
  const chosen = readable.find((c) => c.id === collection) ?? readable[0];
  const path = chosen ? incidentsPath(chosen.id) : undefined;
  const first = useApi<IncidentList>(path);
  const later = useLaterPages(path, first.data);
  const shown = first.data ? [...first.data.incidents, ...later.incidents] : [];
  return (
    <section>
      <h1 tabIndex={-1}>{t('incidents.title')}</h1>
      <p className="muted">{t('incidents.intro')}</p>
      <ErrorNotice error={collections.error ?? first.error ?? later.error} />
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
      {first.data && shown.length === 0 && later.next === null && <p>{t('incidents.none')}</p>}
      {chosen && shown.length > 0 && (
        <DataTable label={t('incidents.title')} columns={[t('incidents.name'), t('incidents.state_label'), t('incidents.severity'), t('incidents.tlp'), t('incidents.modified')]}>
          {shown.map((incident) => (
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
      {first.data && later.next !== null && (
        <p>
          <button type="button" className="button-secondary" disabled={later.loading} onClick={later.handleMore}>
            {t('incidents.more')}
          </button>
        </p>
      )}
      {chosen?.can_write && <ReportIncidentForm collection={chosen.id} />}
    </section>
  );
}
