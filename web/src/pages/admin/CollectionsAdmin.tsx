/** Collections: add one to an API root or a community; see and set who may read or write each. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { TLP_NAMES, type Collection, type Community, type Grant, type Organisation, type User } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useAction } from '../../components/useAction.ts';
import { useApi } from '../../components/useApi.ts';
import { UserText } from '../../components/UserText.tsx';
import { DataTable } from '../../components/DataTable.tsx';

type PrincipalKind = 'user' | 'org' | 'community' | 'authenticated' | 'anonymous';
const KINDS: readonly PrincipalKind[] = ['user', 'org', 'community', 'authenticated', 'anonymous'];

interface Directory {
  users: User[];
  organisations: Organisation[];
  communities: Community[];
}

/** A principal (`org:<id>`…) as people read it: the kind in words and the name it points at. */
function usePrincipalName(directory: Directory): (principal: string) => string {
  const { t } = useTranslation();
  return (principal) => {
    const [kind, id] = principal.split(/:(.*)/s) as [string, string | undefined];
    const name =
      kind === 'user'
        ? directory.users.find((u) => u.id === id)?.name
        : kind === 'org'
          ? directory.organisations.find((o) => o.id === id)?.name
          : kind === 'community'
            ? directory.communities.find((c) => c.id === id)?.name
            : undefined;
    return id === undefined ? t(`principal.${kind}`, { defaultValue: kind }) : `${t(`principal.${kind}`, { defaultValue: kind })}: ${name ?? id}`;
  };
}

