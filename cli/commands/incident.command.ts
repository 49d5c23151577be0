/**
 * `thiqa incident report NAME --collection C […] [--recipient IDENTITY]… [--link REF]…`,
 * `incident list --collection C [--state S] [--major|--not-major] [--limit N] [--next CURSOR]`,
 * `incident show ID`, `incident move ID STATE`, `incident major ID [--off]`, `incident note ID TEXT [--abstract A]`,
 * `incident link ID REF` (each with `--collection C` and `--as USER`): incidents as STIX incident objects with the
 * Incident Core Extension, their workflow (reported → triaged → coordinated → closed), notes and links. Without
 * `--as` the operator acts: it may coordinate, but reports for no organisation. With `--json`, the answers are
 * the REST API's shapes (`/api/v1/collections/{collection}/incidents…`).
 */
import { Command } from 'commander';
import { SYSTEM, type Actor } from '../../server/core/auth/actor.ts';
import type { Platform } from '../../server/platform.ts';
import { presentDetail, presentIncidents, presentLink, presentNote, presentReported } from '../../server/modules/incidents/presenters/incident.presenter.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCountOf, formatTable } from '../output.ts';

const collect = (value: string, previous: string[]) => [...previous, value];
const actorOf = (platform: Platform, as: string | undefined): Promise<Actor> => (as === undefined ? Promise.resolve(SYSTEM) : platform.users.actAs(SYSTEM, as));
const list = (values: string[]) => (values.length ? values : undefined);

type Incident = ReturnType<typeof presentReported>['incident'];
const line = (i: Incident) => `${i.id} “${i.name ?? ''}”: ${i.state}${i.major ? ', major' : ''}, ${i.severity ?? 'no severity'}, ${i.determination ?? '-'}, TLP:${i.tlp.toUpperCase()}`;

interface Common {
  collection: string;
  as?: string;
}

/** A subcommand over one incident: its platform, actor and options handed to `run`. */
function onIncident<O extends Common>(name: string, description: string, args: string[], configure: (c: Command) => Command, run: (platform: Platform, actor: Actor, values: string[], options: O, out: ReturnType<typeof contextOf>['out']) => Promise<void>): Command {
  const command = new Command(name).description(description);
  for (const arg of args) command.argument(arg);
  return configure(command)
    .requiredOption('--collection <collection>', 'collection id or alias holding the incident')
    .option('--as <user>', 'act as this user (default: the operator)')
    .action(async (...received: unknown[]) => {
      const cmd = received[received.length - 1] as Command;
      const options = received[received.length - 2] as O;
      const context = contextOf(cmd);
      await withInitialisedPlatform(context, async (platform) => run(platform, await actorOf(platform, options.as), received.slice(0, args.length) as string[], options, context.out));
    });
}

interface ReportOptions extends Common {
  description?: string;
  determination?: string;
  severity?: string;
  type: string[];
  detection: string[];
  sector: string[];
  country: string[];
  major?: boolean;
  tlp?: string;
  recipient: string[];
  link: string[];
}

const reportCommand = () =>
  onIncident<ReportOptions>('report', 'report an incident for the user’s organisation (state reported)', ['<name>'], (c) => c
    .option('--description <text>', 'what happened')
    .option('--determination <value>', 'blocked, successful-attempt, failed-attempt, false-positive, low-value or suspected (default)')
    .option('--severity <level>', 'low, moderate, high or extreme')
    .option('--type <type>', 'an incident type, e.g. compromised-system (repeatable)', collect, [])
    .option('--detection <method>', 'how it was detected, e.g. user-reporting (repeatable)', collect, [])
    .option('--sector <sector>', 'an affected sector, industry-sector-ov (repeatable)', collect, [])
    .option('--country <code>', 'an affected country, ISO 3166-1 alpha-2 (repeatable)', collect, [])
    .option('--major', 'a major incident: subscribers to major incidents are alerted')
    .option('--tlp <level>', 'clear, green, amber, amber+strict or red (default: the collection’s)')
    .option('--recipient <identity>', 'the STIX identity of an organisation it is also shared with, e.g. the national CIRT (repeatable)', collect, [])
    .option('--link <ref>', 'an indicator or a sighting of the collection it relates to, by STIX id (repeatable)', collect, []),
  async (platform, actor, [name], o, out) => {
    const request = { name, description: o.description, determination: o.determination, severity: o.severity, incident_types: list(o.type), detection_methods: list(o.detection), sectors: list(o.sector), countries: list(o.country), major: o.major, tlp: o.tlp, recipients: list(o.recipient), links: list(o.link) };
    const answer = presentReported(await platform.incidents.report(actor, o.collection, request));
    out.result(answer, () => `Reported ${line(answer.incident)}.`);
  });

