/** Organisations: the list, with countries named in the reader's language by the server's ICU, and a form to add one. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Organisation } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAction } from '../../components/useAction.ts';
import { useApi } from '../../components/useApi.ts';
import { useCountries } from '../../components/useCountries.ts';
import { UserText } from '../../components/UserText.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { DataTable } from '../../components/DataTable.tsx';

/** The organisation types and their subtypes (the server's `ORGANISATION_TYPES`; it checks them again). */
export const ORGANISATION_TYPES: Readonly<Record<string, readonly string[]>> = {
  'member-state': ['ministry', 'regulator', 'national-cirt', 'other'],
  'sector-member': ['operator', 'vendor', 'bank', 'other'],
  academia: [],
  associate: [],
  'regional-international': [],
};

function AddOrganisation({ countries, onAdded }: { countries: Map<string, string>; onAdded: () => void }) {
  const { t } = useTranslation();
  const empty = { name: '', type: 'member-state', subtype: '', country: '', sector: '' };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useAction(onAdded);
  const subtypes = ORGANISATION_TYPES[form.type] ?? [];
  const sorted = [...countries].sort(([, a], [, b]) => a.localeCompare(b, currentLanguage()));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(Object.entries(form).filter(([, value]) => value !== ''));
    if (await run(() => api('POST', '/organisations', body))) setForm(empty);
  };

  return (
    <form className="stacked-form card" onSubmit={(event) => void handleSubmit(event)}>
      <h3>{t('admin.add_organisation')}</h3>
      <Field label={t('admin.name')}>
        <input dir="auto" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label={t('admin.organisation_type')}>
        <select value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value, subtype: '' })}>
          {Object.keys(ORGANISATION_TYPES).map((type) => (
            <option key={type} value={type}>
              {t(`organisation_type.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      {subtypes.length > 0 && (
        <Field label={t('admin.organisation_subtype')}>
          <select value={form.subtype} onChange={(e) => setForm({ ...form, subtype: e.target.value })}>
            <option value="">{t('common.none')}</option>
            {subtypes.map((subtype) => (
              <option key={subtype} value={subtype}>
                {t(`organisation_subtype.${subtype}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('admin.country')}>
        <select value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value })}>
          <option value="">{t('common.none')}</option>
          {sorted.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.sector')} hint={t('admin.sector_hint')}>
        <input dir="ltr" value={form.sector} onChange={(e) => setForm({ ...form, sector: e.target.value })} />
      </Field>
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || !form.name}>
        {t('admin.add')}
      </button>
    </form>
  );
}

export function OrganisationsAdmin() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ organisations: Organisation[] }>('/organisations');
  const countries = useCountries();
  return (
    <section aria-labelledby="organisations-heading">
      <h2 id="organisations-heading">{t('admin.organisations')}</h2>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && (
        <DataTable label={t('admin.organisations')} columns={[t('admin.name'), t('admin.organisation_type'), t('admin.country'), t('admin.sector'), t('admin.identity')]}>
              {data.organisations.map((org) => (
                <tr key={org.id}>
                  <td>
                    <UserText text={org.name} />
                  </td>
                  <td>
                    {t(`organisation_type.${org.type}`, { defaultValue: org.type })}
                    {org.subtype && <span className="muted small"> · {t(`organisation_subtype.${org.subtype}`, { defaultValue: org.subtype })}</span>}
                  </td>
                  <td>{org.country ? (countries.get(org.country) ?? org.country) : '—'}</td>
                  <td>{org.sector ? <code dir="ltr">{org.sector}</code> : '—'}</td>
                  <td>
                    <code dir="ltr" className="small">
                      {org.identity_id}
                    </code>
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
      <AddOrganisation countries={countries} onAdded={reload} />
    </section>
  );
}
