/**
 * The `thiqa` command: the program, its global options, and the single place where a failure is turned
 * into a message and an exit status (see exit-codes.ts).
 */
import { Command } from 'commander';
import { auditCommand } from './commands/audit.command.ts';
import { collectionCommand } from './commands/collection.command.ts';
import { communityCommand } from './commands/community.command.ts';
import { demoCommand } from './commands/demo.command.ts';
import { exportCommand } from './commands/export.command.ts';
import { importCommand } from './commands/import.command.ts';
import { initCommand } from './commands/init.command.ts';
import { orgCommand } from './commands/org.command.ts';
import { roleCommand } from './commands/role.command.ts';
import { serveCommand } from './commands/serve.command.ts';
import { tokenCommand } from './commands/token.command.ts';
import { userCommand } from './commands/user.command.ts';
import { validateCommand } from './commands/validate.command.ts';
import { assessmentCommand } from './commands/assessment.command.ts';
import { gatewayCommand } from './commands/gateway.command.ts';
import { feedCommand } from './commands/feed.command.ts';
import { alertCommand } from './commands/alert.command.ts';
import { warninglistsCommand } from './commands/warninglists.command.ts';
import { mispCommand } from './commands/misp.command.ts';
import { linkCommand } from './commands/link.command.ts';
import { sightingCommand } from './commands/sighting.command.ts';
import { incidentCommand } from './commands/incident.command.ts';
import { peerCommand } from './commands/peer.command.ts';
import { syncCommand } from './commands/sync.command.ts';
import { taxiiCommand } from './commands/taxii.command.ts';
import { lookupCommand } from './commands/lookup.command.ts';
import { EXIT, failureOf } from './exit-codes.ts';
import { debugEnabled } from '../server/core/config.ts';

/** The program with every command. Commander throws instead of exiting, so `run` decides the status. */
function buildProgram(): Command {
  const program = new Command('thiqa')
    .description('Thiqa: STIX 2.1 objects shared over TAXII 2.1')
    .option('--data <dir>', 'folder of the embedded store, SQLite at <dir>/thiqa.db (default: ./data, or THIQA_DATA_DIR)')
    .option('--database-url <url>', 'store URL, postgres://… or sqlite:<file> (default: DATABASE_URL, else SQLite in --data)')
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError('(run with --help for usage)');
  const commands = [initCommand(), serveCommand(), orgCommand(), communityCommand(), userCommand(), roleCommand(), tokenCommand(), collectionCommand(), importCommand(), exportCommand(), validateCommand(), demoCommand(), auditCommand(), assessmentCommand(), gatewayCommand(), feedCommand(), warninglistsCommand(), mispCommand(), taxiiCommand(), peerCommand(), linkCommand(), syncCommand(), alertCommand(), lookupCommand(), sightingCommand(), incidentCommand()];
  for (const command of commands) program.addCommand(command);
  // addCommand, unlike command(), passes no settings down: apply them at every level.
  const configure = (command: Command) => {
    command.exitOverride().configureHelp({ showGlobalOptions: true });
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/** Runs a command line; answers the exit status and never throws. */
async function run(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    const failure = failureOf(error, json);
    const debug = debugEnabled();
    if (failure.report) {
      if (json) process.stdout.write(`${JSON.stringify({ error: failure.report }, null, 2)}\n`);
      else process.stderr.write(`thiqa: ${failure.report.message}${failure.exitCode === EXIT.internal && !debug ? ' (set THIQA_DEBUG=1 to see where)' : ''}\n`);
    }
    if (debug && failure.stack) process.stderr.write(`${failure.stack}\n`);
    return failure.exitCode;
  }
}

process.exitCode = await run(process.argv.slice(2));
