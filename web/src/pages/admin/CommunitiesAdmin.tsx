/** Communities: each with its TAXII API root and member organisations; add one, let organisations join or leave. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Community, CommunityWithMembers, Organisation } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAction } from '../../components/useAction.ts';
import { useApi } from '../../components/useApi.ts';
import { UserText } from '../../components/UserText.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { DataTable } from '../../components/DataTable.tsx';

function Members({ community, organisations, onChanged }: { community: Community; organisations: Organisation[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const detail = useApi<CommunityWithMembers>(`/communities/${encodeURIComponent(community.id)}`);
  const reload = () => {
    detail.reload();
    onChanged();
  };
  const { busy, error, run } = useAction(reload);
  const [joining, setJoining] = useState('');
  const names = new Map(organisations.map((org) => [org.id, org.name]));
  const members = detail.data?.members ?? [];
  const outside = organisations.filter((org) => !members.some((m) => m.organisation_id === org.id));
  const membership = (org: string) => `/communities/${encodeURIComponent(community.id)}/members/${encodeURIComponent(org)}`;
  return (
    <div className="card">
      <h3>{t('admin.members_of', { community: community.name })}</h3>
      {detail.loading && !detail.data && <Loading />}
      <ErrorNotice error={detail.error ?? error} />
      {members.length === 0 && detail.data && <p className="muted">{t('admin.no_members')}</p>}
      <ul className="member-list">
        {members.map((m) => (
          <li key={m.organisation_id}>
            <UserText text={names.get(m.organisation_id) ?? m.organisation_id} />{' '}
            <span className="muted small">{t('admin.joined', { date: formatDateTime(language, m.joined_at) })}</span>{' '}
            <button type="button" className="button-secondary" disabled={busy} onClick={() => void run(() => api('DELETE', membership(m.organisation_id)))}>
              {t('admin.leave')}
            </button>
          </li>
        ))}
      </ul>
      {outside.length > 0 && (
        <div className="inline-form">
          <Field label={t('admin.add_member')}>
            <select value={joining} onChange={(e) => setJoining(e.target.value)}>
              <option value="">{t('admin.choose_organisation')}</option>
              {outside.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </Field>
          <button type="button" disabled={busy || !joining} onClick={() => void run(() => api('PUT', membership(joining))).then(() => setJoining(''))}>
            {t('admin.join')}
          </button>
        </div>
      )}
      <p className="muted small">{t('admin.member_count', { count: members.length, formatted: formatNumber(language, members.length) })}</p>
    </div>
  );
}

export function CommunitiesAdmin() {
  const { t } = useTranslation();
  const communities = useApi<{ communities: Community[] }>('/communities');
  const organisations = useApi<{ organisations: Organisation[] }>('/organisations');
  const [selected, setSelected] = useState<string>();
  const [form, setForm] = useState({ name: '', description: '' });
  const { busy, error, run } = useAction(communities.reload);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.description ? form : { name: form.name };
    if (await run(() => api('POST', '/communities', body))) setForm({ name: '', description: '' });
  };
  const community = communities.data?.communities.find((c) => c.id === selected);
  return (
    <section aria-labelledby="communities-heading">
      <h2 id="communities-heading">{t('admin.communities')}</h2>
      <ErrorNotice error={communities.error} />
      {communities.loading && !communities.data && <Loading />}
      {communities.data && (
        <DataTable label={t('admin.communities')} columns={[t('admin.name'), t('collections.api_root'), t('admin.members'), t('common.actions')]}>
              {communities.data.communities.map((c) => (
                <tr key={c.id}>
                  <td>
                    <UserText text={c.name} />
                    <UserText text={c.description} block className="muted small" />
                  </td>
                  <td>
                    <code dir="ltr">/{c.api_root}/</code>
                  </td>
                  <td>{formatNumber(currentLanguage(), c.members ?? 0)}</td>
                  <td>
                    <button type="button" className="button-secondary" aria-pressed={selected === c.id} onClick={() => setSelected(selected === c.id ? undefined : c.id)}>
                      {t('admin.manage_members')}
                    </button>
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
      {community && <Members key={community.id} community={community} organisations={organisations.data?.organisations ?? []} onChanged={communities.reload} />}
      <form className="stacked-form card" onSubmit={(event) => void handleSubmit(event)}>
        <h3>{t('admin.add_community')}</h3>
        <Field label={t('admin.name')} hint={t('admin.community_name_hint')}>
          <input dir="auto" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label={t('admin.description')}>
          <textarea dir="auto" maxLength={1000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        </Field>
        <ErrorNotice error={error} />
        <button type="submit" disabled={busy || !form.name}>
          {t('admin.add')}
        </button>
      </form>
    </section>
  );
}
