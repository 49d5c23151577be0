/**
 * What a revision changes, field by field: the field, the value before and the value after, each shown by its
 * kind; nothing else of the record, so a moderator reads a correction's changes at a glance.
 */
import { useTranslation } from 'react-i18next';
import { fieldsOf, type GatewayRecord, type RecordType } from '../../../../shared/gateway/record-types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FieldValue } from './FieldValue.tsx';
import { diffRecord, type FieldChange } from './record-diff.ts';
import { useGatewayNames } from './useGatewayNames.ts';

const CHANGE: Readonly<Record<FieldChange, string>> = {
  added: 'gateway.change_added',
  removed: 'gateway.change_removed',
  changed: 'gateway.change_changed',
};

export function RecordDiff({ type, before, after, label }: { type: RecordType; before: GatewayRecord; after: GatewayRecord; label: string }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const diffs = diffRecord(type, before, after);
  if (diffs.length === 0) return <p className="muted">{t('gateway.no_changes')}</p>;
  const specs = fieldsOf(type);
  return (
    <DataTable label={label} columns={[t('gateway.diff_field'), t('gateway.diff_before'), t('gateway.diff_after')]} tableClassName="record-diff">
      {diffs.map((diff) => (
        <tr key={diff.field} className={`change-${diff.change}`}>
          <th scope="row">
            {names.field(diff.field)}
            <span className="small muted diff-change"> {t(CHANGE[diff.change])}</span>
          </th>
          <td>{diff.before === undefined ? <span className="muted">—</span> : <FieldValue spec={specs.get(diff.field)!} value={diff.before} />}</td>
          <td>{diff.after === undefined ? <span className="muted">—</span> : <FieldValue spec={specs.get(diff.field)!} value={diff.after} />}</td>
        </tr>
      ))}
    </DataTable>
  );
}
