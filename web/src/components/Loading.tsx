import { useTranslation } from 'react-i18next';

/** A polite "loading" line, announced once by screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}
