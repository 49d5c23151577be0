/**
 * `thiqa lookup VALUE… [--as USER]`: each value's type and normal form, the objects holding it (as the operator
 * sees them, or as USER), how many organisations reported them and the warning lists it is on; `--json` answers
 * as `POST /api/v1/lookup`. `thiqa lookup reindex` rebuilds the observable index from every collection.
 */
import { Command } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { presentAnswers } from '../../server/modules/lookup/presenters/lookup.presenter.ts';
import { contextOf, usageError, withInitialisedPlatform } from '../command-context.ts';

type Answer = ReturnType<typeof presentAnswers>['results'][number];

function answerLines(answer: Answer): string[] {
  if (answer.type === null) return [`${answer.query}: not an observable value (an address, network, domain, URL, e-mail address or hash)`];
  const lists = answer.warning_lists.length ? `; on warning lists: ${answer.warning_lists.map((l) => l.name).join(', ')}` : '';
  const head = `${answer.query} (${answer.type} ${answer.value}): ${answer.matches.length} object(s), reported by ${answer.organisations} organisation(s)${lists}`;
  return [head, ...answer.matches.map((m) => `  ${m.id}${m.name === null ? '' : ` "${m.name}"`}${m.version ? ` ${m.version}` : ''} in ${m.api_root}/${m.collection}`)];
}

export function lookupCommand(): Command {
  const lookup = new Command('lookup')
    .description('look observable values up: the objects holding them, correlation counts, warning lists')
    .argument('[values...]', 'addresses, networks, domains, URLs, e-mail addresses or hashes')
    .option('--as <user>', 'answer what this user may see (default: the operator, who sees everything)')
    .action(async (values: string[], options: { as?: string }, command: Command) => {
      const context = contextOf(command);
      if (values.length === 0) throw usageError('usage.lookup_values', 'give at least one value to look up (or: thiqa lookup reindex)');
      await withInitialisedPlatform(context, async (platform) => {
        const actor = options.as === undefined ? SYSTEM : await platform.users.actAs(SYSTEM, options.as);
        const answers = presentAnswers(await platform.lookup.lookupMany(actor, values));
        context.out.result(answers, () => answers.results.flatMap(answerLines));
      });
    });
  lookup
    .command('reindex')
    .description('rebuild the observable index from every version of every collection')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const report = await platform.observableIndex.reindex();
        context.out.result(report, () => `Indexed ${report.observables} observable value(s) of ${report.versions} version(s) in ${report.collections} collection(s).`);
      });
    });
  return lookup;
}
