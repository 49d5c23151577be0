/**
 * One incident: its fields, the workflow's buttons (the states it may move to; the server says whether the
 * caller may), the major flag, its history, notes (with a form to add one) and linked indicators and
 * sightings (with a form to link one by its STIX id).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { incidentsPath, type IncidentDetail } from '../../api/incident-types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useAction } from '../../components/useAction.ts';
import { useApi } from '../../components/useApi.ts';
import { useCountries } from '../../components/useCountries.ts';
import { UserText } from '../../components/UserText.tsx';
import { formatList } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { Link } from '../../router.tsx';

export function IncidentPage({ collection, id }: { collection: string; id: string }) {
  const { t } = useTranslation();
  const path = incidentsPath(collection, id);
  const { data, error, loading, reload } = useApi<IncidentDetail>(path);
  // A value from another tool, outside the vocabulary, shows as it is stored.
  const labels = (values: string[], vocabulary: 'incident_type' | 'detection_method' | 'sector') =>
    formatList(currentLanguage(), values.map((value) => t(`incidents.${vocabulary}.${value}`, { defaultValue: value }))) || '—';
  const countryNames = useCountries();
  const action = useAction(reload);
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const addNote = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await api('POST', `${path}/notes`, { content: note });
      setNote('');
    });
  };
  const addLink = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await api('POST', `${path}/links`, { ref: link.trim() });
      setLink('');
    });
  };
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} />;
  const { incident } = data;
  return (
    <section>
      <p>
        <Link to={`/incidents?collection=${encodeURIComponent(collection)}`}>{t('incidents.back')}</Link>
      </p>
      <h1 tabIndex={-1}>
        <UserText text={incident.name} />
      </h1>
      <p>
        <TlpBadge tlp={incident.tlp} /> <strong>{t(`incidents.state.${incident.state}`)}</strong>
        {incident.major && <> · <strong className="badge">{t('incidents.major')}</strong></>}
      </p>
      <UserText text={incident.description} block />
      <dl className="facts">
        <dt>{t('incidents.severity')}</dt>
        <dd>{incident.severity ? t(`incidents.severity_level.${incident.severity}`) : '—'}</dd>
        <dt>{t('incidents.determination')}</dt>
        <dd>
          <bdi dir="ltr">{incident.determination ?? '—'}</bdi>
        </dd>
        <dt>{t('incidents.incident_types')}</dt>
        <dd>{labels(incident.incident_types.filter((type) => type !== 'major'), 'incident_type')}</dd>
        <dt>{t('incidents.detection_methods')}</dt>
        <dd>{labels(incident.detection_methods, 'detection_method')}</dd>
        <dt>{t('incidents.sectors')}</dt>
        <dd>{labels(incident.sectors, 'sector')}</dd>
        <dt>{t('incidents.countries')}</dt>
        <dd>{formatList(currentLanguage(), incident.countries.map((code) => countryNames.get(code) ?? code)) || '—'}</dd>
      </dl>
      <ErrorNotice error={action.error} />
      <div className="actions" role="group" aria-label={t('incidents.workflow')}>
        {incident.next_states.map((state) => (
          <button key={state} type="button" disabled={action.busy} onClick={() => void action.run(() => api('PUT', `${path}/state`, { state }))}>
            {t(`incidents.move.${state}`)}
          </button>
        ))}
        <button type="button" disabled={action.busy} onClick={() => void action.run(() => api('PUT', `${path}/major`, { major: !incident.major }))}>
          {t(incident.major ? 'incidents.unmark_major' : 'incidents.mark_major')}
        </button>
      </div>
      <h2>{t('incidents.history')}</h2>
      <ol>
        {data.history.map((h, i) => (
          <li key={i}>
            <time dir="ltr">{h.version}</time> {t(`incidents.state.${h.state}`)}
            {h.major && ` (${t('incidents.major')})`}
          </li>
        ))}
      </ol>
      <h2>{t('incidents.indicators')}</h2>
      {data.indicators.length === 0 && incident.sighting_refs.length === 0 && <p className="muted">{t('incidents.no_links')}</p>}
      <ul>
        {[...data.indicators.map((l) => l.indicator), ...incident.sighting_refs].map((ref) =>
          ref === null ? null : (
            <li key={ref}>
              <Link to={`/collections/${encodeURIComponent(collection)}/objects/${encodeURIComponent(ref)}`}>
                <code dir="ltr">{ref}</code>
              </Link>
            </li>
          ),
        )}
      </ul>
      <form onSubmit={addLink} aria-label={t('incidents.add_link')} className="inline-form">
        <Field label={t('incidents.link')}>
          <input value={link} onChange={(e) => setLink(e.target.value)} dir="ltr" required aria-invalid={action.error?.code === 'incident.invalid_link' || undefined} />
        </Field>
        <button type="submit" disabled={action.busy}>
          {t('incidents.add_link')}
        </button>
      </form>
      <h2>{t('incidents.notes')}</h2>
      {data.notes.length === 0 && <p className="muted">{t('incidents.no_notes')}</p>}
      <ul>
        {data.notes.map((n) => (
          <li key={n.id}>
            <time dir="ltr">{n.created}</time> <UserText text={n.content} />
          </li>
        ))}
      </ul>
      <form onSubmit={addNote} aria-label={t('incidents.add_note')}>
        <Field label={t('incidents.note')}>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} required />
        </Field>
        <button type="submit" disabled={action.busy}>
          {t('incidents.add_note')}
        </button>
      </form>
    </section>
  );
}
