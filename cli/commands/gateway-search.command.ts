/**
 * `thiqa gateway search QUERY [filters] [--limit N] [--cursor C]`: published Gateway records found by a query in
 * any of the six languages, newest published first. People get a table (type, first title, countries, id) and
 * the total; `--json` gives the REST API's answer: `{ total, records, facets, next }`.
 */
import { Command } from 'commander';
import { presentSearch } from '../../server/modules/gateway/presenters/search.presenter.ts';
import { SEARCH_LIMIT_DEFAULT } from '../../server/modules/gateway/services/search.service.ts';
import { LANGUAGES } from '../../shared/i18n/languages.ts';
import { recordCountries } from '../../shared/gateway/record-index.ts';
import type { MultilingualText } from '../../shared/gateway/record-types.ts';
import { contextOf, usageError, withInitialisedPlatform } from '../command-context.ts';
import { formatCountOf, formatTable } from '../output.ts';

/** The filters `search` and `export` take, as options. */
export function withFilters(command: Command): Command {
  return command
    .option('--type <type>', 'a record type (initiative, strategy, cirt, legislation, agreement, standard, exercise, resource, assistance)')
    .option('--country <cc>', 'an ISO 3166-1 alpha-2 code the records name')
    .option('--region <m49>', 'a UN M49 area code (002 Africa, 145 Western Asia…)')
    .option('--pillar <pillar>', 'a GCA pillar (legal, technical, organisational, capacity, cooperation)')
    .option('--language <language>', 'a language the records are written in (ar, zh, en, fr, ru, es)')
    .option('--year <year>', 'a year of the records (adopted, signed, established, held…)');
}

export interface FilterOptions {
  type?: string;
  country?: string;
  region?: string;
  pillar?: string;
  language?: string;
  year?: string;
}

/** The title in the first of the six languages it is written in. */
const firstTitle = (title: MultilingualText) => LANGUAGES.map((l) => title[l]).find((t) => t !== undefined) ?? '';

function limitOf(text: string | undefined): number {
  if (text === undefined) return SEARCH_LIMIT_DEFAULT;
  const limit = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(limit >= 1 && limit <= 100)) throw usageError('usage.invalid_limit', `--limit must be a whole number from 1 to 100, got "${text}"`, { limit: text });
  return limit;
}

export function gatewaySearchCommand(): Command {
  return withFilters(
    new Command('search')
      .description('search the published records in any of the six languages: every word of the query must be in a record')
      .argument('[query]', 'words in any language (none: every record, filtered)'),
  )
    .option('--limit <n>', `records per page, 1 to 100 (default ${SEARCH_LIMIT_DEFAULT})`)
    .option('--cursor <cursor>', 'the next page: the cursor a search printed')
    .action(async (query: string | undefined, options: FilterOptions & { limit?: string; cursor?: string }, command: Command) => {
      const context = contextOf(command);
      const limit = limitOf(options.limit);
      await withInitialisedPlatform(context, async (platform) => {
        const result = await platform.gatewaySearch.find({ q: query, ...filters(options), limit, cursor: options.cursor });
        context.out.result(presentSearch(result), () => {
          const rows = result.records.map((r) => [r.type, firstTitle(r.body!.title as MultilingualText), recordCountries(r.type, r.body!).join(' '), r.id]);
          const more = result.next === null ? [] : [`More: --cursor ${result.next}`];
          return [`${formatCountOf(result.total, 'record')} found`, ...(rows.length ? formatTable(['type', 'title', 'countries', 'id'], rows) : []), ...more];
        });
      });
    });
}

/** The filter options given, as a search takes them. */
export function filters(options: FilterOptions): FilterOptions {
  const { type, country, region, pillar, language, year } = options;
  return { type, country, region, pillar, language, year };
}
