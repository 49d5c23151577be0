/**
 * The object's correlations: the other objects, in any collection the reader may read, that share an
 * observable value with it, and how many other organisations reported them. The server counts from what the
 * reader may see only, so the sentence never reveals a RED or AMBER+STRICT report.
 */
import { useTranslation } from 'react-i18next';
import type { Correlations } from '../../api/lookup-types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ObjectLink } from '../../components/ObjectLink.tsx';
import { useApi } from '../../components/useApi.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';

export function CorrelationsSection({ collectionId, objectId }: { collectionId: string; objectId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { data, error, loading } = useApi<Correlations>(`/collections/${encodeURIComponent(collectionId)}/objects/${encodeURIComponent(objectId)}/correlations`);
  const count = (n: number) => ({ count: n, formatted: formatNumber(language, n) });
  return (
    <section aria-labelledby="correlations" className="correlations">
      <h2 id="correlations">{t('correlation.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorNotice error={error} />
      {data && (
        <>
          <p className="summary-line" data-organisations={data.organisations}>
            {t('correlation.also_reported', count(data.organisations))}
          </p>
          {data.objects.length === 0 ? (
            <p className="muted">{data.values.length === 0 ? t('correlation.no_values') : t('correlation.none')}</p>
          ) : (
            <>
              <DataTable label={t('correlation.table')} columns={[t('correlation.object'), t('object.type'), t('correlation.shared_values')]}>
                {data.objects.map((o) => (
                  <tr key={`${o.collection} ${o.id}`}>
                    <td>
                      <ObjectLink object={o} />
                    </td>
                    <td>
                      <code dir="ltr">{o.type}</code>
                    </td>
                    <td>
                      <ul className="value-list">
                        {o.shared.map((v) => (
                          <li key={`${v.type} ${v.value}`}>
                            <code dir="ltr">{v.value}</code> <span className="muted small">{v.type}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </DataTable>
              {data.total > data.objects.length && <p className="muted small">{t('correlation.first_of', { shown: formatNumber(language, data.objects.length), ...count(data.total) })}</p>}
            </>
          )}
        </>
      )}
    </section>
  );
}
