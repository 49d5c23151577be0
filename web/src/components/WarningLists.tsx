/**
 * Warning list flags of an object (the REST summaries' `warning_lists`): a marker for tables, and a notice for
 * the object's page naming each list, the list's name in its own direction (`dir="auto"`) inside the
 * translated sentence, and the value that is on it.
 */
import { useTranslation } from 'react-i18next';
import type { WarningListFlag } from '../api/types.ts';

const SLOT = '\u0000';

/** A translated sentence with one user text in its own direction where `{{name}}` stands. */
function Sentence({ template, name }: { template: string; name: string }) {
  const [before, after] = template.split(SLOT);
  return (
    <>
      {before}
      <bdi dir="auto">{name}</bdi>
      {after}
    </>
  );
}

/** The lists an object is on, each once. */
const listNames = (flags: readonly WarningListFlag[]) => [...new Set(flags.map((flag) => flag.name))];

/** A small marker for a row of a table; nothing when the object is on no list. */
export function WarningListMarker({ flags }: { flags: readonly WarningListFlag[] }) {
  const { t } = useTranslation();
  if (!flags.length) return null;
  const names = listNames(flags);
  return (
    <span className="warning-marker small" title={names.join('\n')} data-warning-lists={names.length}>
      {t('warninglists.marker')}
    </span>
  );
}

/** The notice of an object's page: every list its values are on, with the value. */
export function WarningListNotice({ flags }: { flags: readonly WarningListFlag[] }) {
  const { t } = useTranslation();
  if (!flags.length) return null;
  return (
    <aside className="notice notice-warning warning-lists" aria-labelledby="warning-lists-heading">
      <h2 id="warning-lists-heading">{t('warninglists.notice_title')}</h2>
      <p>{t('warninglists.notice_intro')}</p>
      <ul>
        {flags.map((flag) => (
          <li key={`${flag.name}\n${flag.matched_value}`}>
            <Sentence template={t('warninglists.on_list', { name: SLOT })} name={flag.name} />{' '}
            <span className="muted small">
              {t('warninglists.matched_value')} <code dir="ltr">{flag.matched_value}</code>
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
