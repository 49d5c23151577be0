/**
 * Adds evidence to an answer: a file (uploaded with its progress; PDF, images, text, Word or OpenDocument, at
 * most 10 MiB) or a link, each public or restricted, with what that means said next to the choice; or one of
 * the Gateway's records on the country, cited as a public link.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, queryString } from '../../../api/client.ts';
import type { Evidence, Visibility } from '../../../api/cycle-types.ts';
import type { PublishedRecord } from '../../../api/gateway-types.ts';
import { uploadFile } from '../../../api/upload.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { useAction } from '../../../components/useAction.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { VISIBILITY } from '../cycle-labels.ts';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, evidenceTypeOf } from './evidence-files.ts';
import { GatewayEvidence } from './GatewayEvidence.tsx';

function VisibilityChoice({ value, onChange, name }: { value: Visibility; onChange: (v: Visibility) => void; name: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field visibility-choice">
      <legend>{t('cycle.visibility')}</legend>
      {(['restricted', 'public'] as const).map((v) => (
        <label key={v} className="radio radio-described">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          <span>
            <strong>{t(VISIBILITY[v].name)}</strong>
            <span className="muted small">{t(VISIBILITY[v].meaning)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

interface AddEvidenceProps {
  answerPath: string;
  question: { indicator: string; pillar: string };
  /** What the answer cites already. */
  evidence: readonly Evidence[];
  /** The Gateway's published records on the country, to cite. */
  gatewayRecords: readonly PublishedRecord[];
  onAdded: (item: Evidence) => void;
}

export function AddEvidence({ answerPath, question, evidence, gatewayRecords, onAdded }: AddEvidenceProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ids = { file: useId(), progress: useId(), visibility: useId() };
  const [visibility, setVisibility] = useState<Visibility>('restricted');
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<{ sent: number; total: number }>();
  const [uploadError, setUploadError] = useState<ApiError>();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const link = useAction();
  const tooLarge = file !== undefined && file.size > EVIDENCE_MAX_BYTES;

  const handleUpload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setUploadError(undefined);
    setProgress({ sent: 0, total: file.size });
    try {
      const path = `${answerPath}/evidence${queryString({ visibility, file_name: file.name })}`;
      onAdded(await uploadFile<Evidence>(path, file, (sent, total) => setProgress({ sent, total }), evidenceTypeOf(file)));
      setFile(undefined);
    } catch (caught) {
      setUploadError(caught instanceof ApiError ? caught : new ApiError(0, 'http.network', String(caught)));
    } finally {
      setProgress(undefined);
    }
  };

  const handleLink = async (event: FormEvent) => {
    event.preventDefault();
    const body = { url: url.trim(), visibility, ...(title.trim() ? { title: title.trim() } : {}) };
    let added: Evidence | undefined;
    if (await link.run(async () => (added = await api<Evidence>('POST', `${answerPath}/links`, body)))) {
      onAdded(added!);
      setUrl('');
      setTitle('');
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((100 * progress.sent) / progress.total) : 0;
  return (
    <details className="add-evidence">
      <summary>{t('cycle.evidence_add')}</summary>
      <VisibilityChoice value={visibility} onChange={setVisibility} name={ids.visibility} />
      <form className="evidence-form" onSubmit={(event) => void handleUpload(event)}>
        <div className="field">
          <label htmlFor={ids.file}>{t('cycle.evidence_file_label')}</label>
          <div className="file-picker">
            <input id={ids.file} className="visually-hidden" type="file" accept={EVIDENCE_ACCEPT} onChange={(e) => setFile(e.target.files?.[0])} />
            <label htmlFor={ids.file} className="button-link" aria-hidden="true">
              {t('cycle.choose_file')}
            </label>
            <span className="muted">{file ? <bdi>{file.name}</bdi> : t('cycle.no_file')}</span>
          </div>
          <p className="muted small">{t('cycle.evidence_file_hint')}</p>
          {tooLarge && <p className="notice">{t('cycle.evidence_too_large')}</p>}
        </div>
        <button type="submit" className="button-secondary" disabled={!file || tooLarge || progress !== undefined}>
          <Icon name="upload" /> {t('cycle.upload')}
        </button>
        {progress && (
          <div className="progress">
            <label htmlFor={ids.progress}>{t('cycle.upload_progress', { percent: formatNumber(language, percent) })}</label>
            <progress id={ids.progress} max={progress.total || 1} value={progress.sent} />
          </div>
        )}
        <ErrorNotice error={uploadError} />
      </form>
      <form className="evidence-form" onSubmit={(event) => void handleLink(event)}>
        <Field label={t('cycle.evidence_url')}>
          <input type="url" dir="ltr" required placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
        </Field>
        <Field label={t('cycle.evidence_title')}>
          <input dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <button type="submit" className="button-secondary" disabled={link.busy || !url.trim()}>
          {t('cycle.evidence_add_link')}
        </button>
        <ErrorNotice error={link.error} />
      </form>
      <GatewayEvidence records={gatewayRecords} question={question} evidence={evidence} answerPath={answerPath} onAdded={onAdded} />
    </details>
  );
}
