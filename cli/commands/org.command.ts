/** `thiqa org add NAME --type TYPE [--subtype S] --country CC [--sector S] [--identity ID]` and `thiqa org list`. */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { ORGANISATION_TYPES } from '../../server/core/organisations/organisation-types.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatTable } from '../output.ts';

interface AddOptions {
  type: string;
  subtype?: string;
  country?: string;
  sector?: string;
  identity?: string;
}

export function orgCommand(): Command {
  const org = new Command('org').description('manage organisations (users belong to one)');
  org
    .command('add')
    .description('add an organisation and its STIX identity')
    .argument('<name>', 'organisation name, unique regardless of case')
    .requiredOption('--type <type>', `organisation type: ${ORGANISATION_TYPES.map((t) => t.code).join(', ')}`)
    .option('--subtype <subtype>', 'member-state: ministry, regulator, national-cirt, other; sector-member: operator, vendor, bank, other')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 country code (required except for regional-international)')
    .option('--sector <sector>', 'sector, e.g. energy, financial-services, telecommunications')
    .option('--identity <id>', 'the STIX identity it already publishes under (identity--<uuid>, e.g. from its own hub); default: a new one')
    .action(async (name: string, options: AddOptions, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const added = await platform.organisations.add(SYSTEM, { name, ...options });
        context.out.result({ organisation: added }, () => `Added organisation ${added.name} (${added.id}), identity ${added.identityId}.`);
      });
    });
  org
    .command('list')
    .description('list organisations')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const organisations = await platform.organisations.list(SYSTEM);
        context.out.result({ organisations }, () =>
          formatTable(
            ['NAME', 'TYPE', 'COUNTRY', 'SECTOR', 'ID'],
            organisations.map((o) => [o.name, o.subtype ? `${o.type}/${o.subtype}` : o.type, o.country ?? '-', o.sector ?? '-', o.id]),
          ),
        );
      });
    });
  return org;
}
