/** An object's versions, and what changed between any two of them (the older and newer picked by the reader). */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { diffObjects, type DiffRow } from './diff.ts';
import { PropertyValue, usePropertyLabel } from './PropertyValue.tsx';

type Version = { version: string; date_added: string };

function versionPath(collectionId: string, objectId: string, version: string): string {
  return `/collections/${encodeURIComponent(collectionId)}/objects/${encodeURIComponent(objectId)}/versions/${encodeURIComponent(version)}`;
}

export function VersionDiff({ collectionId, objectId, versions }: { collectionId: string; objectId: string; versions: readonly Version[] }) {
  const { t } = useTranslation();
  const label = usePropertyLabel();
  const language = currentLanguage();
  const [from, setFrom] = useState(versions.length > 1 ? versions[versions.length - 2]!.version : '');
  const [to, setTo] = useState(versions.length > 0 ? versions[versions.length - 1]!.version : '');
  const [rows, setRows] = useState<DiffRow[]>();
  const [error, setError] = useState<ApiError>();
  const fromId = useId();
  const toId = useId();

  useEffect(() => {
    if (!from || !to || from === to) {
      setRows(undefined);
      return;
    }
    let live = true;
    Promise.all([
      api<{ object: Record<string, unknown> }>('GET', versionPath(collectionId, objectId, from)),
      api<{ object: Record<string, unknown> }>('GET', versionPath(collectionId, objectId, to)),
    ])
      .then(([older, newer]) => live && (setRows(diffObjects(older.object, newer.object)), setError(undefined)))
      .catch((caught: unknown) => live && setError(caught instanceof ApiError ? caught : new ApiError(0, 'http.network', String(caught))));
    return () => {
      live = false;
    };
  }, [collectionId, objectId, from, to]);

  const option = (v: Version) => (
    <option key={v.version} value={v.version}>
      {formatDateTime(language, v.version)}
    </option>
  );

  return (
    <>
      <ol className="versions">
        {versions.map((v) => (
          <li key={v.version}>
            <time dateTime={v.version} title={v.version}>
              {formatDateTime(language, v.version)}
            </time>{' '}
            <span className="muted small">{t('object.version_added', { date: formatDateTime(language, v.date_added) })}</span>
          </li>
        ))}
      </ol>
      {versions.length > 1 ? (
        <div className="diff">
          <div className="diff-pickers">
            <div className="field">
              <label htmlFor={fromId}>{t('object.compare_from')}</label>
              <select id={fromId} value={from} onChange={(e) => setFrom(e.target.value)}>
                {versions.map(option)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={toId}>{t('object.compare_to')}</label>
              <select id={toId} value={to} onChange={(e) => setTo(e.target.value)}>
                {versions.map(option)}
              </select>
            </div>
          </div>
          <ErrorNotice error={error} />
          {from === to && <p className="muted">{t('object.same_version')}</p>}
          {rows && (
            <div className="table-scroll" role="region" aria-label={t('object.changes')} tabIndex={0}>
              <table className="diff-table">
                <thead>
                  <tr>
                    <th scope="col">{t('object.property')}</th>
                    <th scope="col">{t('object.change')}</th>
                    <th scope="col">{t('object.before')}</th>
                    <th scope="col">{t('object.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows
                    .filter((row) => row.change !== 'unchanged')
                    .map((row) => (
                      <tr key={row.property} className={`change-${row.change}`}>
                        <th scope="row">{label(row.property)}</th>
                        <td>{t(`object.change_${row.change}`)}</td>
                        <td>{row.before === undefined ? '' : <PropertyValue property={row.property} value={row.before} collectionId={collectionId} />}</td>
                        <td>{row.after === undefined ? '' : <PropertyValue property={row.property} value={row.after} collectionId={collectionId} />}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              {rows.every((row) => row.change === 'unchanged') && <p className="muted">{t('object.no_changes')}</p>}
            </div>
          )}
        </div>
      ) : (
        <p className="muted">{t('object.one_version')}</p>
      )}
    </>
  );
}
