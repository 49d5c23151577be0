/**
 * Bulk import of Gateway records from a CSV or JSON file of one type (`shared/gateway/record-file.ts`).
 *
 * - Who: Gateway moderators and platform administrators (`gateway.moderate`; the operator, the CLI, too).
 * - What is stored: the file is read whole first, every problem named by row and column (or index and
 *   path). A file with a problem of its own (a missing column, too large…) imports nothing. A row with a
 *   problem makes the whole file import nothing, unless the importer chose `validOnly`: then the valid rows are
 *   imported and the others reported. A dry run reads, checks and looks for duplicates, and stores nothing.
 * - How: imported records are published at once — the importer is a moderator vouching for the file, as
 *   accepting each row would — each with revision 1 `accepted` by the importer, noted as imported from the
 *   file, so its history says where it came from; later corrections go through moderation as usual. This
 *   waives the four-eyes rule of moderation for the file's first versions: the audit entry (one per import,
 *   with the file's SHA-256) says who did it.
 * - Atomic: the whole file is one transaction with its audit entry (`import.repository.ts`): a crash or an
 *   error mid-import leaves nothing of it and no audit entry; importing the file again is the way on.
 * - Likely duplicates, against the records already there and between rows of the file, are flagged for the
 *   moderators as proposals are (`duplicate.service.ts`), at most `FLAGS_PER_ROW` per row
 *   (`import-duplicates.ts`), and the report lists them by row; a dry run lists exactly the ones an import
 *   would flag.
 */
import { createHash } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import { forbidden, invalid } from '../../../core/errors.ts';
import { duplicateKeys, type DuplicateReason } from '../../../../shared/gateway/record-index.ts';
import { readRecordFile, recordsToImport, type RecordFileFormat, type RecordFileProblem } from '../../../../shared/gateway/record-file.ts';
import { isRecordType, RECORD_TYPES, type RecordType } from '../../../../shared/gateway/record-types.ts';
import type { FlagRecord } from '../repositories/duplicate.repository.ts';
import { orderedIds, type ImportedRecord, type ImportRepository, type KeyHolder } from '../repositories/import.repository.ts';
import type { RecordRepository, RecordSummary } from '../repositories/record.repository.ts';
import { authorOf, mayModerate } from './gateway-access.ts';
import { pairsToFlag } from './import-duplicates.ts';

export interface ImportInput {
  type: string;
  content: string | Uint8Array;
  /** How to read the file; by default JSON when it starts with `[` or `{`, else CSV. */
  format?: 'csv' | 'json' | undefined;
  /** Read and check only: nothing is stored. */
  dryRun?: boolean | undefined;
  /** Import the valid rows of a file some rows of which have problems (the others are reported). */
  validOnly?: boolean | undefined;
  /** The file's name, kept in each record's first revision and the audit entry. */
  source?: string | undefined;
}

/** Where a row is in the file: CSV line, or JSON index. */
export type RowRef = { line?: number | undefined; index?: number | undefined };

/** A likely duplicate of a row: a record already there, or another row of the file. */
export interface ImportDuplicate {
  row: RowRef;
  /** The imported record of the row; null on a dry run. */
  record: string | null;
  reasons: DuplicateReason[];
  /** The record it resembles, when it was there before. */
  other: RecordSummary | null;
  /** The other row, when the pair is within the file. */
  otherRow: RowRef | null;
  /** The flag raised; null on a dry run. */
  flag: string | null;
}

export interface ImportReport {
  type: RecordType;
  /** How the file was read; null when it is not text at all. */
  format: RecordFileFormat | null;
  source: string | null;
  dryRun: boolean;
  validOnly: boolean;
  /** Data rows (records) read. */
  rows: number;
  valid: number;
  /** What the import stores (or, on a dry run, would store): nothing when refused. */
  refused: boolean;
  /** Records stored: 0 on a dry run or when refused. */
  imported: number;
  /** Rows with problems left out (with `validOnly`). */
  skipped: number;
  /** The file's problems, then every row's, in file order. */
  problems: RecordFileProblem[];
  /** The records imported, with their rows. */
  records: (RowRef & { id: string })[];
  duplicates: ImportDuplicate[];
}

const SUMMARIES_AT_ONCE = 1_000;

const refOf = (row: RowRef): RowRef => (row.line !== undefined ? { line: row.line } : { index: row.index });

export class ImportService {
  private readonly imports: ImportRepository;
  private readonly records: RecordRepository;
  private readonly audit: AuditLog;
  private readonly now: () => number;

