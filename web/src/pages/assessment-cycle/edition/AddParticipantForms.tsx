/**
 * Adds a country to an open edition: invite its focal point, chosen among the users the server says may be
 * one (GET /assessment/focal-point-candidates: the focal-point role in a member-state organisation of that
 * country, the only ones it accepts), or have the team assess it from public evidence.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { cyclePaths, type PersonRef } from '../../../api/cycle-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useAction } from '../../../components/useAction.ts';
import { useApi } from '../../../components/useApi.ts';
import { isolate } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';

function CountrySelect({ value, onChange, options }: { value: string; onChange: (code: string) => void; options: [string, string][] }) {
  const { t } = useTranslation();
  return (
    <select required value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('cycle.choose_country')}</option>
      {options.map(([code, name]) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </select>
  );
}

function InviteFocalPoint({ edition, options, onAdded }: { edition: string; options: [string, string][]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [country, setCountry] = useState('');
  const [user, setUser] = useState('');
  const candidates = useApi<{ users: PersonRef[] }>(country ? cyclePaths.focalPointCandidates(country) : undefined);
  const { busy, error, run } = useAction(onAdded);
  // The list of the country chosen (never the one before, while the new one loads).
  const users = country && !candidates.loading && !candidates.error ? (candidates.data?.users ?? []) : undefined;
  const countryName = options.find(([code]) => code === country)?.[1] ?? country;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api('POST', cyclePaths.participants(edition), { country, user }))) {
      setCountry('');
      setUser('');
    }
  };

  return (
    <form className="stacked-form card" onSubmit={(event) => void handleSubmit(event)} aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('cycle.invite_title')}</h3>
      <p className="muted small">{t('cycle.invite_intro')}</p>
      <Field label={t('cycle.country')}>
        <CountrySelect
          value={country}
          options={options}
          onChange={(code) => {
            setCountry(code);
            setUser('');
          }}
        />
      </Field>
      <Field label={t('cycle.focal_point')}>
        <select className="focal-point-select" required value={user} onChange={(e) => setUser(e.target.value)} disabled={!users || users.length === 0}>
          <option value="">{country ? t('cycle.choose_focal_point') : t('cycle.choose_country_first')}</option>
          {(users ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      {country && candidates.loading && <Loading />}
      <ErrorNotice error={candidates.error} />
      {users && users.length === 0 && (
        <p className="notice notice-warning no-focal-point" role="status">
          {t('cycle.no_focal_point', { country: isolate(countryName) })}
        </p>
      )}
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || !country || !user}>
        {t('cycle.invite')}
      </button>
    </form>
  );
}

function AssessFromEvidence({ edition, options, onAdded }: { edition: string; options: [string, string][]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [country, setCountry] = useState('');
  const { busy, error, run } = useAction(onAdded);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api('POST', cyclePaths.participants(edition), { country }))) setCountry('');
  };
  return (
    <form className="stacked-form card" onSubmit={(event) => void handleSubmit(event)} aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">{t('cycle.public_evidence_title')}</h3>
      <p className="muted small">{t('cycle.public_evidence_intro')}</p>
      <Field label={t('cycle.country')}>
        <CountrySelect value={country} options={options} onChange={setCountry} />
      </Field>
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || !country}>
        {t('cycle.public_evidence_submit')}
      </button>
    </form>
  );
}

export function AddParticipantForms({
  edition,
  taken,
  countries,
  onAdded,
}: {
  edition: string;
  taken: ReadonlySet<string>;
  countries: ReadonlyMap<string, string>;
  onAdded: () => void;
}) {
  const language = currentLanguage();
  const options = [...countries].filter(([code]) => !taken.has(code)).sort(([, a], [, b]) => a.localeCompare(b, language));
  return (
    <div className="cards">
      <InviteFocalPoint edition={edition} options={options} onAdded={onAdded} />
      <AssessFromEvidence edition={edition} options={options} onAdded={onAdded} />
    </div>
  );
}
