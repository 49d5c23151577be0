/** Users: who they are, their organisation and roles; add a user, give or take a role, disable or re-enable. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Organisation, Role, User } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAction } from '../../components/useAction.ts';
import { useApi } from '../../components/useApi.ts';
import { UserText } from '../../components/UserText.tsx';
import { DataTable } from '../../components/DataTable.tsx';

const userPath = (name: string) => `/users/${encodeURIComponent(name)}`;

function AddUser({ roles, organisations, onAdded }: { roles: Role[]; organisations: Organisation[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const empty = { name: '', password: '', organisation: '', roles: ['analyst'] };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useAction(onAdded);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: form.name, password: form.password, roles: form.roles, ...(form.organisation ? { organisation: form.organisation } : {}) };
    if (await run(() => api('POST', '/users', body))) setForm(empty);
  };
  const toggle = (role: string) => setForm((f) => ({ ...f, roles: f.roles.includes(role) ? f.roles.filter((r) => r !== role) : [...f.roles, role] }));
  return (
    <form className="stacked-form card" onSubmit={(event) => void handleSubmit(event)}>
      <h3>{t('admin.add_user')}</h3>
      <Field label={t('admin.user_name')} hint={t('admin.user_name_hint')}>
        <input dir="ltr" autoComplete="off" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label={t('admin.password')} hint={t('admin.password_hint')}>
        <input type="password" autoComplete="new-password" required minLength={8} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
      </Field>
      <Field label={t('admin.organisation')}>
        <select value={form.organisation} onChange={(e) => setForm({ ...form, organisation: e.target.value })}>
          <option value="">{t('common.none')}</option>
          {organisations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend>{t('admin.roles')}</legend>
        {roles.map((role) => (
          <label key={role.name} className="checkbox">
            <input type="checkbox" checked={form.roles.includes(role.name)} onChange={() => toggle(role.name)} /> {t(`role.${role.name}`, { defaultValue: role.name })}
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || !form.name || form.password.length < 8}>
        {t('admin.add')}
      </button>
    </form>
  );
}

function UserRow({ user, roles, organisationName, onChanged }: { user: User; roles: Role[]; organisationName: string | undefined; onChanged: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState('');
  const { busy, error, run } = useAction(onChanged);
  const missing = roles.filter((r) => !user.roles.includes(r.name));
  return (
    <tr>
      <td>
        <bdi dir="ltr">{user.name}</bdi>
      </td>
      <td>{organisationName ? <UserText text={organisationName} /> : '—'}</td>
      <td>
        <ul className="chips">
          {user.roles.map((name) => (
            <li key={name}>
              {t(`role.${name}`, { defaultValue: name })}{' '}
              <button
                type="button"
                className="chip-remove"
                disabled={busy}
                aria-label={t('admin.remove_role', { role: t(`role.${name}`, { defaultValue: name }), user: user.name })}
                onClick={() => void run(() => api('DELETE', `${userPath(user.name)}/roles/${encodeURIComponent(name)}`))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {missing.length > 0 && (
          <span className="inline-form">
            <select aria-label={t('admin.role_to_add', { user: user.name })} value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="">{t('admin.choose_role')}</option>
              {missing.map((r) => (
                <option key={r.name} value={r.name}>
                  {t(`role.${r.name}`, { defaultValue: r.name })}
                </option>
              ))}
            </select>
            <button type="button" className="button-secondary" disabled={busy || !role} onClick={() => void run(() => api('PUT', `${userPath(user.name)}/roles/${encodeURIComponent(role)}`))}>
              {t('admin.give_role')}
            </button>
          </span>
        )}
        <ErrorNotice error={error} />
      </td>
      <td>{user.disabled ? t('admin.disabled') : t('admin.active')}</td>
      <td>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void run(() => api('PUT', `${userPath(user.name)}/disabled`, { disabled: !user.disabled }))}>
          {user.disabled ? t('admin.enable') : t('admin.disable')}
        </button>
      </td>
    </tr>
  );
}

export function UsersAdmin() {
  const { t } = useTranslation();
  const users = useApi<{ users: User[] }>('/users');
  const roles = useApi<{ roles: Role[] }>('/roles');
  const organisations = useApi<{ organisations: Organisation[] }>('/organisations');
  const names = new Map((organisations.data?.organisations ?? []).map((org) => [org.id, org.name]));
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">{t('admin.users')}</h2>
      <ErrorNotice error={users.error} />
      {users.loading && !users.data && <Loading />}
      {users.data && roles.data && (
        <DataTable label={t('admin.users')} columns={[t('admin.user_name'), t('admin.organisation'), t('admin.roles'), t('admin.status'), t('common.actions')]}>
              {users.data.users.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  roles={roles.data!.roles}
                  organisationName={user.organisation_id ? names.get(user.organisation_id) : undefined}
                  onChanged={users.reload}
                />
              ))}
        </DataTable>
      )}
      {roles.data && <AddUser roles={roles.data.roles} organisations={organisations.data?.organisations ?? []} onAdded={users.reload} />}
    </section>
  );
}
