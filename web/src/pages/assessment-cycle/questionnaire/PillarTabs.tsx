/** The framework's pillars as tabs (links, so each pillar has its address), each with its progress. */
import { useTranslation } from 'react-i18next';
import type { Framework } from '../../../../../shared/assessment/framework.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { Link } from '../../../router.tsx';
import { textIn } from '../cycle-labels.ts';
import { ProgressMeter, QuestionNumber } from '../cycle-parts.tsx';
import type { PillarProgress } from '../questionnaire-state.ts';

export function PillarTabs({ framework, progress, current, path }: { framework: Framework; progress: readonly PillarProgress[]; current: string; path: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <nav aria-label={t('cycle.pillars')} className="pillar-tabs">
      <ul>
        {framework.pillars.map((pillar) => {
          const p = progress.find((entry) => entry.pillar === pillar.id) ?? { answered: 0, applicable: 0 };
          const title = textIn(pillar.title, language);
          return (
            <li key={pillar.id}>
              <Link to={`${path}?pillar=${encodeURIComponent(pillar.id)}`} aria-current={pillar.id === current ? 'page' : undefined}>
                <span className="pillar-name">
                  <QuestionNumber number={pillar.number} /> {title}
                </span>
                <ProgressMeter answered={p.answered} applicable={p.applicable} label={t('cycle.progress_of', { name: title })} />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
