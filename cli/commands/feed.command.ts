/**
 * `thiqa feed create COLLECTION --format FORMAT [--name N] [--max-tlp clear|green|amber]
 * [--include-warninglisted] [--sid-base N] [--sid-range N] [--zone Z] [--as USER]`, `feed list`,
 * `feed revoke ID`, `feed write ID --out FILE`: feeds for defenders. The token is printed once.
 */
import { Command, InvalidArgumentError } from 'commander';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { FEED_FORMAT_NAMES } from '../../shared/feeds/feed-formats.ts';
import { presentFeed, presentNewFeed } from '../../server/modules/feeds/presenters/feed.presenter.ts';
import { writeFileAtomically } from '../atomic-file.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCountOf, formatTable } from '../output.ts';

function wholeNumber(raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return value;
}

interface CreateOptions {
  format: string;
  name?: string;
  maxTlp?: string;
  includeWarninglisted?: boolean;
  sidBase?: number;
  sidRange?: number;
  zone?: string;
  as?: string;
}

export function feedCommand(): Command {
  const feed = new Command('feed').description('feeds for defenders: blocklists, Suricata rules, RPZ and DNSBL zones, each behind its own token');
  feed
    .command('create')
    .description('make a feed of a collection (printed once: its token, stored hashed)')
    .argument('<collection>', 'collection id or alias')
    .requiredOption('--format <format>', FEED_FORMAT_NAMES.join(', '))
    .option('--name <name>', 'what the feed is for')
    .option('--max-tlp <level>', 'TLP ceiling: clear, green (default: CLEAR and GREEN) or amber')
    .option('--include-warninglisted', 'keep values found on a warning list')
    .option('--sid-base <n>', 'Suricata: the first sid (default 1000000)', wholeNumber)
    .option('--sid-range <n>', 'Suricata: how many sids (default 1000000)', wholeNumber)
    .option('--zone <name>', 'zones: the zone name the file is loaded under (default thiqa.feed)')
    .option('--as <user>', 'the feed reads the collection as this user (default: the operator)')
    .action(async (collection: string, options: CreateOptions, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const actor = options.as === undefined ? SYSTEM : await platform.users.actAs(SYSTEM, options.as);
        const created = await platform.feeds.create(actor, { collection, ...options });
        const answer = presentNewFeed(created);
        context.out.result(answer, () => [
          `Feed ${answer.feed.id} (${answer.feed.format}, up to TLP:${answer.feed.max_tlp.toUpperCase()}) of collection ${answer.feed.collection}:`,
          `  GET ${answer.feed.path}`,
          `  token: ${answer.token}`,
          'The token is shown only this once: store it now. Send it as "Authorization: Bearer <token>" (or ?token=<token> where only a URL can be given).',
        ]);
      });
    });
  feed
    .command('list')
    .description('list every feed, revoked ones too')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const feeds = (await platform.feeds.list(SYSTEM)).map(presentFeed);
        context.out.result({ feeds }, () =>
          formatTable(['ID', 'FORMAT', 'TLP', 'COLLECTION', 'STATE', 'NAME'], feeds.map((f) => [f.id, f.format, f.max_tlp, f.collection, f.revoked_at ? 'revoked' : 'active', f.name])),
        );
      });
    });
  feed
    .command('revoke')
    .description('revoke a feed: its token stops working at once')
    .argument('<id>', 'feed id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const revoked = presentFeed(await platform.feeds.revoke(SYSTEM, id));
        context.out.result(revoked, () => `Feed ${revoked.id} is revoked (since ${revoked.revoked_at}).`);
      });
    });
  feed
    .command('write')
    .description("write a feed's content to a file (through a temporary name), e.g. from cron for a DNS server")
    .argument('<id>', 'feed id')
    .requiredOption('--out <file>', 'the file to write')
    .action(async (id: string, options: { out: string }, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const content = await platform.feeds.contentById(SYSTEM, id);
        await writeFileAtomically(options.out, async (stream) => {
          await new Promise<void>((resolve, reject) => stream.write(content.text, (error) => (error ? reject(error) : resolve())));
        });
        const report = { feed: id, file: options.out, format: content.feed.format, entries: content.entries, skipped: content.skipped, warninglisted: content.warninglisted, bytes: Buffer.byteLength(content.text), sha256: content.digest };
        context.out.result(report, () => `Wrote feed ${id} (${content.feed.format}, ${formatCountOf(content.entries, 'value')}) to ${options.out}.`);
      });
    });
  return feed;
}
