/** The dashboard: what the caller may see, counted by TLP and type, the newest objects, and what its communities did lately. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ObjectTable } from '../../components/ObjectTable.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useApi } from '../../components/useApi.ts';
import { isolate, UserText } from '../../components/UserText.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import { useCaller } from '../../session.tsx';

function Bars({ rows, label }: { rows: { key: string; label: ReactNode; count: number }[]; label: string }) {
  const language = currentLanguage();
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <ul className="bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key}>
          <span className="bar-label">{row.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ inlineSize: `${(100 * row.count) / max}%` }} />
          </span>
          <span className="bar-count">{formatNumber(language, row.count)}</span>
        </li>
      ))}
    </ul>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const caller = useCaller();
  const language = currentLanguage();
  const { data, error, loading } = useApi<Dashboard>('/dashboard');
  const total = data ? data.by_tlp.reduce((sum, row) => sum + row.count, 0) : 0;
  return (
    <section>
      <h1 tabIndex={-1}>{t('dashboard.title')}</h1>
      <p className="muted">{t('dashboard.welcome', { name: isolate(caller.user.name) })}</p>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="summary-line">{t('dashboard.summary', {
              objects: t('dashboard.object_count', { count: total, formatted: formatNumber(language, total) }),
              collections: t('dashboard.collection_count', { count: data.collections, formatted: formatNumber(language, data.collections) }),
            })}</p>
          <div className="cards">
            <section className="card" aria-labelledby="by-tlp">
              <h2 id="by-tlp">{t('dashboard.by_tlp')}</h2>
              {data.by_tlp.length ? (
                <Bars label={t('dashboard.by_tlp')} rows={data.by_tlp.map((row) => ({ key: row.tlp, label: <TlpBadge tlp={row.tlp} />, count: row.count }))} />
              ) : (
                <p className="muted">{t('dashboard.nothing_yet')}</p>
              )}
            </section>
            <section className="card" aria-labelledby="by-type">
              <h2 id="by-type">{t('dashboard.by_type')}</h2>
              {data.by_type.length ? (
                <Bars
                  label={t('dashboard.by_type')}
                  rows={data.by_type.slice(0, 12).map((row) => ({ key: row.type, label: <code dir="ltr">{row.type}</code>, count: row.count }))}
                />
              ) : (
                <p className="muted">{t('dashboard.nothing_yet')}</p>
              )}
            </section>
          </div>
          <section aria-labelledby="recent">
            <h2 id="recent">{t('dashboard.recent')}</h2>
            {data.recent.length ? <ObjectTable objects={data.recent} caption={t('dashboard.recent')} /> : <p className="muted">{t('dashboard.nothing_yet')}</p>}
          </section>
          <section aria-labelledby="activity">
            <h2 id="activity">{t('dashboard.activity')}</h2>
            {data.activity.length ? (
              <ul className="activity">
                {data.activity.map((entry) => (
                  <li key={`${entry.collection.id}/${entry.organisation?.id ?? ''}`}>
                    <span>
                      {t('dashboard.activity_entry', {
                        count: entry.objects,
                        formatted: formatNumber(language, entry.objects),
                        organisation: entry.organisation ? isolate(entry.organisation.name) : t('object.no_organisation'),
                        collection: isolate(entry.collection.title),
                      })}
                    </span>{' '}
                    <span className="muted small">
                      <UserText text={entry.community.name} /> · <time dateTime={entry.last_added}>{formatDateTime(language, entry.last_added)}</time>
                    </span>{' '}
                    <Link to={`/collections/${encodeURIComponent(entry.collection.id)}`}>{t('dashboard.open_collection')}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('dashboard.no_activity')}</p>
            )}
          </section>
        </>
      )}
    </section>
  );
}
