/**
 * An object's page: its properties, its markings, the relationships to and from it, the objects it shares
 * values with (correlations), an indicator's sightings, and its versions.
 */
import { useTranslation } from 'react-i18next';
import type { ObjectDetail } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useApi } from '../../components/useApi.ts';
import { UserText } from '../../components/UserText.tsx';
import { WarningListNotice } from '../../components/WarningLists.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import { CorrelationsSection } from './CorrelationsSection.tsx';
import { PropertyValue, usePropertyLabel } from './PropertyValue.tsx';
import { RelationshipTable } from './RelationshipTable.tsx';
import { SightingsSection } from './SightingsSection.tsx';
import { VersionDiff } from './VersionDiff.tsx';

/** What an analyst reads first (name, description), then the object's own properties, then the common bookkeeping. */
const FIRST = ['name', 'description'];
const LAST = ['type', 'id', 'spec_version', 'created', 'modified', 'created_by_ref', 'revoked', 'lang', 'confidence', 'labels', 'external_references', 'object_marking_refs', 'granular_markings', 'extensions'];

export function propertyOrder(object: Record<string, unknown>): string[] {
  const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) - FIRST.length : LAST.includes(key) ? 1000 + LAST.indexOf(key) : 0);
  return Object.keys(object).sort((a, b) => rank(a) - rank(b));
}

export function ObjectPage({ collectionId, objectId }: { collectionId: string; objectId: string }) {
  const { t } = useTranslation();
  const label = usePropertyLabel();
  const language = currentLanguage();
  const { data, error, loading, reload } = useApi<ObjectDetail>(`/collections/${encodeURIComponent(collectionId)}/objects/${encodeURIComponent(objectId)}`);
  const summary = data?.summary;
  return (
    <article>
      <p className="breadcrumb">
        <Link to={`/collections/${encodeURIComponent(collectionId)}`}>
          <Icon name="back" /> {t('object.back_to_collection')}
        </Link>
      </p>
      {loading && !data && <Loading />}
      <ErrorNotice error={error} />
      {error && !data && <h1 tabIndex={-1}>{t('object.title')}</h1>}
      {data && summary && (
        <>
          <header className="object-header">
            <h1 tabIndex={-1}>{summary.name ? <UserText text={summary.name} /> : <code dir="ltr">{summary.id}</code>}</h1>
            <p className="object-facts">
              <code dir="ltr">{summary.type}</code> <TlpBadge tlp={summary.tlp} />{' '}
              {summary.organisation && (
                <span>
                  {t('object.shared_by')} <UserText text={summary.organisation.name} />
                </span>
              )}{' '}
              <span className="muted">{t('object.added_on', { date: formatDateTime(language, summary.date_added) })}</span>
            </p>
          </header>
          <WarningListNotice flags={summary.warning_lists ?? []} />
          <section aria-labelledby="properties">
            <h2 id="properties">{t('object.properties')}</h2>
            <dl className="properties">
              {propertyOrder(data.object).map((property) => (
                <div key={property}>
                  <dt>
                    {label(property)} <code dir="ltr" className="muted small">{property}</code>
                  </dt>
                  <dd>
                    <PropertyValue property={property} value={data.object[property]} collectionId={collectionId} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="relationships">
            <h2 id="relationships">{t('object.relationships')}</h2>
            <h3>{t('object.outgoing')}</h3>
            <RelationshipTable relationships={data.relationships.outgoing} direction="outgoing" collectionId={collectionId} />
            <h3>{t('object.incoming')}</h3>
            <RelationshipTable relationships={data.relationships.incoming} direction="incoming" collectionId={collectionId} />
          </section>
          <CorrelationsSection collectionId={collectionId} objectId={objectId} />
          {summary.type === 'indicator' && <SightingsSection collectionId={collectionId} indicatorId={objectId} onPosted={reload} />}
          <section aria-labelledby="versions">
            <h2 id="versions">{t('object.versions', { count: data.versions.length, formatted: formatNumber(language, data.versions.length) })}</h2>
            <VersionDiff collectionId={collectionId} objectId={objectId} versions={data.versions} />
          </section>
        </>
      )}
    </article>
  );
}