const listCommand = () => {
  const command = new Command('list')
    .description('a page of the incidents the user may see in a collection, the last stored change first')
    .requiredOption('--collection <collection>', 'collection id or alias')
    .option('--state <state>', 'only those in this state: reported, triaged, coordinated or closed')
    .option('--major', 'only major incidents')
    .option('--not-major', 'only incidents that are not major')
    .option('--limit <n>', 'incidents per page, 1 to 200 (default 50)')
    .option('--next <cursor>', 'the next page: the cursor a listing printed (with the same --state and --major)')
    .option('--as <user>', 'read as this user (default: the operator)')
    .action(async (options: Common & { state?: string; major?: boolean; notMajor?: boolean; limit?: string; next?: string }, cmd: Command) => {
      const context = contextOf(cmd);
      await withInitialisedPlatform(context, async (platform) => {
        const major = options.major ? true : options.notMajor ? false : undefined;
        const limit = options.limit === undefined ? undefined : Number(options.limit);
        const answer = presentIncidents(await platform.incidents.list(await actorOf(platform, options.as), options.collection, { state: options.state, major, limit, next: options.next }));
        context.out.result(answer, () => [
          `${formatCountOf(answer.incidents.length, 'incident')}${answer.next === null ? '' : ' on this page'}.`,
          ...(answer.incidents.length ? formatTable(['ID', 'STATE', 'MAJOR', 'SEVERITY', 'TLP', 'MODIFIED', 'NAME'], answer.incidents.map((i) => [i.id, i.state, i.major ? 'yes' : 'no', i.severity ?? '-', i.tlp, i.modified ?? '-', i.name ?? ''])) : []),
          ...(answer.next === null ? [] : [`More: --next ${answer.next}`]),
        ]);
      });
    });
  return command;
};

const showCommand = () =>
  onIncident<Common>('show', 'an incident with its history, notes and linked indicators and sightings', ['<id>'], (c) => c, async (platform, actor, [id], o, out) => {
    const answer = presentDetail(await platform.incidents.show(actor, o.collection, id!));
    const i = answer.incident;
    out.result(answer, () => [
      line(i),
      `  may become: ${i.next_states.join(', ')}; sectors: ${i.sectors.join(', ') || '-'}; countries: ${i.countries.join(', ') || '-'}`,
      `  history: ${answer.history.map((h) => `${h.version} ${h.state}${h.major ? ' (major)' : ''}`).join(' → ')}`,
      ...answer.indicators.map((l) => `  indicator ${l.indicator ?? '-'}`),
      ...i.sighting_refs.map((s) => `  sighting ${s}`),
      ...answer.notes.map((n) => `  note ${n.created ?? '-'}: ${n.abstract ? `${n.abstract}: ` : ''}${n.content ?? ''}`),
    ]);
  });

const moveCommand = () =>
  onIncident<Common>('move', 'move an incident in the workflow: reported → triaged → coordinated → closed (closed → triaged reopens it)', ['<id>', '<state>'], (c) => c, async (platform, actor, [id, state], o, out) => {
    const answer = presentReported(await platform.incidents.move(actor, o.collection, id!, state!));
    out.result(answer, () => `Moved ${line(answer.incident)}.`);
  });

const majorCommand = () =>
  onIncident<Common & { off?: boolean }>('major', 'mark an incident major (alerting the subscribers to major incidents), or no longer with --off', ['<id>'], (c) => c.option('--off', 'no longer major'), async (platform, actor, [id], o, out) => {
    const answer = presentReported(await platform.incidents.markMajor(actor, o.collection, id!, !o.off));
    out.result(answer, () => `Marked ${line(answer.incident)}.`);
  });

const noteCommand = () =>
  onIncident<Common & { abstract?: string }>('note', 'add a note about an incident (a STIX note with its markings)', ['<id>', '<text>'], (c) => c.option('--abstract <text>', 'a summary of the note'), async (platform, actor, [id, content], o, out) => {
    const added = await platform.incidents.note(actor, o.collection, id!, { content, abstract: o.abstract });
    const answer = { collection: added.collectionId, note: presentNote(added.note), object: added.note.object };
    out.result(answer, () => `Note ${answer.note.id} added to ${id!}.`);
  });

const linkCommand = () =>
  onIncident<Common>('link', 'link an indicator or a sighting of the same collection to an incident', ['<id>', '<ref>'], (c) => c, async (platform, actor, [id, ref], o, out) => {
    const answer = presentLink(await platform.incidents.link(actor, o.collection, id!, ref!));
    out.result(answer, () => `Linked ${ref!} to ${id!} (${answer.object.type === 'relationship' ? `relationship ${String(answer.object.id)}` : 'a new version of the incident'}).`);
  });

export function incidentCommand(): Command {
  return new Command('incident')
    .description('incidents: report one, list and show them, move them through the workflow, mark them major, add notes, link indicators and sightings')
    .addCommand(reportCommand())
    .addCommand(listCommand())
    .addCommand(showCommand())
    .addCommand(moveCommand())
    .addCommand(majorCommand())
    .addCommand(noteCommand())
    .addCommand(linkCommand());
}
