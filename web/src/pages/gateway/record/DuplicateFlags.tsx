/**
 * A record's open flags of likely duplicates, for its proposer and the moderators: the other record (or that
 * it is one the reader may not see), why they look alike (the same title, or the same source address), when
 * it was flagged; moderators merge the pair or dismiss the flag here.
 */
import { useTranslation } from 'react-i18next';
import { gatewayPages, type GatewayRecordView } from '../../../api/gateway-types.ts';
import { formatDateTime, formatList } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { DuplicateActions } from '../DuplicateActions.tsx';
import { DUPLICATE_REASON, RECORD_STATUS } from '../gateway-labels.ts';
import { RecordText } from '../RecordText.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';

export function DuplicateFlags({ flags, moderator, onDecided }: { flags: GatewayRecordView['duplicates']; moderator: boolean; onDecided: () => void }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  if (flags.length === 0) return null;
  return (
    <section aria-labelledby="duplicates-heading" className="duplicates notice notice-warning" id="duplicates">
      <h2 id="duplicates-heading">{t('gateway.likely_duplicates')}</h2>
      <p className="small">{moderator ? t('gateway.likely_duplicates_moderator') : t('gateway.likely_duplicates_proposer')}</p>
      <ul className="duplicate-list">
        {flags.map((flag) => (
          <li key={flag.id} className="duplicate-flag">
            <p>
              {flag.other ? (
                <>
                  <Link to={gatewayPages.record(flag.other.id)}>
                    <RecordText text={flag.other.title} />
                  </Link>{' '}
                  <span className={`status-badge status-${flag.other.status}`}>{t(RECORD_STATUS[flag.other.status])}</span>{' '}
                  <span className="small muted">{names.type(flag.other.type)}</span>
                </>
              ) : (
                <span className="muted">{t('gateway.duplicate_hidden')}</span>
              )}
            </p>
            <p className="small">
              {t('gateway.duplicate_because', { reasons: formatList(names.language, flag.reasons.map((reason) => t(DUPLICATE_REASON[reason]))) })} ·{' '}
              <time dateTime={flag.flagged_at}>{formatDateTime(names.language, flag.flagged_at)}</time>
            </p>
            {moderator && <DuplicateActions flag={flag.id} onDone={onDecided} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
