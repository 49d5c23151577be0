/** The collections the caller may read or write, across API roots, with what it may do with each. */
import { useTranslation } from 'react-i18next';
import { API } from '../../api/client.ts';
import type { Collection } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useApi } from '../../components/useApi.ts';
import { UserText } from '../../components/UserText.tsx';
import { Link } from '../../router.tsx';
import { DataTable } from '../../components/DataTable.tsx';

/** Where a collection's export is downloaded from (a plain link: the browser streams it to a file). */
export function exportHref(collectionId: string): string {
  return `${API}/collections/${encodeURIComponent(collectionId)}/export`;
}

export function CollectionsPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useApi<{ collections: Collection[] }>('/collections');
  return (
    <section>
      <h1 tabIndex={-1}>{t('collections.title')}</h1>
      <p className="muted">{t('collections.intro')}</p>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && data.collections.length === 0 && <p>{t('collections.none')}</p>}
      {data && data.collections.length > 0 && (
        <DataTable label={t('collections.title')} columns={[t('collections.collection'), t('collections.api_root'), t('collections.default_tlp'), t('collections.access'), t('common.actions')]}>
              {data.collections.map((collection) => (
                <tr key={collection.id}>
                  <td>
                    {collection.can_read ? (
                      <Link to={`/collections/${encodeURIComponent(collection.id)}`}>
                        <UserText text={collection.title} />
                      </Link>
                    ) : (
                      <UserText text={collection.title} />
                    )}
                    <UserText text={collection.description} block className="muted small" />
                  </td>
                  <td>
                    <code dir="ltr">/{collection.api_root}/</code>
                  </td>
                  <td>
                    <TlpBadge tlp={collection.default_tlp} />
                  </td>
                  <td>{t(collection.can_read && collection.can_write ? 'collections.read_write' : collection.can_write ? 'collections.write_only' : 'collections.read_only')}</td>
                  <td className="actions">
                    {collection.can_write && (
                      <Link to={`/import?collection=${encodeURIComponent(collection.id)}`}>
                        <Icon name="upload" /> {t('collections.import')}
                      </Link>
                    )}
                    {collection.can_read && (
                      <a href={exportHref(collection.id)} download>
                        <Icon name="download" /> {t('collections.export')}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </section>
  );
}
