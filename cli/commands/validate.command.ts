/**
 * `thiqa validate FILE|-`: checks a bundle offline (no store): the JSON, the envelope and every object
 * against STIX 2.1. Exit status 1 when anything is an error; warnings alone pass.
 */
import { Command } from 'commander';
import { isBundleReadError, readBundleObjects, type BundleReadError } from '../../shared/json/index.ts';
import { validateBundleEnvelope, validateObject, type Problem } from '../../shared/stix/index.ts';
import { contextOf } from '../command-context.ts';
import { countBytes, resolveSources } from '../input-sources.ts';
import { formatCountOf } from '../output.ts';
import { startProgress } from '../progress.ts';

interface ObjectReport {
  index: number;
  id: string | null;
  problems: Problem[];
}

interface ValidationReport {
  source: string;
  valid: boolean;
  objects: number;
  errors: number;
  warnings: number;
  envelope: Problem[];
  /** Objects with at least one problem, in bundle order. */
  results: ObjectReport[];
  malformed: { code: string; message: string; offset: number; line: number; column: number } | null;
}

const count = (problems: readonly Problem[], severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;

function idOf(object: unknown): string | null {
  const id = typeof object === 'object' && object !== null ? (object as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : null;
}

function describeProblem(problem: Problem): string {
  return `  ${problem.severity.padEnd(7)} ${problem.rule}  ${problem.path}  ${problem.message}`;
}

function describe(report: ValidationReport): string[] {
  const lines: string[] = [];
  if (report.envelope.length) lines.push('bundle envelope', ...report.envelope.map(describeProblem));
  for (const result of report.results) lines.push(`#${result.index} ${result.id ?? '(no id)'}`, ...result.problems.map(describeProblem));
  if (report.malformed) lines.push(report.malformed.message, `The rest of the file, from byte ${report.malformed.offset}, was not checked.`);
  const verdict = report.valid ? (report.warnings ? 'valid, with warnings' : 'valid') : 'INVALID';
  lines.push(`${report.source}: ${verdict}: ${formatCountOf(report.objects, 'object')}, ${formatCountOf(report.errors, 'error')}, ${formatCountOf(report.warnings, 'warning')}.`);
  return lines;
}

export function validateCommand(): Command {
  return new Command('validate')
    .description('check a STIX 2.1 bundle offline: JSON, envelope and every object (no store needed)')
    .argument('<file>', 'bundle file, or - for stdin')
    .action(async (file: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      const [source] = await resolveSources([file]);
      if (!source) return;
      const envelope: Record<string, unknown> = {};
      const report: ValidationReport = { source: source.name, valid: true, objects: 0, errors: 0, warnings: 0, envelope: [], results: [], malformed: null };
      const progress = startProgress(source.name, source.size, !context.out.json);
      let bytes = 0;
      const tally = (problems: Problem[]) => {
        report.errors += count(problems, 'error');
        report.warnings += count(problems, 'warning');
      };
      try {
        const objects = readBundleObjects(countBytes(source.open(), (n) => (bytes += n)), {
          onMember: (name, value) => (envelope[name] = value),
          // The envelope rules only look at the list itself ("objects": [] is an error): a stand-in of the right length does.
          onObjectsEnd: (length) => (envelope.objects = length === 0 ? [] : [null]),
        });
        for await (const object of objects) {
          const problems = validateObject(object);
          if (problems.length) report.results.push({ index: report.objects, id: idOf(object), problems });
          tally(problems);
          if (++report.objects % 500 === 0) progress.update(report.objects, bytes);
        }
        report.envelope = validateBundleEnvelope(envelope);
        tally(report.envelope);
      } catch (error) {
        if (!isBundleReadError(error)) throw error;
        const { code, message, offset, line, column } = error as BundleReadError;
        report.malformed = { code, message, offset, line, column };
      } finally {
        progress.stop();
      }
      report.valid = report.errors === 0 && report.malformed === null;
      context.out.result(report, () => describe(report));
      if (!report.valid) process.exitCode = 1;
    });
}
