/**
 * `thiqa assessment region-scheme import|list|show`: region schemes for regional aggregates beyond UN M49,
 * as CSV files (shared/assessment/region-scheme-file.ts: `region,name,country`, one row per region and
 * country). An import is checked whole: every problem is listed with its rule, line and column, and nothing
 * is stored (exit status 1). `--replace` replaces the scheme of that name whole, in one transaction.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { readTextFile } from '../input-sources.ts';
import { formatCount, formatCountOf, formatTable } from '../output.ts';

function importCommand(): Command {
  return new Command('import')
    .description('import a region scheme from a CSV file (columns region, name, country; name_ar … name_es optional)')
    .argument('<file>', 'CSV file, one row per region and country')
    .requiredOption('--name <name>', 'name of the scheme, e.g. "ITU regions"')
    .option('--replace', 'replace the scheme of that name, whole, if there is one')
    .action(async (file: string, options: { name: string; replace?: boolean }, command: Command) => {
      const context = contextOf(command);
      const text = readTextFile(file);
      await withInitialisedPlatform(context, async (platform) => {
        const source = file.split(/[\\/]/).pop();
        const { scheme, problems } = await platform.regionSchemes.import(SYSTEM, { name: options.name, text, source, replace: options.replace === true });
        if (!scheme) {
          context.out.result({ file, imported: false, problems }, () => [...problems.map((p) => `  ${p.rule}  ${p.path}  ${p.message}`), `${file}: nothing imported, ${problems.length} problem(s).`]);
          process.exitCode = 1;
          return;
        }
        const countries = `${formatCount(scheme.countries)} ${scheme.countries === 1 ? 'country' : 'countries'}`;
        context.out.result({ file, imported: true, scheme }, () => `${scheme.replaced ? 'Replaced' : 'Imported'} region scheme "${scheme.name}": ${formatCountOf(scheme.regions, 'region')}, ${countries}.`);
      });
    });
}

function listCommand(): Command {
  return new Command('list').description('list the imported region schemes (UN M49, built in, is "m49")').action(async (_options: unknown, command: Command) => {
    const context = contextOf(command);
    await withInitialisedPlatform(context, async (platform) => {
      const schemes = await platform.regionSchemes.list();
      context.out.result({ schemes }, () => formatTable(['scheme', 'regions', 'countries', 'imported'], schemes.map((s) => [s.name, String(s.regions), String(s.countries), new Date(s.updatedAt).toISOString()])));
    });
  });
}

function showCommand(): Command {
  return new Command('show')
    .description('the regions of an imported scheme, with their names and countries')
    .argument('<name>', 'scheme name')
    .action(async (name: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const { scheme, regions } = await platform.regionSchemes.get(name);
        context.out.result({ scheme, regions }, () => [`${scheme.name}: ${formatCountOf(regions.length, 'region')}`, ...formatTable(['region', 'name', 'countries'], regions.map((r) => [r.region, r.name, r.countries.join(' ')]))]);
      });
    });
}

export function regionSchemeCommand(): Command {
  return new Command('region-scheme').description('region schemes for regional aggregates, as CSV').addCommand(importCommand()).addCommand(listCommand()).addCommand(showCommand());
}
