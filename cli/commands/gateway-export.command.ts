/**
 * `thiqa gateway export [QUERY] --format csv|json [filters] [--output FILE]`: every published Gateway record a
 * search finds, newest published first, streamed: CSV when they are of one type (`--type` makes sure; the file
 * reads back as a bulk file of that type), JSON (`{"records": [{id, type, revision, published_at, updated_at,
 * record}]}`) for any mix. To stdout, or through a temporary name to `--output`.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import { writeFileAtomically } from '../atomic-file.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCountOf } from '../output.ts';
import { filters, withFilters, type FilterOptions } from './gateway-search.command.ts';

async function writeChunks(chunks: AsyncIterable<string>, stream: Writable): Promise<void> {
  for await (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
}

export function gatewayExportCommand(): Command {
  return withFilters(
    new Command('export')
      .description('write every published record a search finds as CSV (one type) or JSON, to stdout unless --output')
      .argument('[query]', 'words in any language (none: every record, filtered)'),
  )
    .requiredOption('--format <format>', 'csv (records of one type: give --type when the search finds several) or json')
    .option('--output <file>', 'write to this file instead of stdout')
    .action(async (query: string | undefined, options: FilterOptions & { format: string; output?: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const file = await platform.gatewaySearch.export({ q: query, ...filters(options) }, options.format);
        if (options.output === undefined) {
          await writeChunks(file.chunks, process.stdout);
          context.out.note(`Exported ${formatCountOf(file.total, 'record')} as ${file.format.toUpperCase()}.`);
          return;
        }
        await writeFileAtomically(options.output, (stream) => writeChunks(file.chunks, stream));
        context.out.result({ file: options.output, format: file.format, type: file.type ?? null, records: file.total }, () => `Exported ${formatCountOf(file.total, 'record')} as ${file.format.toUpperCase()} to ${options.output}.`);
      });
    });
}