  constructor(imports: ImportRepository, records: RecordRepository, audit: AuditLog, now: () => number = Date.now) {
    this.imports = imports;
    this.records = records;
    this.audit = audit;
    this.now = now;
  }

  /**
   * Imports (or, with `dryRun`, checks) a file of records of `type` (see the module's note). Never throws for
   * the file's content: a refused file answers `refused` with its problems, and stores nothing.
   * @throws DomainError `forbidden` `gateway.import_forbidden`; `invalid` `gateway.unknown_type`.
   */
  async import(actor: Actor, input: ImportInput): Promise<ImportReport> {
    if (!mayModerate(actor)) throw forbidden('gateway.import_forbidden', 'only Gateway moderators and platform administrators import records');
    const type = input.type.trim().toLowerCase();
    if (!isRecordType(type)) throw invalid('gateway.unknown_type', `"${input.type}" is not a record type; the types are ${RECORD_TYPES.join(', ')}`, { field: 'type', type: input.type, types: RECORD_TYPES.join(', ') });
    const file = readRecordFile(type, input.content, { format: input.format });
    const dryRun = input.dryRun === true;
    const validOnly = input.validOnly === true;
    // With validOnly, a file whose every row has problems stores nothing either.
    const found = recordsToImport(file, { skipInvalidRows: validOnly });
    const chosen = found?.records.length ? found : undefined;
    const problems = [...file.problems, ...file.rows.flatMap((row) => row.problems)];
    const report: ImportReport = {
      type,
      format: file.format ?? null,
      source: input.source ?? null,
      dryRun,
      validOnly,
      rows: file.rows.length,
      valid: file.valid,
      refused: chosen === undefined,
      imported: 0,
      skipped: chosen?.skipped ?? 0,
      problems,
      records: [],
      duplicates: [],
    };
    if (!chosen) return report;
    const rows = file.rows.filter((row) => row.record);
    const ids = orderedIds(rows.length, this.now());
    const toStore: ImportedRecord[] = rows.map((row, i) => ({ id: ids[i]!, body: row.record!, keys: duplicateKeys(type, row.record!) }));
    const keys = toStore.map((r) => r.keys);
    if (dryRun) {
      const pairs = pairsToFlag(keys, await this.imports.holders([...new Set(keys.flat().map((k) => k.key))]));
      const others = await this.summaries(pairs.flatMap((p) => ('id' in p.other ? [p.other.id] : [])));
      report.duplicates = pairs.map((pair) => {
        const other = 'id' in pair.other ? (others.get(pair.other.id) ?? null) : null;
        return { row: refOf(rows[pair.row]!), record: null, reasons: pair.reasons, other, otherRow: 'row' in pair.other ? refOf(rows[pair.other.row]!) : null, flag: null };
      });
      return report;
    }
    const at = this.now();
    const digest = createHash('sha256').update(input.content).digest('hex');
    const note = `imported from ${input.source ?? 'a file'}`.slice(0, 2_000);
    const audited = this.audit.within<FlagRecord[]>(actor, (flags) => ({
      action: 'gateway.import',
      details: { type, format: file.format!, source: input.source ?? null, sha256: digest, rows: file.rows.length, imported: toStore.length, skipped: chosen.skipped, duplicates: flags.length },
    }));
    const decide = (holders: KeyHolder[]) =>
      pairsToFlag(keys, holders).map((pair) => ({ recordId: toStore[pair.row]!.id, otherId: 'id' in pair.other ? pair.other.id : toStore[pair.other.row]!.id, reasons: pair.reasons }));
    const flags = await this.imports.publish(toStore, { type, by: authorOf(actor), at, note }, decide, audited);
    report.imported = toStore.length;
    report.records = toStore.map((r, i) => ({ ...refOf(rows[i]!), id: r.id }));
    const rowOf = new Map(report.records.map((r) => [r.id, refOf(r)]));
    const others = await this.summaries(flags.filter((f) => !rowOf.has(f.otherId)).map((f) => f.otherId));
    report.duplicates = flags.map((flag) => ({ row: rowOf.get(flag.recordId)!, record: flag.recordId, reasons: flag.reasons, other: others.get(flag.otherId) ?? null, otherRow: rowOf.get(flag.otherId) ?? null, flag: flag.id }));
    return report;
  }

  /** The summaries of records by id, read a slice at a time (a re-imported file names thousands). */
  private async summaries(ids: readonly string[]): Promise<Map<string, RecordSummary>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, RecordSummary>();
    for (let start = 0; start < unique.length; start += SUMMARIES_AT_ONCE) for (const [id, s] of await this.records.summaries(unique.slice(start, start + SUMMARIES_AT_ONCE))) found.set(id, s);
    return found;
  }
}
