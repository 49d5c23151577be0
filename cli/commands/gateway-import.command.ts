/**
 * `thiqa gateway import FILE --type TYPE [--dry-run] [--valid-only] [--format csv|json] [--json]`: a bulk file
 * of Gateway records of one type (CSV, JSON, or the EU CSIRTs Network list as `cirt`), imported as the operator
 * (published at once; see `import.service.ts`), or only checked with `--dry-run`. Every problem is printed by
 * row and column. A file that stores nothing (a problem of its own, or a row with problems without
 * `--valid-only`) exits 1, on a dry run too, so scripts can check a file before importing it. With `--json`,
 * the report is the REST API's (`POST /api/v1/gateway/import`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { notFound } from '../../server/core/errors.ts';
import { presentImport } from '../../server/modules/gateway/presenters/import.presenter.ts';
import type { ImportReport } from '../../server/modules/gateway/services/import.service.ts';
import { contextOf, usageError, withInitialisedPlatform } from '../command-context.ts';
import { formatCountOf } from '../output.ts';

interface ImportOptions {
  type: string;
  dryRun?: boolean;
  validOnly?: boolean;
  format?: string;
}

/** The format asked for, else the file's extension's, else undefined (the reader looks at the first character). */
function formatOf(file: string, given: string | undefined): 'csv' | 'json' | undefined {
  const format = (given ?? path.extname(file).slice(1)).toLowerCase();
  if (format === 'csv' || format === 'json') return format;
  if (given !== undefined) throw usageError('usage.invalid_format', `--format is csv or json, not "${given}"`, { format: given });
  return undefined;
}

const where = (row: { line?: number | undefined; index?: number | undefined }) => (row.line !== undefined ? `line ${row.line}` : `record ${row.index}`);

function describe(file: string, report: ImportReport): string[] {
  const lines = report.problems.map((p) => `  ${p.rule}  ${p.path}  ${p.message}`);
  for (const d of report.duplicates) {
    const other = d.other ? `record ${d.other.id} (${Object.values(d.other.title)[0] ?? ''})` : d.otherRow ? where(d.otherRow) : 'another record';
    lines.push(`  likely duplicate  ${where(d.row)}  of ${other}  (${d.reasons.join(', ')})`);
  }
  const read = `${formatCountOf(report.rows, 'row')} read, ${formatCountOf(report.valid, 'valid row')}`;
  if (report.refused) lines.push(`${file}: nothing ${report.dryRun ? 'would be ' : ''}imported (${read}, ${formatCountOf(report.problems.length, 'problem')}).`);
  else if (report.dryRun) lines.push(`${file}: ${formatCountOf(report.valid, `${report.type} record`)} would be imported (${read}${report.skipped ? `, ${report.skipped} left out` : ''}); nothing stored.`);
  else lines.push(`${file}: imported ${formatCountOf(report.imported, `${report.type} record`)}, published (${read}${report.skipped ? `, ${report.skipped} left out` : ''}; ${formatCountOf(report.duplicates.length, 'likely duplicate')} flagged).`);
  return lines;
}

export function gatewayImportCommand(): Command {
  return new Command('import')
    .description('import a CSV or JSON file of records of one type, published at once (or only check it with --dry-run)')
    .argument('<file>', 'CSV (title_en … , source_url, …) or JSON ([…] or {"records": […]}), or the EU CSIRTs Network list')
    .requiredOption('--type <type>', 'the records’ type: initiative, strategy, cirt, legislation, agreement, standard, exercise, resource, assistance')
    .option('--dry-run', 'read and check the file, list its problems and likely duplicates, store nothing')
    .option('--valid-only', 'import the valid rows of a file some rows of which have problems (without it, any problem imports nothing)')
    .option('--format <format>', 'csv or json (default: by the file’s extension, else by its first character)')
    .action(async (file: string, options: ImportOptions, command: Command) => {
      const context = contextOf(command);
      const format = formatOf(file, options.format);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw notFound('file.not_found', `there is no file "${file}"`, { path: file });
      const content = fs.readFileSync(file);
      await withInitialisedPlatform(context, async (platform) => {
        const report = await platform.gatewayImport.import(SYSTEM, { type: options.type, content, format, dryRun: options.dryRun === true, validOnly: options.validOnly === true, source: path.basename(file) });
        context.out.result(presentImport(report), () => describe(file, report));
        if (report.refused) process.exitCode = 1;
      });
    });
}
