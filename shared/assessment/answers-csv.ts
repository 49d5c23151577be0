/**
 * A published edition's answers as CSV, one row per country and answered question, in framework order:
 * `country,question,number,pillar,indicator,level,credit,weight`. The credit is the level's, relative to the
 * scale's best (0 … 1), so a spreadsheet recomputes a pillar as 20 × Σ(weight × credit) / Σ(weight) over the
 * questions that apply.
 */
import type { EditionFile } from './edition-file.ts';
import { scoringModel } from './scoring.ts';

/** A CSV field, quoted when it holds a comma, quote or line break. */
const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function answersCsv(file: EditionFile): string {
  const model = scoringModel(file.framework);
  const lines = ['country,question,number,pillar,indicator,level,credit,weight'];
  for (const country of Object.keys(file.answers).sort()) {
    const answers = file.answers[country]!;
    for (const question of model.questions) {
      const level = answers[question.id];
      if (level === undefined) continue;
      const credit = (model.credits.get(level) ?? 0) / model.best;
      lines.push([country, question.id, question.number, question.pillar, question.indicator, level, String(credit), String(question.weight)].map(field).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
