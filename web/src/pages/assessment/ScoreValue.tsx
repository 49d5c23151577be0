/**
 * A score as the page shows it (two decimals at most, in the reader's digits), its exact published value kept
 * machine-readable in `<data value>`; '—' where the edition gives none.
 */
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatScore } from './measures.ts';

export function ScoreValue({ score }: { score: number | undefined }) {
  if (score === undefined) return <span className="muted">—</span>;
  return (
    <data className="score" value={String(score)}>
      {formatScore(currentLanguage(), score)}
    </data>
  );
}
