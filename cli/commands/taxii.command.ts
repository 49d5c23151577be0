/**
 * `thiqa taxii …`: this hub as a client of any TAXII 2.1 server (the client is in
 * server/modules/federation/taxii-client/).
 * - `discover URL`, `collections URL`: what a server offers (taxii-discover.command.ts);
 * - `pull URL --collection ID --into COLLECTION`: a remote collection into a local one (taxii-pull.command.ts);
 * - `push URL --collection ID --from COLLECTION`: a local collection to a remote one, never TLP:RED or
 *   TLP:AMBER+STRICT (taxii-push.command.ts);
 * - `migrate URL --collection ID --into COLLECTION`: a remote collection into an empty local one, keeping
 *   ids, versions and date_added (taxii-migrate.command.ts).
 * Credentials come from stdin (`--user U --password-stdin`, or `--token-stdin`), never the command line.
 */
import { Command } from 'commander';
import { taxiiCollectionsCommand, taxiiDiscoverCommand } from './taxii-discover.command.ts';
import { taxiiMigrateCommand } from './taxii-migrate.command.ts';
import { taxiiPullCommand } from './taxii-pull.command.ts';
import { taxiiPushCommand } from './taxii-push.command.ts';

export function taxiiCommand(): Command {
  return new Command('taxii').description('talk to another TAXII 2.1 server: discover, list, pull, push, migrate')
    .addCommand(taxiiDiscoverCommand())
    .addCommand(taxiiCollectionsCommand())
    .addCommand(taxiiPullCommand())
    .addCommand(taxiiPushCommand())
    .addCommand(taxiiMigrateCommand());
}
