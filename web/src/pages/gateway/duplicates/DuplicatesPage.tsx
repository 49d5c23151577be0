/**
 * Likely duplicates (moderators): the flagged pairs in one state (open by default; dismissed or merged to look
 * back), oldest first, each pair's two records side by side with why they look alike; open ones to merge or
 * dismiss. The state and the page are in the address.
 */
import { useTranslation } from 'react-i18next';
import { queryString } from '../../../api/client.ts';
import { gatewayPages, gatewayPaths, type DuplicateList, type DuplicatePair, type FlagState, type RecordSummary } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { gatewayRights } from '../../../components/gateway-rights.ts';
import { Icon } from '../../../components/Icon.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { formatDateTime, formatList, formatNumber } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { DuplicateActions } from '../DuplicateActions.tsx';
import { DUPLICATE_REASON, FLAG_STATE, RECORD_STATUS } from '../gateway-labels.ts';
import { GatewayTabs } from '../GatewayTabs.tsx';
import { RecordText } from '../RecordText.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';

const PAGE = 20;
const STATES: readonly FlagState[] = ['open', 'dismissed', 'merged'];

const addressOf = (state: FlagState, offset = 0) => `${gatewayPages.duplicates}${queryString({ state: state === 'open' ? undefined : state, offset: offset || undefined })}`;

function Side({ summary }: { summary: RecordSummary }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  return (
    <div className="pair-side">
      <Link to={gatewayPages.record(summary.id)}>
        <RecordText text={summary.title} />
      </Link>
      <p className="small">
        <span className="type-badge">{names.type(summary.type)}</span> <span className={`status-badge status-${summary.status}`}>{t(RECORD_STATUS[summary.status])}</span>
      </p>
    </div>
  );
}

function Pair({ pair, onDone }: { pair: DuplicatePair; onDone: () => void }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  return (
    <li className="card duplicate-pair" data-flag={pair.id}>
      <div className="pair">
        <Side summary={pair.record} />
        <Side summary={pair.other} />
      </div>
      <p className="small">
        {t('gateway.duplicate_because', { reasons: formatList(names.language, pair.reasons.map((reason) => t(DUPLICATE_REASON[reason]))) })} ·{' '}
        <time dateTime={pair.flagged_at}>{formatDateTime(names.language, pair.flagged_at)}</time>
      </p>
      {pair.state === 'open' ? (
        <DuplicateActions flag={pair.id} onDone={onDone} />
      ) : (
        <p className="small muted">
          {t(FLAG_STATE[pair.state])}
          {pair.decided_by && (
            <>
              {' '}
              {t('gateway.by_moderator')} <UserText text={pair.decided_by.name} />
            </>
          )}
          {pair.decided_at && <> · {formatDateTime(names.language, pair.decided_at)}</>}
        </p>
      )}
    </li>
  );
}

export function DuplicatesPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const rights = gatewayRights(useCaller().user);
  const state = STATES.find((s) => s === query.get('state')) ?? 'open';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const list = useApi<DuplicateList>(rights.moderate ? `${gatewayPaths.duplicates}${queryString({ state, limit: PAGE, offset: offset || undefined })}` : undefined);
  const data = list.data;
  return (
    <section>
      <GatewayTabs />
      <h1 tabIndex={-1}>{t('gateway.duplicates_title')}</h1>
      <p className="muted">{t('gateway.duplicates_intro')}</p>
      {!rights.moderate && <p className="notice notice-info">{t('gateway.moderators_only')}</p>}
      {rights.moderate && (
        <nav className="tabs flag-tabs" aria-label={t('gateway.flag_states')}>
          <ul>
            {STATES.map((s) => (
              <li key={s}>
                <Link to={addressOf(s)} aria-current={s === state ? 'page' : undefined}>
                  {t(FLAG_STATE[s])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ErrorNotice error={list.error} />
      {list.loading && !data && <Loading />}
      {data && (
        <>
          <p className="summary-line">{t('gateway.pair_count', { count: data.total, formatted: formatNumber(names.language, data.total) })}</p>
          <ul className="duplicate-pairs">
            {data.duplicates.map((pair) => (
              <Pair key={pair.id} pair={pair} onDone={list.reload} />
            ))}
          </ul>
          {(offset > 0 || offset + PAGE < data.total) && (
            <nav className="pager toolbar" aria-label={t('gateway.pages')}>
              {offset > 0 && (
                <Link to={addressOf(state, Math.max(0, offset - PAGE))} className="button-link">
                  <Icon name="back" /> {t('gateway.previous_page')}
                </Link>
              )}
              {offset + PAGE < data.total && (
                <Link to={addressOf(state, offset + PAGE)} className="button-link">
                  {t('gateway.next_page')} <Icon name="next" />
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
