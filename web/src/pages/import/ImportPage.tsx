/**
 * Import: choose a collection the caller may write and a STIX bundle file; the upload shows its progress and
 * then what became of each object (stored, already there, or rejected with each problem in the reader's
 * language and the JSON path it is at). A file refused for personal data shows the findings and is sent
 * again with the user's decision (`PersonalDataReview.tsx`).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../../shared/i18n/problem-messages.ts';
import { ApiError } from '../../api/client.ts';
import type { Collection, ImportResult } from '../../api/types.ts';
import { uploadFile } from '../../api/upload.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Loading } from '../../components/Loading.tsx';
import { objectPath } from '../../components/ObjectLink.tsx';
import { useApi } from '../../components/useApi.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { isPersonalDataRefusal, PersonalDataReview, type PersonalDataDecision } from './PersonalDataReview.tsx';

function Results({ result, collectionId }: { result: ImportResult; collectionId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [onlyRejected, setOnlyRejected] = useState(result.rejected > 0);
  const rows = onlyRejected ? result.results.filter((r) => r.outcome === 'rejected') : result.results;
  const n = (count: number) => ({ count, formatted: formatNumber(language, count) });
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{t('import.result')}</h2>
      <ul className="result-counts" role="status">
        <li>{t('import.total', n(result.total))}</li>
        <li className="outcome-stored">{t('import.stored', n(result.stored))}</li>
        <li className="outcome-duplicate">{t('import.duplicates', n(result.duplicates))}</li>
        <li className="outcome-rejected">{t('import.rejected', n(result.rejected))}</li>
        {result.personal_data === 'redact' && <li>{t('import.redacted', n(result.redacted))}</li>}
      </ul>
      {result.personal_data === 'confirm' && <p>{t('import.confirmed')}</p>}
      <label className="checkbox">
        <input type="checkbox" checked={onlyRejected} onChange={(e) => setOnlyRejected(e.target.checked)} /> {t('import.only_rejected')}
      </label>
      <DataTable label={t('import.per_object')} columns={['#', t('import.object'), t('import.outcome'), t('import.problems')]}>
            {rows.slice(0, 2000).map((row) => (
              <tr key={row.index} className={`outcome-${row.outcome}`}>
                <td>{formatNumber(language, row.index + 1)}</td>
                <td>
                  {row.id && row.outcome !== 'rejected' ? (
                    <Link to={objectPath(collectionId, row.id)}>
                      <code dir="ltr">{row.id}</code>
                    </Link>
                  ) : (
                    <code dir="ltr">{row.id ?? row.type ?? '—'}</code>
                  )}
                </td>
                <td>{t(`import.outcome_${row.outcome}`)}</td>
                <td>
                  {row.problems.length > 0 && (
                    <ul className="problems">
                      {row.problems.map((problem, i) => (
                        <li key={i}>
                          {problemMessage(language, problem)} <code dir="ltr" className="muted small">{problem.rule}</code>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
      </DataTable>
      {rows.length > 2000 && <p className="muted">{t('import.rows_cut', n(2000))}</p>}
    </section>
  );
}

export function ImportPage({ collectionId }: { collectionId: string | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const collections = useApi<{ collections: Collection[] }>('/collections');
  const writable = collections.data?.collections.filter((c) => c.can_write) ?? [];
  const [target, setTarget] = useState(collectionId ?? '');
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<{ sent: number; total: number }>();
  const [result, setResult] = useState<{ collection: string; answer: ImportResult }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const ids = { collection: useId(), file: useId(), progress: useId() };

  useEffect(() => {
    if (!target && writable.length > 0) setTarget(writable[0]!.id);
  }, [target, writable]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const send = async (decision?: PersonalDataDecision) => {
    if (!file || !target) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setProgress({ sent: 0, total: file.size });
    try {
      const query = decision ? `?personal_data=${decision}` : '';
      const answer = await uploadFile<ImportResult>(`/collections/${encodeURIComponent(target)}/import${query}`, file, (sent, total) => setProgress({ sent, total }));
      setResult({ collection: target, answer });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'http.network', String(caught)));
    } finally {
      setBusy(false);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((100 * progress.sent) / progress.total) : 0;
  return (
    <section>
      <h1 tabIndex={-1}>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      {collections.loading && !collections.data && <Loading />}
      <ErrorNotice error={collections.error} />
      {collections.data && writable.length === 0 && <p>{t('import.no_writable')}</p>}
      {writable.length > 0 && (
        <form onSubmit={handleSubmit} className="stacked-form">
          <div className="field">
            <label htmlFor={ids.collection}>{t('import.collection')}</label>
            <select id={ids.collection} value={target} onChange={(e) => setTarget(e.target.value)}>
              {writable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title} (/{c.api_root}/)
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.file}>{t('import.file')}</label>
            {/* The browser's own file button speaks the browser's language; this one speaks the page's. */}
            <div className="file-picker">
              <input
                id={ids.file}
                className="visually-hidden"
                type="file"
                accept=".json,application/json,application/stix+json"
                onChange={(e) => setFile(e.target.files?.[0])}
              />
              <label htmlFor={ids.file} className="button-link" aria-hidden="true">
                {t('import.choose_file')}
              </label>
              <span className="muted">{file ? <bdi>{file.name}</bdi> : t('import.no_file')}</span>
            </div>
          </div>
          <button type="submit" disabled={busy || !file || !target}>
            <Icon name="upload" /> {busy ? t('import.uploading') : t('import.submit')}
          </button>
        </form>
      )}
      {progress && (busy || !result) && !error && (
        <div className="progress">
          <label htmlFor={ids.progress}>
            {percent < 100 ? t('import.progress', { percent: formatNumber(language, percent) }) : t('import.processing')}
          </label>
          <progress id={ids.progress} max={progress.total || 1} value={progress.sent} />
        </div>
      )}
      {isPersonalDataRefusal(error) ? (
        <PersonalDataReview error={error} busy={busy} onDecide={(decision) => void send(decision)} onCancel={() => setError(undefined)} />
      ) : (
        <ErrorNotice error={error} />
      )}
      {result && <Results result={result.answer} collectionId={result.collection} />}
    </section>
  );
}
