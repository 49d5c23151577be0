/**
 * `thiqa assessment framework import|list|export`: frameworks of the commitment index as JSON files. An
 * import is checked whole: every problem is listed with its rule and JSON path, and nothing is stored (exit
 * status 1). A stored version never changes; export writes it back as it was imported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { SHIPPED_FRAMEWORKS_DIR } from '../../server/modules/assessment/services/shipped-frameworks.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { readTextFile } from '../input-sources.ts';
import { formatTable } from '../output.ts';

/** The frameworks Thiqa ships, ready to import by name. */
export { SHIPPED_FRAMEWORKS_DIR as SHIPPED_FRAMEWORKS };

function importCommand(): Command {
  return new Command('import')
    .description('import a framework from a JSON file (or one Thiqa ships: gca-commitment, csirt-maturity)')
    .argument('<file>', 'framework file, or the name of a shipped framework')
    .action(async (given: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      const shipped = path.join(SHIPPED_FRAMEWORKS_DIR, `${given}.json`);
      const text = readTextFile(fs.existsSync(given) || !fs.existsSync(shipped) ? given : shipped);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        const problems = [{ rule: 'edition-not-json', path: '$', message: `the file is not JSON: ${(error as Error).message}` }];
        context.out.result({ file: given, imported: false, problems }, () => `${given}: ${problems[0]!.message}`);
        process.exitCode = 1;
        return;
      }
      await withInitialisedPlatform(context, async (platform) => {
        const { framework, problems } = await platform.frameworks.import(SYSTEM, json);
        if (!framework) {
          context.out.result({ file: given, imported: false, problems }, () => [...problems.map((p) => `  ${p.rule}  ${p.path}  ${p.message}`), `${given}: nothing imported, ${problems.length} problem(s).`]);
          process.exitCode = 1;
          return;
        }
        context.out.result({ file: given, imported: true, framework }, () => `Imported framework ${framework.id} version ${framework.version}.`);
      });
    });
}

function listCommand(): Command {
  return new Command('list').description('list the stored frameworks and their versions').action(async (_options: unknown, command: Command) => {
    const context = contextOf(command);
    await withInitialisedPlatform(context, async (platform) => {
      const frameworks = await platform.frameworks.list();
      context.out.result({ frameworks }, () => formatTable(['framework', 'version', 'imported'], frameworks.map((f) => [f.id, f.version, f.shipped ? 'shipped, not imported yet' : new Date(f.createdAt).toISOString()])));
    });
  });
}

function exportCommand(): Command {
  return new Command('export')
    .description('write a stored framework version as JSON (the latest version unless --version)')
    .argument('<id>', 'framework id')
    .option('--version <version>', 'the version to export')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (id: string, options: { version?: string; output?: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const text = `${JSON.stringify(await platform.frameworks.get(id, options.version), null, 2)}\n`;
        if (options.output) fs.writeFileSync(options.output, text);
        else process.stdout.write(text);
      });
    });
}

export function frameworkCommand(): Command {
  return new Command('framework').description('frameworks of the commitment index, as JSON').addCommand(importCommand()).addCommand(listCommand()).addCommand(exportCommand());
}
