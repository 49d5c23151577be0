/**
 * Relationships to or from an object: their type and the object at the other end (or its id, when hidden or
 * elsewhere; a dash when there is none, as for an anonymous sighting, which names no one where it was seen).
 */
import { useTranslation } from 'react-i18next';
import type { Relationship } from '../../api/types.ts';
import { ObjectLink, objectPath } from '../../components/ObjectLink.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { Link } from '../../router.tsx';
import { DataTable } from '../../components/DataTable.tsx';

export function RelationshipTable({ relationships, direction, collectionId }: { relationships: readonly Relationship[]; direction: 'outgoing' | 'incoming'; collectionId: string }) {
  const { t } = useTranslation();
  const caption = t(direction === 'outgoing' ? 'object.outgoing' : 'object.incoming');
  if (relationships.length === 0) return <p className="muted" data-direction={direction}>{t(direction === 'outgoing' ? 'object.no_outgoing' : 'object.no_incoming')}</p>;
  return (
    <DataTable label={caption} data-direction={direction} columns={[t('object.relationship_type'), t(direction === 'outgoing' ? 'object.target' : 'object.source'), t('object.type'), t('object.marking')]}>
          {relationships.map((rel) => (
            <tr key={rel.relationship.id}>
              <td>
                <Link to={objectPath(collectionId, rel.relationship.id)}>
                  <code dir="ltr">{rel.relationship_type ?? rel.relationship.type}</code>
                </Link>
              </td>
              <td>
                {rel.other ? (
                  <ObjectLink object={rel.other} />
                ) : rel.other_id === null ? (
                  '—'
                ) : (
                  <>
                    <code dir="ltr">{rel.other_id}</code> <span className="muted small">({t('object.other_end_unavailable')})</span>
                  </>
                )}
              </td>
              <td>
                <code dir="ltr">{rel.other?.type ?? rel.other_id?.split('--')[0] ?? '—'}</code>
              </td>
              <td>
                <TlpBadge tlp={rel.relationship.tlp} />
              </td>
            </tr>
          ))}
    </DataTable>
  );
}
