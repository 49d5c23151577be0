/**
 * Every field a record gives, in its type's order, each labelled in the reader's language and shown by its
 * kind. The title is left out when the page's heading shows it and it has one language only.
 */
import type { GatewayRecord, RecordType } from '../../../../shared/gateway/record-types.ts';
import { RECORD_TYPE_SPECS } from '../../../../shared/gateway/record-types.ts';
import { textsOf } from './display-text.ts';
import { FieldValue } from './FieldValue.tsx';
import { useGatewayNames } from './useGatewayNames.ts';

export function RecordFields({ type, record, titleShown = false }: { type: RecordType; record: GatewayRecord; titleShown?: boolean }) {
  const names = useGatewayNames();
  const fields = RECORD_TYPE_SPECS[type].fields.filter((spec) => record[spec.name] !== undefined && !(titleShown && spec.name === 'title' && textsOf(record.title).size < 2));
  return (
    <dl className="properties record-fields">
      {fields.map((spec) => (
        <div key={spec.name} data-field={spec.name}>
          <dt>{names.field(spec.name)}</dt>
          <dd>
            <FieldValue spec={spec} value={record[spec.name]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
