/**
 * One revision awaiting moderation: the record's title, its type, who proposed it and when, their note, how
 * many likely duplicates it has; a correction as its changes against the published version, a new record
 * with all its fields; then the decision, or what was decided once it is made.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gatewayPages, gatewayPaths, type GatewayRecordView, type ModerationAnswer, type QueuedRevision } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { REVISION_STATE } from '../gateway-labels.ts';
import { RecordDiff } from '../RecordDiff.tsx';
import { RecordFields } from '../RecordFields.tsx';
import { RecordText } from '../RecordText.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';
import { DecisionForm } from './DecisionForm.tsx';

function CorrectionChanges({ item }: { item: QueuedRevision }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const published = useApi<GatewayRecordView>(gatewayPaths.record(item.id));
  if (published.error) return <ErrorNotice error={published.error} />;
  if (!published.data) return <Loading />;
  const current = published.data;
  return (
    <>
      {item.based_on !== null && current.revision !== item.based_on && (
        <p className="notice notice-warning small">
          {t('gateway.correction_outdated', { based_on: formatNumber(names.language, item.based_on), published: formatNumber(names.language, current.revision) })}
        </p>
      )}
      <RecordDiff type={item.type} before={current.record} after={item.record} label={t('gateway.correction_changes')} />
    </>
  );
}

export function QueueItem({ item, callerId }: { item: QueuedRevision; callerId: string }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const [decided, setDecided] = useState<ModerationAnswer>();
  const own = item.proposed_by.id === callerId;
  const headingId = `queue-${item.id}-${item.revision}`;
  return (
    <article className="card queue-item" aria-labelledby={headingId} data-record={item.id}>
      <h2 id={headingId} className="queue-title">
        <Link to={gatewayPages.record(item.id)}>
          <RecordText text={item.title} />
        </Link>
      </h2>
      <p className="object-facts small">
        <span className="type-badge">{names.type(item.type)}</span>
        <span>
          {item.kind === 'correction' && item.based_on !== null
            ? t('gateway.queue_correction_of', { number: formatNumber(names.language, item.based_on) })
            : t('gateway.queue_new_record')}
        </span>
        <span>
          {t('gateway.proposed_by')} <UserText text={item.proposed_by.name} /> · <time dateTime={item.proposed_at}>{formatDateTime(names.language, item.proposed_at)}</time>
        </span>
        {item.duplicates > 0 && (
          <Link to={`${gatewayPages.record(item.id)}#duplicates`} className="status-badge status-duplicate">
            {t('gateway.duplicate_count', { count: item.duplicates, formatted: formatNumber(names.language, item.duplicates) })}
          </Link>
        )}
      </p>
      {item.note && (
        <div className="small">
          <span className="muted">{t('gateway.note')}</span> <UserText text={item.note} block />
        </div>
      )}
      {item.kind === 'correction' ? (
        <CorrectionChanges item={item} />
      ) : (
        <details open>
          <summary>{t('gateway.queue_fields')}</summary>
          <RecordFields type={item.type} record={item.record} />
        </details>
      )}
      {decided ? (
        <p className={`notice notice-info decided-${decided.decision}`} role="status">
          {t('gateway.decided', { decision: t(REVISION_STATE[decided.decision]) })} <Link to={gatewayPages.record(item.id)}>{t('gateway.open_record')}</Link>
        </p>
      ) : own ? (
        <p className="notice notice-info small">{t('gateway.own_revision_note')}</p>
      ) : (
        <DecisionForm id={item.id} revision={item.revision} onDecided={setDecided} />
      )}
    </article>
  );
}
