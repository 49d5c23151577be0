/**
 * A Gateway record: its title in the reader's language (or another it is written in), its status, every field
 * its type declares shown readably, where the facts come from and when they were last checked, the GCA pillars
 * and indicators it concerns, its history, and "propose a correction". Its proposer and the moderators also
 * see who proposed it and its likely duplicates, which moderators merge or dismiss here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gatewayPages, gatewayPaths, type GatewayRecordView } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { gatewayRights } from '../../../components/gateway-rights.ts';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { RECORD_STATUS, REVISION_STATE } from '../gateway-labels.ts';
import { GatewayTabs } from '../GatewayTabs.tsx';
import { RecordFields } from '../RecordFields.tsx';
import { RecordText } from '../RecordText.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';
import { DuplicateFlags } from './DuplicateFlags.tsx';
import { RecordHistory } from './RecordHistory.tsx';

function Facts({ view }: { view: GatewayRecordView }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const published = view.status === 'published' || view.status === 'merged';
  return (
    <div className="object-facts record-facts">
      <span className="type-badge">{names.type(view.type)}</span>
      <span className={`status-badge status-${view.status}`}>{t(RECORD_STATUS[view.status])}</span>
      {!published && view.revision_state !== 'pending' && <span className={`status-badge status-${view.revision_state}`}>{t(REVISION_STATE[view.revision_state])}</span>}
      {view.published_at && <span>{t('gateway.published_on', { when: formatDateTime(names.language, view.published_at) })}</span>}
      {view.updated_at && view.updated_at !== view.published_at && <span>{t('gateway.updated_on', { when: formatDateTime(names.language, view.updated_at) })}</span>}
      {view.proposed_by && (
        <span>
          {t('gateway.proposed_by')} <UserText text={view.proposed_by.name} />
        </span>
      )}
    </div>
  );
}

export function RecordPage({ id, sent }: { id: string; sent: string | undefined }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const caller = useCaller();
  const rights = gatewayRights(caller.user);
  const loaded = useApi<GatewayRecordView>(gatewayPaths.record(id));
  const [round, setRound] = useState(0);
  const view = loaded.data;
  const own = view?.proposed_by?.id === caller.user.id;
  const mayCorrect = rights.propose && (view?.status === 'published' || (view?.status === 'pending' && own));

  const handleDecided = () => {
    loaded.reload();
    setRound((n) => n + 1);
  };

  return (
    <section>
      <GatewayTabs />
      <p className="breadcrumb">
        <Link to={gatewayPages.search}>{t('gateway.search_title')}</Link>
      </p>
      <ErrorNotice error={loaded.error} />
      {loaded.loading && !view && <Loading />}
      {!view && !loaded.loading && <h1 tabIndex={-1}>{t('gateway.record_title')}</h1>}
      {view && (
        <>
          <h1 tabIndex={-1} className="record-title">
            <RecordText text={view.record.title} />
          </h1>
          <Facts view={view} />
          {sent && (
            <p className="notice notice-info" role="status">
              {t('gateway.revision_sent', { number: formatNumber(names.language, Number(sent) || 0) })}
            </p>
          )}
          {view.status === 'pending' && !sent && (
            <p className="notice notice-info">
              {own && view.revision_state === 'changes_requested' ? t('gateway.changes_requested_own') : own ? t('gateway.pending_own') : t('gateway.pending_not_public')}
            </p>
          )}
          {view.merged_into && (
            <p className="notice notice-info">
              {t('gateway.merged_into')} <Link to={gatewayPages.record(view.merged_into)}>{t('gateway.merged_into_link')}</Link>
            </p>
          )}
          <div className="toolbar">
            {mayCorrect && (
              <Link to={gatewayPages.correct(id)} className="button-link">
                {view.status === 'published' ? t('gateway.propose_correction') : t('gateway.submit_new_version')}
              </Link>
            )}
            {rights.moderate && view.revision_state === 'pending' && <Link to={gatewayPages.moderation}>{t('gateway.to_moderation')}</Link>}
          </div>
          <DuplicateFlags flags={view.duplicates} moderator={rights.moderate} onDecided={handleDecided} />
          <section aria-labelledby="fields-heading">
            <h2 id="fields-heading" className="visually-hidden">
              {t('gateway.fields_heading')}
            </h2>
            <RecordFields type={view.type} record={view.record} titleShown />
          </section>
          <RecordHistory id={id} type={view.type} round={round} />
        </>
      )}
    </section>
  );
}
