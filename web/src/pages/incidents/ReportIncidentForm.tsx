/** The report form: an incident for the caller's organisation, in the collection chosen; the server checks it. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { incidentPage, incidentsPath, SEVERITIES, type Incident } from '../../api/incident-types.ts';
import { TLP_NAMES } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { useAction } from '../../components/useAction.ts';
import { navigate } from '../../router.tsx';

/** The values of a comma- or space-separated text field; undefined for none. */
export function listOf(text: string, upper = false): string[] | undefined {
  const values = text.split(/[\s,]+/).map((v) => (upper ? v.toUpperCase() : v.toLowerCase())).filter((v) => v !== '');
  return values.length ? values : undefined;
}

export function ReportIncidentForm({ collection }: { collection: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState('');
  const [tlp, setTlp] = useState('');
  const [sectors, setSectors] = useState('');
  const [countries, setCountries] = useState('');
  const [major, setMajor] = useState(false);
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = { name, description: description.trim() || undefined, severity: severity || undefined, tlp: tlp || undefined, sectors: listOf(sectors), countries: listOf(countries, true), major };
      const answer = await api<{ incident: Incident }>('POST', incidentsPath(collection), body);
      navigate(incidentPage(collection, answer.incident.id));
    });
  };

  return (
    <form onSubmit={submit} className="stack" aria-label={t('incidents.report_title')}>
      <h2>{t('incidents.report_title')}</h2>
      <Field label={t('incidents.name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </Field>
      <Field label={t('incidents.description')}>
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={4} />
      </Field>
      <Field label={t('incidents.severity')}>
        <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
          <option value="">{t('incidents.severity_none')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`incidents.severity_level.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('incidents.tlp')}>
        <select value={tlp} onChange={(e) => setTlp(e.target.value)}>
          <option value="">{t('incidents.tlp_default')}</option>
          {TLP_NAMES.map((level) => (
            <option key={level} value={level}>
              TLP:{level.toUpperCase()}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('incidents.sectors')} hint={t('incidents.sectors_hint')}>
        <input value={sectors} onChange={(e) => setSectors(e.target.value)} dir="ltr" />
      </Field>
      <Field label={t('incidents.countries')} hint={t('incidents.countries_hint')}>
        <input value={countries} onChange={(e) => setCountries(e.target.value)} dir="ltr" />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={major} onChange={(e) => setMajor(e.target.checked)} /> {t('incidents.major_report')}
      </label>
      <ErrorNotice error={error} />
      <p>
        <button type="submit" disabled={busy}>
          {t('incidents.report')}
        </button>
      </p>
    </form>
  );
}
