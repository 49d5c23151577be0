/** A table of object summaries: name, type, TLP, organisation, date added. Scrolls sideways on narrow screens. */
import { useTranslation } from 'react-i18next';
import type { ObjectSummary } from '../api/types.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { ObjectLink } from './ObjectLink.tsx';
import { TlpBadge } from './TlpBadge.tsx';
import { UserText } from './UserText.tsx';
import { DataTable } from './DataTable.tsx';
import { WarningListMarker } from './WarningLists.tsx';

export function ObjectTable({ objects, caption }: { objects: readonly ObjectSummary[]; caption: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <DataTable label={caption} columns={[t('object.name'), t('object.type'), t('object.marking'), t('object.organisation'), t('object.date_added')]}>
          {objects.map((object) => (
            <tr key={`${object.collection}/${object.id}`}>
              <td>
                <ObjectLink object={object} /> <WarningListMarker flags={object.warning_lists ?? []} />
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
    </DataTable>
  );
}
