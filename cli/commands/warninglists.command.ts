/**
 * `thiqa warninglists …`: MISP warning lists from the command line.
 * - `import DIR|FILE [--json]`: a folder of lists (each sub-folder holding a `list.json`, as in
 *   MISP/misp-warninglists `lists/`), or one `list.json`, imported as the operator. Each list is reported:
 *   imported, updated (a newer version), unchanged (a version not newer), or refused with its problems; entries
 *   skipped are counted (and listed with --json). Exits 1 when a file was refused, after importing the others.
 * - `list [--json]`: the stored lists, by name.
 * With `--json`, the answers are the REST API's shapes (`GET /api/v1/warninglists`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { notFound } from '../../server/core/errors.ts';
import { presentImports, presentList } from '../../server/modules/warninglists/presenters/warninglist.presenter.ts';
import type { ListFile, ListImport } from '../../server/modules/warninglists/services/warninglist.service.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCount, formatCountOf, formatTable } from '../output.ts';

const entries = (n: number) => `${formatCount(n)} ${n === 1 ? 'entry' : 'entries'}`;

/** The list files of `target`: itself when a file, else every `<sub-folder>/list.json` (and a `list.json` in it), by name. */
function listFiles(target: string): ListFile[] {
  if (!fs.existsSync(target)) throw notFound('file.not_found', `there is no file or folder "${target}"`, { path: target });
  if (fs.statSync(target).isFile()) return [{ file: path.basename(target), content: fs.readFileSync(target) }];
  const files: ListFile[] = [];
  const own = path.join(target, 'list.json');
  if (fs.existsSync(own)) files.push({ file: 'list.json', content: fs.readFileSync(own) });
  for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(target, entry.name, 'list.json');
    if (entry.isDirectory() && fs.existsSync(file)) files.push({ file: `${entry.name}/list.json`, content: fs.readFileSync(file) });
  }
  if (!files.length) throw notFound('file.not_found', `there is no list.json in "${target}" nor in its sub-folders`, { path: target });
  return files;
}

function describeImport(result: ListImport): string[] {
  const skipped = result.skipped.length ? `, ${entries(result.skipped.length)} skipped` : '';
  switch (result.outcome) {
    case 'imported':
      return [`imported   ${result.file}  "${result.name}" version ${result.version} (${entries(result.entries)}${skipped})`];
    case 'updated':
      return [`updated    ${result.file}  "${result.name}" version ${result.previousVersion} → ${result.version} (${entries(result.entries)}${skipped})`];
    case 'unchanged':
      return [`unchanged  ${result.file}  "${result.name}" version ${result.version} (version ${result.previousVersion} is stored)`];
    default:
      return [`refused    ${result.file}`, ...result.problems.map((p) => `  ${p.rule}  ${p.path}  ${p.message}`)];
  }
}

function importCommand(): Command {
  return new Command('import')
    .description('import MISP warning lists: a folder of lists (each sub-folder with a list.json), or one list.json')
    .argument('<dir>', 'the folder of lists (as MISP/misp-warninglists lists/), or a list.json')
    .action(async (target: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      const files = listFiles(target);
      await withInitialisedPlatform(context, async (platform) => {
        const results = await platform.warningLists.import(SYSTEM, files);
        const report = presentImports(results);
        context.out.result(report, () => [
          ...results.flatMap(describeImport),
          `${formatCountOf(results.length, 'file')}: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ${report.refused} refused.`,
        ]);
        if (report.refused) process.exitCode = 1;
      });
    });
}

function listCommand(): Command {
  return new Command('list').description('the warning lists stored, by name').action(async (_options: unknown, command: Command) => {
    const context = contextOf(command);
    await withInitialisedPlatform(context, async (platform) => {
      const lists = (await platform.warningLists.list()).map(presentList);
      context.out.result({ lists }, () =>
        lists.length ? formatTable(['name', 'version', 'type', 'entries', 'enabled'], lists.map((l) => [l.name, String(l.version), l.type, String(l.entries), l.enabled ? 'yes' : 'no'])) : ['No warning lists are stored.'],
      );
    });
  });
}

export function warninglistsCommand(): Command {
  return new Command('warninglists').description('MISP warning lists: import and list').addCommand(importCommand()).addCommand(listCommand());
}
