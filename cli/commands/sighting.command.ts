/**
 * `thiqa sighting add INDICATOR --collection C [--count N] [--first-seen T] [--last-seen T] [--where TEXT]
 * [--tlp LEVEL] [--anonymous] [--as USER]`: report a sighting of an indicator, for the user's organisation
 * or anonymously; `thiqa sighting list INDICATOR --collection C [--as USER]`: the indicator's sightings the
 * user may see and their aggregate. Without `--as` the operator acts (it has no organisation: it may only
 * sight anonymously). With `--json`, the answers are the REST API's shapes
 * (`/api/v1/collections/{collection}/indicators/{id}/sightings`).
 */
import { Command, InvalidArgumentError } from 'commander';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { Platform } from '../../server/platform.ts';
import { presentPosted, presentSightings } from '../../server/modules/sightings/presenters/sighting.presenter.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCountOf, formatTable } from '../output.ts';

function wholeNumber(raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return value;
}

interface AddOptions {
  collection: string;
  count?: number;
  firstSeen?: string;
  lastSeen?: string;
  where?: string;
  tlp?: string;
  anonymous?: boolean;
  as?: string;
}

const actorOf = (platform: Platform, as: string | undefined): Promise<Actor> => (as === undefined ? Promise.resolve(SYSTEM) : platform.users.actAs(SYSTEM, as));

function addCommand(): Command {
  return new Command('add')
    .description('report a sighting of an indicator (stored as a STIX sighting in its collection)')
    .argument('<indicator>', 'indicator id')
    .requiredOption('--collection <collection>', 'collection id or alias holding the indicator')
    .option('--count <n>', 'times it was seen (default 1)', wholeNumber)
    .option('--first-seen <timestamp>', 'start of the window it was seen in (UTC, e.g. 2026-03-01T12:00:00Z)')
    .option('--last-seen <timestamp>', 'end of the window it was seen in')
    .option('--where <text>', 'where it was seen, in words')
    .option('--tlp <level>', 'clear, green, amber, amber+strict or red (default: the collection’s)')
    .option('--anonymous', 'counted for the community, not attributed to the organisation (at most TLP:AMBER)')
    .option('--as <user>', 'report it as this user, for the user’s organisation (default: the operator)')
    .action(async (indicator: string, options: AddOptions, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const actor = await actorOf(platform, options.as);
        const request = { count: options.count, first_seen: options.firstSeen, last_seen: options.lastSeen, where: options.where, tlp: options.tlp, anonymous: options.anonymous };
        const answer = presentPosted(await platform.sightings.post(actor, options.collection, indicator, request));
        const by = answer.sighting.anonymous ? 'anonymously' : `for ${answer.sighting.created_by_ref}`;
        context.out.result(answer, () => `Sighting ${answer.sighting.id} of ${indicator} (${formatCountOf(answer.sighting.count ?? 1, 'time')}, TLP:${answer.sighting.tlp.toUpperCase()}) reported ${by}.`);
      });
    });
}

function listCommand(): Command {
  return new Command('list')
    .description('the sightings of an indicator the user may see, newest first, and their aggregate')
    .argument('<indicator>', 'indicator id')
    .requiredOption('--collection <collection>', 'collection id or alias holding the indicator')
    .option('--as <user>', 'read as this user (default: the operator)')
    .action(async (indicator: string, options: { collection: string; as?: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const answer = presentSightings(await platform.sightings.list(await actorOf(platform, options.as), options.collection, indicator));
        const { aggregate: a } = answer;
        context.out.result(answer, () => [
          `${formatCountOf(a.sightings, 'sighting')} of ${indicator}: seen ${formatCountOf(a.total_count, 'time')}, by ${formatCountOf(a.organisations, 'organisation')} and ${a.anonymous} anonymously; first ${a.first_seen ?? '-'}, last ${a.last_seen ?? '-'}.`,
          ...(answer.sightings.length
            ? formatTable(['ID', 'COUNT', 'FIRST SEEN', 'LAST SEEN', 'TLP', 'BY', 'WHERE'], answer.sightings.map((s) => [s.id, String(s.count ?? '-'), s.first_seen ?? '-', s.last_seen ?? '-', s.tlp, s.created_by_ref ?? 'anonymous', s.where ?? '']))
            : []),
        ]);
      });
    });
}

export function sightingCommand(): Command {
  return new Command('sighting').description('sightings of indicators: report one, for your organisation or anonymously; list them with their aggregate').addCommand(addCommand()).addCommand(listCommand());
}
