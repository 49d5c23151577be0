/**
 * A failure shown in the reader's language: the server's code and parameters looked up in the shared error
 * catalogs (the same ones the REST API answers from), the UI's own codes (network, unexpected status) in the
 * UI catalog. The code stays visible, small, for whoever reports the problem.
 */
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/i18n/error-messages.ts';
import type { ApiError } from '../api/client.ts';
import { currentLanguage } from '../i18n/i18n.ts';

export function ErrorNotice({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fromServer = errorMessage(currentLanguage(), error.code, error.params);
  const message =
    error.code === 'http.network' ? t('errors.network') : fromServer === error.code ? t('errors.unexpected', { status: error.status }) : fromServer;
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      <p className="muted small">
        <code dir="ltr">{error.code}</code>
      </p>
    </div>
  );
}
