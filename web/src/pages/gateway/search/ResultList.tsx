/**
 * One page of search results: each record's title in the reader's language when it has one (else in another of
 * its languages), its type, the countries it names, its own first date or year, the start of its summary, and
 * the languages it is written in (so the title and summary need not say theirs).
 */
import { useTranslation } from 'react-i18next';
import { recordCountries } from '../../../../../shared/gateway/record-index.ts';
import { COMMON_FIELDS, RECORD_TYPE_SPECS } from '../../../../../shared/gateway/record-types.ts';
import { gatewayPages, type PublishedRecord } from '../../../api/gateway-types.ts';
import { formatCalendarDate, formatList, formatNumber } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { RecordText } from '../RecordText.tsx';
import { useGatewayNames } from '../useGatewayNames.ts';

const COMMON = new Set(COMMON_FIELDS.map((f) => f.name));

/** The record's own first date or year (when it was adopted, signed, held…), as written. */
function whenOf({ type, record }: PublishedRecord): { field: string; value: string | number } | undefined {
  const spec = RECORD_TYPE_SPECS[type].fields.find((f) => !COMMON.has(f.name) && (f.kind === 'year' || f.kind === 'date') && record[f.name] !== undefined);
  return spec ? { field: spec.name, value: record[spec.name] as string | number } : undefined;
}

function Result({ result }: { result: PublishedRecord }) {
  const { t } = useTranslation();
  const names = useGatewayNames();
  const countries = recordCountries(result.type, result.record);
  const when = whenOf(result);
  return (
    <li className="result card" data-record={result.id}>
      <h3 className="result-title">
        <Link to={gatewayPages.record(result.id)}>
          <RecordText text={result.record.title} named={false} />
        </Link>
      </h3>
      <p className="result-facts small">
        <span className="type-badge">{names.type(result.type)}</span>
        {countries.length > 0 && <span>{formatList(names.language, countries.length > 4 ? [...countries.slice(0, 3).map(names.country), t('gateway.others_count', { count: countries.length - 3, formatted: formatNumber(names.language, countries.length - 3) })] : countries.map(names.country))}</span>}
        {when && (
          <span>
            {names.field(when.field)}: {typeof when.value === 'number' ? formatNumber(names.language, when.value, { useGrouping: false }) : formatCalendarDate(names.language, when.value)}
          </span>
        )}
      </p>
      {result.record.summary !== undefined && <RecordText text={result.record.summary} block named={false} className="clamp result-summary" />}
      <p className="small muted">
        {t('gateway.written_in')} {formatList(names.language, result.languages.map(names.languageName))}
      </p>
    </li>
  );
}

export function ResultList({ records }: { records: readonly PublishedRecord[] }) {
  return (
    <ul className="results">
      {records.map((record) => (
        <Result key={record.id} result={record} />
      ))}
    </ul>
  );
}
