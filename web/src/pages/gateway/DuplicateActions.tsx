/**
 * A moderator's decision on a flagged pair of likely duplicates: merge (one record is folded into the other,
 * into the published one; cannot be undone, so it asks to confirm in the page) or dismiss (they are not
 * duplicates, and the pair is never flagged again). Refusals show with the buttons.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { gatewayPaths } from '../../api/gateway-types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAction } from '../../components/useAction.ts';

export function DuplicateActions({ flag, onDone }: { flag: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction(onDone);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="duplicate-actions">
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('gateway.merge_question')}>
          <p>{t('gateway.merge_question')}</p>
          <div className="toolbar">
            <button
              type="button"
              autoFocus
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                void run(() => api('POST', gatewayPaths.merge(flag)));
              }}
            >
              {t('gateway.merge_confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('gateway.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="toolbar">
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t('gateway.merge')}
          </button>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void run(() => api('POST', gatewayPaths.dismiss(flag)))}>
            {t('gateway.dismiss')}
          </button>
        </div>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
