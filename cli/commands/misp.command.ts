/**
 * `thiqa misp …`: MISP interoperability.
 * - `import FILE|DIR [--into COLLECTION] [--as USER]`: one MISP event file, or a MISP feed folder (manifest.json,
 *   event files, hashes.csv checked when present), mapped to STIX 2.1 and stored (misp-import.command.ts).
 * - `export COLLECTION --out DIR [--as USER]`: a collection as a MISP feed a MISP instance can subscribe to
 *   (misp-export.command.ts).
 * Both answer with `--json` the report of the service (`MispImportReport`, `MispExportReport`).
 */
import { Command } from 'commander';
import { mispExportCommand } from './misp-export.command.ts';
import { mispImportCommand } from './misp-import.command.ts';

export function mispCommand(): Command {
  return new Command('misp').description('MISP events and feeds: import into a collection, export a collection as a feed')
    .addCommand(mispImportCommand())
    .addCommand(mispExportCommand());
}
