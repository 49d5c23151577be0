/**
 * The moderation queue (moderators): the revisions awaiting a decision, oldest first, a page at a time (the
 * page in the address, `?offset=`), each to accept, reject or send back with a comment. A revision decided
 * here stays in view, with its decision, until the page is left.
 */
import { useTranslation } from 'react-i18next';
import { queryString } from '../../../api/client.ts';
import { gatewayPages, gatewayPaths, type ModerationQueue } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { gatewayRights } from '../../../components/gateway-rights.ts';
import { Icon } from '../../../components/Icon.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { useCaller } from '../../../session.tsx';
import { GatewayTabs } from '../GatewayTabs.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';
import { QueueItem } from './QueueItem.tsx';

const PAGE = 20;

export function ModerationPage({ offset }: { offset: number }) {
  const { t } = useTranslation();
  const caller = useCaller();
  const rights = gatewayRights(caller.user);
  const queue = useApi<ModerationQueue>(rights.moderate ? `${gatewayPaths.moderation}${queryString({ limit: PAGE, offset: offset || undefined })}` : undefined);
  const { language } = useGatewayNames();
  const data = queue.data;
  const count = (n: number) => ({ count: n, formatted: formatNumber(language, n) });
  return (
    <section>
      <GatewayTabs />
      <h1 tabIndex={-1}>{t('gateway.moderation_title')}</h1>
      <p className="muted">{t('gateway.moderation_intro')}</p>
      {!rights.moderate && <p className="notice notice-info">{t('gateway.moderators_only')}</p>}
      <ErrorNotice error={queue.error} />
      {queue.loading && !data && <Loading />}
      {data && (
        <>
          <p className="summary-line">{t('gateway.queue_count', count(data.total))}</p>
          {data.total === 0 && <p>{t('gateway.queue_empty')}</p>}
          {data.queue.map((item) => (
            <QueueItem key={`${item.id}-${item.revision}`} item={item} callerId={caller.user.id} />
          ))}
          {(offset > 0 || offset + PAGE < data.total) && (
            <nav className="pager toolbar" aria-label={t('gateway.pages')}>
              {offset > 0 && (
                <Link to={`${gatewayPages.moderation}${queryString({ offset: Math.max(0, offset - PAGE) || undefined })}`} className="button-link">
                  <Icon name="back" /> {t('gateway.previous_page')}
                </Link>
              )}
              {offset + PAGE < data.total && (
                <Link to={`${gatewayPages.moderation}${queryString({ offset: offset + PAGE })}`} className="button-link">
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