function Grants({ collection, directory }: { collection: Collection; directory: Directory }) {
  const { t } = useTranslation();
  const grants = useApi<{ grants: Grant[] }>(`/collections/${encodeURIComponent(collection.id)}/grants`);
  const { busy, error, run } = useAction(grants.reload);
  const nameOf = usePrincipalName(directory);
  const [kind, setKind] = useState<PrincipalKind>('org');
  const [target, setTarget] = useState('');
  const [rights, setRights] = useState({ read: true, write: false });
  const targets =
    kind === 'user'
      ? directory.users.map((u) => [u.id, u.name] as const)
      : kind === 'org'
        ? directory.organisations.map((o) => [o.id, o.name] as const)
        : kind === 'community'
          ? directory.communities.map((c) => [c.id, c.name] as const)
          : [];
  const principal = targets.length || kind === 'user' || kind === 'org' || kind === 'community' ? (target ? `${kind}:${target}` : '') : kind;
  const setGrant = (p: string, body: { read: boolean; write: boolean }) =>
    run(() => api('PUT', `/collections/${encodeURIComponent(collection.id)}/grants/${encodeURIComponent(p)}`, body));

  return (
    <div className="card">
      <h3>{t('admin.grants_of', { collection: collection.title })}</h3>
      {grants.loading && !grants.data && <Loading />}
      <ErrorNotice error={grants.error ?? error} />
      {grants.data && (
        <ul className="member-list">
          {grants.data.grants.map((g) => (
            <li key={g.principal}>
              <UserText text={nameOf(g.principal)} />{' '}
              <span className="muted small">{t(g.read && g.write ? 'collections.read_write' : g.write ? 'collections.write_only' : 'collections.read_only')}</span>{' '}
              <button type="button" className="button-secondary" disabled={busy} onClick={() => void setGrant(g.principal, { read: false, write: false })}>
                {t('admin.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="stacked-form">
        <Field label={t('admin.principal_kind')}>
          <select value={kind} onChange={(e) => (setKind(e.target.value as PrincipalKind), setTarget(''))}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`principal.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {targets.length > 0 && (
          <Field label={t('admin.principal')}>
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t('admin.choose')}</option>
              {targets.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={rights.read} onChange={(e) => setRights({ ...rights, read: e.target.checked })} /> {t('admin.may_read')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={rights.write} disabled={kind === 'anonymous'} onChange={(e) => setRights({ ...rights, write: e.target.checked })} />{' '}
          {t('admin.may_write')}
        </label>
        <button type="button" disabled={busy || !principal} onClick={() => void setGrant(principal, { read: rights.read, write: kind === 'anonymous' ? false : rights.write })}>
          {t('admin.set_grant')}
        </button>
      </div>
    </div>
  );
}

function AddCollection({ apiRoots, communities, onAdded }: { apiRoots: string[]; communities: Community[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const empty = { title: '', where: apiRoots[0] ? `root:${apiRoots[0]}` : '', alias: '', description: '', default_tlp: 'green' };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useAction(onAdded);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const [place, name] = form.where.split(/:(.*)/s) as [string, string];
    const body: Record<string, string> = { title: form.title, default_tlp: form.default_tlp, [place === 'root' ? 'api_root' : 'community']: name };
    if (form.alias) body.alias = form.alias;
    if (form.description) body.description = form.description;
    if (await run(() => api('POST', '/collections', body))) setForm(empty);
  };
  return (
    <form className="stacked-form card" onSubmit={(event) => void handleSubmit(event)}>
      <h3>{t('admin.add_collection')}</h3>
      <Field label={t('admin.collection_title')}>
        <input dir="auto" required value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
      </Field>
      <Field label={t('admin.collection_place')} hint={t('admin.collection_place_hint')}>
        <select value={form.where} onChange={(e) => setForm({ ...form, where: e.target.value })}>
          {apiRoots.map((root) => (
            <option key={root} value={`root:${root}`}>
              {t('admin.in_api_root', { root: `/${root}/` })}
            </option>
          ))}
          {communities.map((c) => (
            <option key={c.id} value={`community:${c.id}`}>
              {t('admin.in_community', { community: c.name })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.alias')} hint={t('admin.alias_hint')}>
        <input dir="ltr" pattern="[a-z0-9_-]{1,63}" value={form.alias} onChange={(e) => setForm({ ...form, alias: e.target.value })} />
      </Field>
      <Field label={t('admin.description')}>
        <textarea dir="auto" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      </Field>
      <Field label={t('collections.default_tlp')} hint={t('admin.default_tlp_hint')}>
        <select value={form.default_tlp} onChange={(e) => setForm({ ...form, default_tlp: e.target.value })}>
          {TLP_NAMES.map((level) => (
            <option key={level} value={level}>
              TLP:{level.toUpperCase()}
            </option>
          ))}
        </select>
      </Field>
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || !form.title || !form.where}>
        {t('admin.add')}
      </button>
    </form>
  );
}

export function CollectionsAdmin() {
  const { t } = useTranslation();
  const collections = useApi<{ collections: Collection[] }>('/collections');
  const users = useApi<{ users: User[] }>('/users');
  const organisations = useApi<{ organisations: Organisation[] }>('/organisations');
  const communities = useApi<{ communities: Community[] }>('/communities');
  const [selected, setSelected] = useState<string>();
  const directory: Directory = {
    users: users.data?.users ?? [],
    organisations: organisations.data?.organisations ?? [],
    communities: communities.data?.communities ?? [],
  };
  const communityRoots = new Set(directory.communities.map((c) => c.api_root));
  const apiRoots = [...new Set((collections.data?.collections ?? []).map((c) => c.api_root))].filter((root) => !communityRoots.has(root));
  const collection = collections.data?.collections.find((c) => c.id === selected);
  return (
    <section aria-labelledby="collections-heading">
      <h2 id="collections-heading">{t('admin.collections')}</h2>
      <ErrorNotice error={collections.error} />
      {collections.loading && !collections.data && <Loading />}
      {collections.data && (
        <DataTable label={t('admin.collections')} columns={[t('collections.collection'), t('collections.api_root'), t('collections.default_tlp'), t('common.actions')]}>
              {collections.data.collections.map((c) => (
                <tr key={c.id}>
                  <td>
                    <UserText text={c.title} /> {c.alias && <code dir="ltr" className="muted small">{c.alias}</code>}
                  </td>
                  <td>
                    <code dir="ltr">/{c.api_root}/</code>
                  </td>
                  <td>
                    <TlpBadge tlp={c.default_tlp} />
                  </td>
                  <td>
                    <button type="button" className="button-secondary" aria-pressed={selected === c.id} onClick={() => setSelected(selected === c.id ? undefined : c.id)}>
                      {t('admin.manage_access')}
                    </button>
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
      {collection && <Grants key={collection.id} collection={collection} directory={directory} />}
      <AddCollection key={apiRoots.join()} apiRoots={apiRoots.length ? apiRoots : ['thiqa']} communities={directory.communities} onAdded={collections.reload} />
    </section>
  );
}
