/** A bulk import's report as the REST API answers it (and `thiqa gateway import --json` prints), and its JSON Schema. */
import { objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import type { ErrorProblem } from '../../../core/errors.ts';
import type { RecordFileProblem } from '../../../../shared/gateway/record-file.ts';
import type { ImportReport, RowRef } from '../services/import.service.ts';
import { presentSummary } from './record.presenter.ts';

/** A problem of the file, every place key present (null where it does not apply). */
export function presentImportProblem(p: RecordFileProblem): ErrorProblem {
  return { rule: p.rule, path: p.path, message: p.message, field: p.field ?? null, line: p.line ?? null, column: p.column ?? null, index: p.index ?? null };
}

const at = (row: RowRef) => ({ line: row.line ?? null, index: row.index ?? null });

export function presentImport(report: ImportReport) {
  return {
    type: report.type,
    format: report.format,
    source: report.source,
    dry_run: report.dryRun,
    valid_only: report.validOnly,
    rows: report.rows,
    valid: report.valid,
    refused: report.refused,
    imported: report.imported,
    skipped: report.skipped,
    problems: report.problems.map(presentImportProblem),
    records: report.records.map((r) => ({ id: r.id, ...at(r) })),
    duplicates: report.duplicates.map((d) => ({
      ...at(d.row),
      record: d.record,
      reasons: d.reasons,
      other: d.other ? presentSummary(d.other) : null,
      other_line: d.otherRow?.line ?? null,
      other_index: d.otherRow?.index ?? null,
      flag: d.flag,
    })),
  };
}

const place = { line: { type: ['integer', 'null'], description: 'CSV: the line (1 is the header)' }, index: { type: ['integer', 'null'], description: 'JSON: the record’s position in the list, from 0' } };

export const IMPORT_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  GatewayImportProblem: objectSchema({
    rule: { type: 'string', description: 'the rule code (sentences in the six problem catalogs)' },
    path: { type: 'string', description: '"line 7, country" (CSV) or "$[3].country" (JSON), or "$" for the file' },
    message: { type: 'string', description: 'in English' },
    field: { type: ['string', 'null'] },
    line: place.line,
    column: { type: ['string', 'null'], description: 'CSV: the column at fault, as the header names it' },
    index: place.index,
  }),
  GatewayImport: objectSchema({
    type: { type: 'string' },
    format: { type: ['string', 'null'], enum: ['csv', 'json', 'eu-csirts-network', null], description: 'how the file was read; null when it is not text' },
    source: { type: ['string', 'null'], description: 'the file’s name, as given' },
    dry_run: { type: 'boolean', description: 'nothing was stored' },
    valid_only: { type: 'boolean' },
    rows: { type: 'integer', description: 'records read' },
    valid: { type: 'integer' },
    refused: { type: 'boolean', description: 'the file stores nothing: a problem of its own, a row with problems without valid_only, or no valid row' },
    imported: { type: 'integer', description: 'records stored and published (0 on a dry run)' },
    skipped: { type: 'integer', description: 'rows with problems left out (valid_only)' },
    problems: { type: 'array', items: ref('GatewayImportProblem'), description: 'the file’s own problems, then every row’s' },
    records: { type: 'array', items: objectSchema({ id: { type: 'string' }, ...place }), description: 'the records imported, with their rows' },
    duplicates: {
      type: 'array',
      description: 'likely duplicates, flagged for the moderators (on a dry run: those an import would flag)',
      items: objectSchema({
        ...place,
        record: { type: ['string', 'null'], description: 'the row’s record; null on a dry run' },
        reasons: { type: 'array', items: { type: 'string', enum: ['title', 'source_url'] } },
        other: { oneOf: [ref('GatewayRecordSummary'), { type: 'null' }], description: 'the record there before it resembles' },
        other_line: { type: ['integer', 'null'], description: 'or the other row of the file' },
        other_index: { type: ['integer', 'null'] },
        flag: { type: ['string', 'null'], description: 'the duplicate flag raised; null on a dry run' },
      }),
    },
  }),
};
