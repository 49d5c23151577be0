/**
 * The operator's decision on personal data for the commands that put objects where people outside the
 * organisation read them (`thiqa import`, `thiqa misp import`, `thiqa taxii push`): the `--personal-data
 * confirm|redact` option, the guard a command applies (server/modules/exchange/services/personal-data-guard.ts),
 * and the refusal that lists the findings on stderr (object, JSON path, kind; never the value).
 */
import { Option, type Command } from 'commander';
import type { Actor } from '../server/core/auth/actor.ts';
import type { ErrorProblem } from '../server/core/errors.ts';
import type { Collection } from '../server/modules/exchange/services/collection.service.ts';
import { LISTED_FINDINGS, PERSONAL_DATA_DECISIONS, personalDataFound, type BatchGuard, type PersonalDataDecision } from '../server/modules/exchange/services/personal-data-guard.ts';
import type { Platform } from '../server/platform.ts';
import { formatCount, formatCountOf, type Output } from './output.ts';

/** What a confirmation leaves behind: an import's batches say it in their audit entries; a push does not. */
const AUDITED = { store: ', recorded in the audit log', send: '' } as const;

/** Adds `--personal-data <decision>`, checked by commander (`confirm` or `redact`, a usage error otherwise). */
export function withPersonalDataOption(command: Command, verb: 'store' | 'send'): Command {
  return command.addOption(
    new Option(
      '--personal-data <decision>',
      `objects whose free text seems to hold personal data, and that people outside the organisation would read, are refused unless you decide: confirm (${verb} them as they are${AUDITED[verb]}) or redact (${verb} each finding as [redacted])`,
    ).choices(PERSONAL_DATA_DECISIONS),
  );
}

/**
 * The guard of an import into `collection` by `actor`: the operator's decision (`ask` without one) and
 * whether the collection is read beyond the actor's organisation (for the operator, who has none: whether
 * anyone is granted reading it, or it belongs to a community).
 */
export async function importGuard(platform: Platform, actor: Actor, collection: Collection, decision: PersonalDataDecision | undefined): Promise<BatchGuard> {
  return { mode: decision ?? 'ask', outward: await platform.collections.readableBeyond(actor, collection), defaultTlp: collection.defaultTlp };
}

/** A finding as one stderr line: where (the source, when several), which object, the path and the kind. */
function findingLine(problem: ErrorProblem): string {
  const where = typeof problem.source === 'string' ? `${problem.source} ` : '';
  return `  ${where}#${problem.index} ${problem.object ?? '(no id)'}: ${problem.path} ${problem.kind}`;
}

/**
 * Lists the findings on stderr (the first `LISTED_FINDINGS`) and answers the refusal to throw: `conflict`
 * `personal_data.found` (exit status 1), nothing having been stored or sent.
 */
export function refusal(out: Output, problems: readonly ErrorProblem[], verb: 'stored' | 'sent') {
  out.warn(`Personal data that people outside the organisation would read (kind by object and JSON path; nothing was ${verb}):`);
  for (const problem of problems.slice(0, LISTED_FINDINGS)) out.warn(findingLine(problem));
  if (problems.length > LISTED_FINDINGS) out.warn(`  … and ${formatCountOf(problems.length - LISTED_FINDINGS, 'more finding')}`);
  const action = verb === 'stored' ? 'store' : 'send';
  return personalDataFound(problems, `pass --personal-data confirm to ${action} them as they are${AUDITED[action]}, or --personal-data redact to ${action} each finding as [redacted]`);
}

/** The stderr line on what a decision did (none when nothing was found). */
export function decisionNote(out: Output, decision: PersonalDataDecision | undefined, objects: number, redacted: number, verb: 'stored' | 'sent'): void {
  if (decision === undefined || objects === 0) return;
  if (decision === 'redact') out.warn(`Redacted personal data in ${formatCountOf(objects, 'object')}: ${formatCount(redacted)} findings ${verb} as [redacted].`);
  else out.warn(`Personal data confirmed in ${formatCountOf(objects, 'object')}: ${verb} as they are${verb === 'stored' ? ' (recorded in the audit log)' : ''}.`);
}
