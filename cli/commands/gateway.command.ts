/**
 * `thiqa gateway …`: the Gateway's published records from the command line, for scripts as for people.
 * - `search QUERY [--type T] [--country CC] [--region M49] [--pillar P] [--language L] [--year Y]`: one page of
 *   the records found, newest published first, with the facet counts (gateway-search.command.ts).
 * - `export [QUERY] --format csv|json [--output FILE]` with the same filters: every record found, as a file
 *   (gateway-export.command.ts).
 * With `--json`, the answer is the REST API's (`GET /api/v1/gateway/records`), so scripts read one shape.
 */
import { Command } from 'commander';
import { gatewayExportCommand } from './gateway-export.command.ts';
import { gatewaySearchCommand } from './gateway-search.command.ts';

export function gatewayCommand(): Command {
  return new Command('gateway').description("the Gateway's published records: search and export").addCommand(gatewaySearchCommand()).addCommand(gatewayExportCommand());
}
