/**
 * The server's problems with one field, beside it: each as the sentence of the reader's language from the
 * shared problem catalogs, with the place it names said as the form says it (the field's label, and the
 * language of a text or the number of a list's item) rather than as a JSON path; the rule's code is kept
 * small, for whoever reports it. The list's id describes the field's controls (`aria-describedby`), so a
 * screen reader says the problem with the field.
 */
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../../../shared/i18n/problem-messages.ts';
import type { ApiProblem } from '../../../api/client.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { fieldOfProblem, languageOfProblem } from '../form-model.ts';
import { useGatewayNames } from '../useGatewayNames.ts';

/** LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE: a JSON path keeps its order inside an Arabic sentence. */
const ltr = (text: string) => `\u2066${text}\u2069`;

export function FieldProblems({ id, problems, fields }: { id: string; problems: readonly ApiProblem[] | undefined; fields?: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  if (!problems || problems.length === 0) return null;
  const placeOf = (problem: ApiProblem): string => {
    const field = fieldOfProblem(problem);
    if (field === undefined || (fields && !fields.has(field))) return ltr(problem.path);
    const language = languageOfProblem(problem);
    const item = /\[(\d+)\]$/.exec(problem.path)?.[1];
    const label = names.field(field);
    const place = language
      ? t('gateway.text_in_language', { field: label, language: names.languageName(language) })
      : item !== undefined
        ? t('gateway.list_item', { field: label, number: formatNumber(names.language, Number(item) + 1) })
        : label;
    return t('gateway.problem_place', { place });
  };
  return (
    <ul id={id} className="problems field-problems">
      {problems.map((problem, i) => (
        <li key={i}>
          {problemMessage(names.language, { ...problem, path: placeOf(problem) })} <code dir="ltr" className="muted small">{problem.rule}</code>
        </li>
      ))}
    </ul>
  );
}

/** The ids describing a control: its hint and its problems, when there are any. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const given = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return given.length ? given.join(' ') : undefined;
}
