/**
 * The server's problems with one field, beside it: each as the sentence of the reader's language from the
 * shared problem catalogs (the rule's code kept small, for whoever reports it). The list's id describes the
 * field's controls (`aria-describedby`), so a screen reader says the problem with the field.
 */
import { problemMessage } from '../../../../../shared/i18n/problem-messages.ts';
import type { ApiProblem } from '../../../api/client.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';

export function FieldProblems({ id, problems }: { id: string; problems: readonly ApiProblem[] | undefined }) {
  if (!problems || problems.length === 0) return null;
  const language = currentLanguage();
  return (
    <ul id={id} className="problems field-problems">
      {problems.map((problem, i) => (
        <li key={i}>
          {problemMessage(language, problem)} <code dir="ltr" className="muted small">{problem.rule}</code>
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
