/**
 * The report form: an incident for the caller's organisation, in the collection chosen, with what REST takes
 * (severity, TLP, the extension's incident types and detection methods, sectors of the STIX vocabulary,
 * countries, organisations it is also shared with, indicators and sightings it links, the major flag); the
 * server checks it and names what it refuses.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { DETECTION_METHODS, INCIDENT_TYPES, incidentPage, incidentsPath, SECTORS, SEVERITIES, type Incident } from '../../api/incident-types.ts';
import { TLP_NAMES, type Organisation } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { useAction } from '../../components/useAction.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useApi } from '../../components/useApi.ts';
import { useCountries } from '../../components/useCountries.ts';
import { navigate } from '../../router.tsx';
import { CheckboxesControl, PickerControl } from '../gateway/form/ListControls.tsx';

const some = (values: string[]) => (values.length ? values : undefined);

export function ReportIncidentForm({ collection }: { collection: string }) {
  const { t } = useTranslation();
  const ids = { sectors: useId(), sectorsHint: useId(), countries: useId(), countriesHint: useId(), recipients: useId(), recipientsHint: useId() };
  const countryNames = useCountries();
  const organisations = useApi<{ organisations: Organisation[] }>('/organisations');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState('');
  const [tlp, setTlp] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [methods, setMethods] = useState<string[]>([]);
  const [sectors, setSectors] = useState<string[]>([]);
  const [countries, setCountries] = useState<string[]>([]);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [links, setLinks] = useState('');
  const [major, setMajor] = useState(false);
  const { busy, error, run } = useAction();
  const refused = (field: string) => error?.params.field === field || undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = {
        name,
        description: description.trim() || undefined,
        severity: severity || undefined,
        tlp: tlp || undefined,
        incident_types: some(types),
        detection_methods: some(methods),
        sectors: some(sectors),
        countries: some(countries),
        recipients: some(recipients),
        links: some(links.split(/[\s,]+/).filter((v) => v !== '')),
        major,
      };
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
      <fieldset className="field">
        <legend>{t('incidents.incident_types')}</legend>
        <CheckboxesControl name="incident_types" options={INCIDENT_TYPES.map((value) => ({ value, label: t(`incidents.incident_type.${value}`) }))} value={types} invalid={refused('incident_types') ?? false} describedBy={undefined} onChange={setTypes} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('incidents.detection_methods')}</legend>
        <CheckboxesControl name="detection_methods" options={DETECTION_METHODS.map((value) => ({ value, label: t(`incidents.detection_method.${value}`) }))} value={methods} invalid={refused('detection_methods') ?? false} describedBy={undefined} onChange={setMethods} />
      </fieldset>
      <div className="field">
        <label htmlFor={ids.sectors}>{t('incidents.sectors')}</label>
        <PickerControl
          id={ids.sectors}
          name="sectors"
          options={SECTORS.map((value) => ({ value, label: t(`incidents.sector.${value}`) })).sort((a, b) => a.label.localeCompare(b.label, currentLanguage()))}
          value={sectors}
          invalid={refused('sectors') ?? false}
          describedBy={ids.sectorsHint}
          onChange={setSectors}
        />
        <p id={ids.sectorsHint} className="muted small">
          {t('incidents.sectors_hint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.countries}>{t('incidents.countries')}</label>
        <PickerControl
          id={ids.countries}
          name="countries"
          options={[...countryNames].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, currentLanguage()))}
          value={countries}
          invalid={refused('countries') ?? false}
          describedBy={ids.countriesHint}
          onChange={setCountries}
        />
        <p id={ids.countriesHint} className="muted small">
          {t('incidents.countries_hint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.recipients}>{t('incidents.recipients')}</label>
        <PickerControl
          id={ids.recipients}
          name="recipients"
          options={(organisations.data?.organisations ?? []).map((o) => ({ value: o.identity_id, label: o.name }))}
          value={recipients}
          invalid={refused('recipients') ?? false}
          describedBy={ids.recipientsHint}
          onChange={setRecipients}
        />
        <p id={ids.recipientsHint} className="muted small">
          {t('incidents.recipients_hint')}
        </p>
      </div>
      <Field label={t('incidents.links')} hint={t('incidents.links_hint')}>
        <textarea value={links} onChange={(e) => setLinks(e.target.value)} rows={2} dir="ltr" aria-invalid={refused('links')} />
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
