/** A table of object summaries: name, type, TLP, organisation, date added. Scrolls sideways on narrow screens. */
import { useTranslation } from 'react-i18next';
import type { ObjectSummary } from '../api/types.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { ObjectLink } from './ObjectLink.tsx';
import { TlpBadge } from './TlpBadge.tsx';
import { UserText } from './UserText.tsx';

export function ObjectTable({ objects, caption }: { objects: readonly ObjectSummary[]; caption: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('object.name')}</th>
            <th scope="col">{t('object.type')}</th>
            <th scope="col">{t('object.marking')}</th>
            <th scope="col">{t('object.organisation')}</th>
            <th scope="col">{t('object.date_added')}</th>
          </tr>
        </thead>
        <tbody>
          {objects.map((object) => (
            <tr key={`${object.collection}/${object.id}`}>
              <td>
                <ObjectLink object={object} />
                {object.description && <UserText text={object.description} block className="muted small clamp" />}
              </td>
              <td>
                <code dir="ltr">{object.type}</code>
              </td>
              <td>
                <TlpBadge tlp={object.tlp} />
              </td>
              <td>{object.organisation ? <UserText text={object.organisation.name} /> : <span className="muted">{t('object.no_organisation')}</span>}</td>
              <td>
                <time dateTime={object.date_added}>{formatDateTime(language, object.date_added)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
