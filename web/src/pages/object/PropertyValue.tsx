/**
 * A STIX property rendered readably: timestamps in the reader's locale (the exact value on hover), references
 * as links to the referenced object in the same collection, TLP markings as badges, lists as lists, nested
 * objects (external references, hashes, kill chain phases, extensions) as nested definition lists, and text
 * in its own direction. Identifiers, patterns and hashes stay left to right whatever the page direction.
 */
import { useTranslation } from 'react-i18next';
import { TLP1_MARKINGS, TLP2_MARKINGS } from '../../../../shared/stix/tlp.ts';
import type { TlpName } from '../../api/types.ts';
import { objectPath } from '../../components/ObjectLink.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { UserText } from '../../components/UserText.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';

const STIX_ID = /^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Properties whose text is code or an identifier, never prose. */
const LITERAL = new Set(['id', 'type', 'spec_version', 'pattern', 'pattern_type', 'pattern_version', 'value', 'hashes', 'key', 'url', 'external_id', 'x_mitre_id']);

const TLP_BY_MARKING = new Map<string, TlpName>([
  ...Object.entries(TLP2_MARKINGS).map(([level, id]) => [id, level as TlpName] as const),
  ...Object.entries(TLP1_MARKINGS).map(([level, id]) => [id, (level === 'white' ? 'clear' : level) as TlpName] as const),
]);

/** A readable label of a property: the catalog's when it has one, else the name with spaces. */
export function usePropertyLabel(): (property: string) => string {
  const { t } = useTranslation();
  return (property) => t(`stix_property.${property}`, { defaultValue: property.replace(/_/g, ' ') });
}

function Reference({ id, collectionId }: { id: string; collectionId: string }) {
  const tlp = TLP_BY_MARKING.get(id);
  if (tlp) return <TlpBadge tlp={tlp} />;
  return (
    <Link to={objectPath(collectionId, id)}>
      <code dir="ltr">{id}</code>
    </Link>
  );
}

export function PropertyValue({ property, value, collectionId }: { property: string; value: unknown; collectionId: string }) {
  const label = usePropertyLabel();
  const language = currentLanguage();
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (typeof value === 'boolean' || typeof value === 'number') return <span dir="ltr">{String(value)}</span>;
  if (typeof value === 'string') {
    if ((property.endsWith('_ref') || STIX_ID.test(value)) && STIX_ID.test(value)) return <Reference id={value} collectionId={collectionId} />;
    if (TIMESTAMP.test(value)) {
      return (
        <time dateTime={value} title={value}>
          {formatDateTime(language, value)}
        </time>
      );
    }
    if (LITERAL.has(property) || property.startsWith('pattern')) return <code dir="ltr" className="literal">{value}</code>;
    return <UserText text={value} block={value.length > 80 || value.includes('\n')} className="prose" />;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">—</span>;
    return (
      <ul className="value-list">
        {value.map((item, i) => (
          <li key={i}>
            <PropertyValue property={property.endsWith('_refs') ? property.slice(0, -1) : property} value={item} collectionId={collectionId} />
          </li>
        ))}
      </ul>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    <dl className="nested">
      {entries.map(([key, inner]) => (
        <div key={key}>
          <dt>{property === 'hashes' || property === 'extensions' ? <code dir="ltr">{key}</code> : label(key)}</dt>
          <dd>
            <PropertyValue property={property === 'hashes' ? 'hashes' : key} value={inner} collectionId={collectionId} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
