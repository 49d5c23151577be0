/**
 * Adds a country to an open edition: invite its focal point (a user with the focal-point role in a
 * member-state organisation of that country, the only one the server accepts), or have the team assess it
 * from public evidence. Users are listed from GET /users; a caller who may not list them types the user's id.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { cyclePaths } from '../../../api/cycle-types.ts';
import type { Organisation, User } from '../../../api/types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { useAction } from '../../../components/useAction.ts';
import { useApi } from '../../../components/useApi.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { focalPointsOf } from './focal-points.ts';

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
  const users = useApi<{ users: User[] }>('/users');
  const organisations = useApi<{ organisations: Organisation[] }>('/organisations');
  const [country, setCountry] = useState('');
  const [user, setUser] = useState('');
  const { busy, error, run } = useAction(onAdded);
  const mayList = !users.error;
  const candidates = country ? focalPointsOf(country, users.data?.users ?? [], organisations.data?.organisations ?? []) : [];
  const names = new Map((organisations.data?.organisations ?? []).map((o) => [o.id, o.name]));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api('POST', cyclePaths.participants(edition), { country, user: user.trim() }))) {
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
      {mayList ? (
        <Field label={t('cycle.focal_point')}>
          <select required value={user} onChange={(e) => setUser(e.target.value)} disabled={!country || candidates.length === 0}>
            <option value="">{t('cycle.choose_focal_point')}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.organisation_id && names.get(u.organisation_id) ? ` — ${names.get(u.organisation_id)}` : ''}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <Field label={t('cycle.focal_point_id')} hint={t('cycle.focal_point_id_hint')}>
          <input dir="ltr" required autoComplete="off" value={user} onChange={(e) => setUser(e.target.value)} />
        </Field>
      )}
      {mayList && country && users.data && organisations.data && candidates.length === 0 && <p className="muted small">{t('cycle.no_focal_point')}</p>}
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || !country || !user.trim()}>
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
