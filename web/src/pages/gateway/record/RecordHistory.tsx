/**
 * A record's history: the revisions the reader may see (the accepted ones for anyone; every one, with who
 * proposed and moderated it, why and the comment, for the moderators and a revision's proposer), newest
 * first, each with what it changed against the one it was made from.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordType } from '../../../../../shared/gateway/record-types.ts';
import { gatewayPaths, type RecordHistory as History, type Revision } from '../../../api/gateway-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { REVISION_KIND, REVISION_STATE } from '../gateway-labels.ts';
import { RecordDiff } from '../RecordDiff.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';

/** The revision a revision is read against: the published one a correction was made from, else the one before it. */
function baseOf(revision: Revision, revisions: readonly Revision[]): Revision | undefined {
  if (revision.based_on !== null) return revisions.find((r) => r.revision === revision.based_on);
  return [...revisions].reverse().find((r) => r.revision < revision.revision);
}

function RevisionEntry({ type, revision, base }: { type: RecordType; revision: Revision; base: Revision | undefined }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const n = formatNumber(names.language, revision.revision);
  return (
    <li className="revision" data-revision={revision.revision}>
      <p>
        <strong>{t('gateway.revision_number', { number: n })}</strong> · {t(REVISION_KIND[revision.kind])}{' '}
        <span className={`status-badge status-${revision.state}`}>{t(REVISION_STATE[revision.state])}</span>
      </p>
      <p className="small">
        {t('gateway.proposed_on', { when: formatDateTime(names.language, revision.proposed_at) })}
        {revision.proposed_by && (
          <>
            {' '}
            {t('gateway.by_proposer')} <UserText text={revision.proposed_by.name} />
          </>
        )}
        {revision.moderated_at && (
          <>
            {' · '}
            {t('gateway.moderated_on', { when: formatDateTime(names.language, revision.moderated_at) })}
            {revision.moderated_by && (
              <>
                {' '}
                {t('gateway.by_moderator')} <UserText text={revision.moderated_by.name} />
              </>
            )}
          </>
        )}
      </p>
      {revision.note && (
        <div className="small">
          <span className="muted">{t('gateway.note')}</span> <UserText text={revision.note} block />
        </div>
      )}
      {revision.comment && (
        <div className="small reviewer-note">
          <span className="muted">{t('gateway.comment')}</span> <UserText text={revision.comment} block />
        </div>
      )}
      {base && (
        <details>
          <summary>{t('gateway.changes_against', { number: formatNumber(names.language, base.revision) })}</summary>
          <RecordDiff type={type} before={base.record} after={revision.record} label={t('gateway.changes_of', { number: n })} />
        </details>
      )}
    </li>
  );
}

export function RecordHistory({ id, type, round }: { id: string; type: RecordType; round: number }) {
  const { t } = useTranslation();
  const history = useApi<History>(gatewayPaths.history(id));
  const { reload } = history;
  // Read again after a decision on the page (a merge, a dismissal) changed the record.
  useEffect(() => {
    if (round > 0) reload();
  }, [round, reload]);
  const revisions = history.data?.revisions ?? [];
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('gateway.history')}</h2>
      <ErrorNotice error={history.error} />
      {history.loading && !history.data && <Loading />}
      {history.data && revisions.length === 0 && <p className="muted">{t('gateway.history_empty')}</p>}
      <ol className="revisions">
        {[...revisions].reverse().map((revision) => (
          <RevisionEntry key={revision.revision} type={type} revision={revision} base={baseOf(revision, revisions)} />
        ))}
      </ol>
    </section>
  );
}
