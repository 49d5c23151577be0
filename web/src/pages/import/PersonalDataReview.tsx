/**
 * The import's personal-data step: the server refused the file (`personal_data.found`) because objects that
 * people outside the user's organisation would read seem to hold personal data. Each finding is shown by
 * object, field and kind (never the value: the server does not send it), and the user shares the objects as
 * they are, has each finding replaced by `[redacted]`, or stops; the page then sends the file again.
 */
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiProblem } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';

/** What the user decided: the value of the import's `personal_data` parameter. */
export type PersonalDataDecision = 'confirm' | 'redact';

type Finding = ApiProblem & { index?: number; object?: string | null; kind?: string };

const KINDS = ['email', 'phone', 'iban', 'payment-card', 'national-id'];

/** Whether an import error is the personal-data refusal this step answers. */
export function isPersonalDataRefusal(error: ApiError | undefined): error is ApiError {
  return error?.code === 'personal_data.found';
}

export function PersonalDataReview({ error, busy, onDecide, onCancel }: { error: ApiError; busy: boolean; onDecide: (decision: PersonalDataDecision) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const findings = error.problems as readonly Finding[];
  const n = (value: unknown) => ({ formatted: formatNumber(language, Number(value ?? 0)) });
  return (
    <section aria-labelledby="personal-data-title" className="personal-data-review">
      <h2 id="personal-data-title">{t('import.personal_data_title')}</h2>
      <p>{t('import.personal_data_intro')}</p>
      <ul className="result-counts" role="status">
        <li>{t('import.personal_data_objects', n(error.params.objects))}</li>
        <li>{t('import.personal_data_findings', n(error.params.findings))}</li>
      </ul>
      <DataTable label={t('import.personal_data_title')} columns={['#', t('import.object'), t('import.personal_data_field'), t('import.personal_data_kind')]}>
        {findings.map((finding, i) => (
          <tr key={i}>
            <td>{finding.index === undefined ? '—' : formatNumber(language, finding.index + 1)}</td>
            <td>
              <code dir="ltr">{finding.object ?? '—'}</code>
            </td>
            <td>
              <code dir="ltr">{finding.path}</code>
            </td>
            <td>{finding.kind && KINDS.includes(finding.kind) ? t(`import.kind_${finding.kind.replace('-', '_')}`) : finding.rule}</td>
          </tr>
        ))}
      </DataTable>
      {findings.length < Number(error.params.findings ?? 0) && <p className="muted">{t('import.personal_data_listed', n(findings.length))}</p>}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => onDecide('redact')}>
          {t('import.personal_data_redact')}
        </button>
        <button type="button" disabled={busy} onClick={() => onDecide('confirm')}>
          {t('import.personal_data_confirm')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('import.personal_data_cancel')}
        </button>
      </div>
    </section>
  );
}
