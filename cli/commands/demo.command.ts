/**
 * `thiqa demo [--count 2000] [--collection ID_OR_ALIAS] [--seed N]`: fills a collection with realistic
 * synthetic STIX objects, the same for the same seed (running it twice stores nothing new).
 */
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_COLLECTION_ALIAS } from '../../server/bootstrap.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { generateObjects } from '../../shared/synthetic/index.ts';
import { TLP2_MARKINGS } from '../../shared/stix/index.ts';
import { BatchIngester } from '../batch-ingest.ts';
import { contextOf, withInitialisedPlatform } from '../command-context.ts';
import { formatCount } from '../output.ts';
import { startProgress } from '../progress.ts';

interface DemoOptions {
  count: number;
  collection: string;
  seed: number;
}

/** Commander parser for a whole number within bounds (a bad value is a usage error, exit status 2). */
function wholeNumber(min: number, max: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return value;
  };
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('fill a collection with realistic synthetic STIX data (deterministic for a seed)')
    .option('--count <n>', 'how many objects', wholeNumber(1, 100_000_000), 2_000)
    .option('--collection <id-or-alias>', 'collection to fill', DEFAULT_COLLECTION_ALIAS)
    .option('--seed <n>', 'seed of the generator', wholeNumber(0, 2 ** 31 - 1), 1)
    .action(async (options: DemoOptions, command: Command) => {
      const context = contextOf(command);
      await withInitialisedPlatform(context, async (platform) => {
        const collection = await platform.collections.find(SYSTEM, options.collection);
        const ingester = new BatchIngester(platform, collection);
        const progress = startProgress('demo', options.count, !context.out.json);
        const started = performance.now();
        try {
          // TLP:AMBER belongs in a community's collection; elsewhere the demo shares CLEAR and GREEN only.
          const levels = collection.access.community === null ? (['clear', 'green'] as const) : (['clear', 'green', 'amber'] as const);
          const markingRefs = levels.map((level) => TLP2_MARKINGS[level]);
          for (const object of generateObjects({ seed: options.seed, count: options.count, markingRefs })) {
            await ingester.add(object);
            if (ingester.tally.objects % 500 === 0) progress.update(ingester.tally.objects);
          }
        } finally {
          progress.stop();
        }
        const tally = await ingester.finish();
        const seconds = (performance.now() - started) / 1000;
        const { rejected } = tally;
        context.out.result({ collection: collection.id, seed: options.seed, ...tally, seconds }, () => [
          `Demo data (seed ${options.seed}) in collection ${collection.id}: ${formatCount(tally.stored)} stored, ${formatCount(tally.duplicates)} already there, ${formatCount(rejected.length)} rejected.`,
          ...rejected.map((r) => `  rejected #${r.index} ${r.id ?? '(no id)'}: ${r.reasons}`),
          `${seconds.toFixed(1)} s, ${formatCount(Math.round(tally.objects / Math.max(seconds, 0.001)))} objects/s.`,
        ]);
        // The generator promises valid objects: a rejection is a bug worth a failing status.
        if (rejected.length > 0) process.exitCode = 1;
      });
    });
}
