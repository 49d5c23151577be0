/** An answer's history, oldest first: each save, submission and review with who, when, the level and the comment. Loaded when opened. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework } from '../../../../../shared/assessment/framework.ts';
import type { HistoryEntry } from '../../../api/cycle-types.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useApi } from '../../../components/useApi.ts';
import { UserText } from '../../../components/UserText.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { HISTORY_ACTION, textIn } from '../cycle-labels.ts';

export function AnswerHistory({ answerPath, framework, revision }: { answerPath: string; framework: Framework; revision: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [open, setOpen] = useState(false);
  const history = useApi<{ history: HistoryEntry[] }>(open ? `${answerPath}/history` : undefined);
  const { reload } = history;
  // A new revision (a decision just recorded) adds to the history: read it again if it is open.
  useEffect(() => {
    if (open) reload();
  }, [revision]);
  return (
    <details className="answer-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('cycle.history')}</summary>
      <ErrorNotice error={history.error} />
      {history.loading && !history.data && <Loading />}
      {history.data && (
        <ol className="history-list">
          {history.data.history.map((entry) => {
            const level = framework.scale.find((l) => l.code === entry.level);
            return (
              <li key={`${entry.revision}-${entry.action}-${entry.at}`}>
                <time dateTime={entry.at}>{formatDateTime(language, entry.at)}</time> · <bdi dir="ltr">{entry.by.name}</bdi> · <strong>{t(HISTORY_ACTION[entry.action])}</strong>
                {level && <> · {textIn(level.label, language)}</>}
                {entry.comment && <UserText text={entry.comment} block className="muted" />}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
