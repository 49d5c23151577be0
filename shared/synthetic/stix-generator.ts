/**
 * A deterministic stream of realistic synthetic STIX 2.1 objects, for `thiqa demo` and the benchmark.
 *
 * The stream opens with the identities, then one object of each threat type so references have targets,
 * then draws kinds from a weighted mix. Every reference points at an object yielded earlier (marking
 * definitions excepted: they are the caller's or the standard TLP 2.0 ones). Only small pools of recent ids
 * are kept, so a million objects cost no more memory than a thousand.
 */
import { TLP2_MARKINGS } from '../stix/index.ts';
import { GeneratorContext } from './generator-context.ts';
import type { StixObject } from './generator-context.ts';
import type { ScoType } from './observables.ts';
import { SeededRandom } from './random.ts';
import type { Weighted } from './random.ts';
import {
  buildAttackPattern, buildCampaign, buildIdentity, buildIndicator, buildIntrusionSet, buildMalware,
  buildThreatActor, buildVulnerability,
} from './sdo-builders.ts';
import { buildNewVersion, buildNote, buildRelationship, buildReport, buildSighting } from './sro-builders.ts';

/** Options of {@link generateObjects}. */
export interface GenerateOptions {
  /** Seed of the random source; the same seed and options give byte-identical output. Default 1. */
  seed?: number;
  /** Exactly how many objects to yield (versions count: each is one object). */
  count: number;
  /** ISO 8601 timestamp of the start of the synthetic timeline. Default `2025-01-06T08:00:00.000Z`. */
  start?: string;
  /** How many organisations to create (at least 1). Default 8. */
  identityCount?: number;
  /**
   * Marking-definition ids to draw `object_marking_refs` from (identities take the first); `[]` for none.
   * Default: TLP 2.0 CLEAR (identities), GREEN, AMBER and a little AMBER+STRICT.
   */
  markingRefs?: readonly string[];
}

type Builder = (context: GeneratorContext) => StixObject | undefined;

const sco = (type: ScoType): Builder => (context) => context.observables.sco(type, context.markingRefs());

/** The mix after the opening: relative weights, about the proportions a national CIRT's feed carries. */
const MIX: readonly Weighted<Builder>[] = [
  [buildIndicator, 24],
  [sco('ipv4-addr'), 9],
  [sco('domain-name'), 7],
  [sco('url'), 5],
  [sco('file'), 5],
  [sco('email-addr'), 2],
  [buildRelationship, 22],
  [buildSighting, 8],
  [buildNewVersion, 5],
  [buildMalware, 2.5],
  [buildAttackPattern, 2],
  [buildVulnerability, 2],
  [buildThreatActor, 1],
  [buildIntrusionSet, 1],
  [buildCampaign, 1],
  [buildReport, 1.5],
  [buildNote, 1],
];
/** One of each threat type right after the identities, so the first relationships have something to join. */
const OPENING: readonly Builder[] = [
  buildAttackPattern, buildVulnerability, buildMalware, buildIntrusionSet, buildThreatActor, buildCampaign,
];
const DEFAULT_START = '2025-01-06T08:00:00.000Z';
/** TLP 2.0 shares: most exchanged intelligence is GREEN, little is CLEAR or restricted. */
const TLP_WEIGHTS = { clear: 25, green: 50, amber: 20, 'amber+strict': 5 } as const;

/**
 * Yields exactly `options.count` valid STIX 2.1 objects, referenced objects before the objects that refer
 * to them.
 *
 * @throws RangeError (on the first `next()`, as for any generator) when `count` is not a non-negative
 *   integer, `identityCount` is below 1, or `start` is not a timestamp.
 * @example
 * for (const object of generateObjects({ seed: 7, count: 1_000 })) await store.put(object);
 */
export function* generateObjects(options: GenerateOptions): Generator<StixObject> {
  const { count, seed = 1, identityCount = 8, start = DEFAULT_START } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isSafeInteger(identityCount) || identityCount < 1) {
    throw new RangeError(`identityCount must be a positive integer, got ${identityCount}`);
  }
  const startMillis = Date.parse(start);
  if (Number.isNaN(startMillis)) throw new RangeError(`start is not a timestamp: ${start}`);

  const random = new SeededRandom(seed);
  const context = new GeneratorContext(random, startMillis, markingWeights(options.markingRefs));
  let yielded = 0;
  const emit = (object: StixObject, isNewVersion = false): StixObject => {
    // A new version replaces its predecessor in the pools instead of being a second object to refer to.
    if (!isNewVersion) context.remember(object);
    yielded++;
    return object;
  };

  for (let i = 0; i < identityCount && yielded < count; i++) yield emit(buildIdentity(context, i));
  for (const builder of OPENING) {
    if (yielded >= count) return;
    yield emit(builder(context)!);
  }
  while (yielded < count) {
    const builder = random.weighted(MIX);
    const object = builder(context);
    // Nothing to point at yet (or a self-reference was drawn): an indicator is always possible.
    yield object ? emit(object, builder === buildNewVersion) : emit(buildIndicator(context));
  }
}

function markingWeights(markingRefs: readonly string[] | undefined): Weighted<string>[] {
  if (markingRefs) return markingRefs.map((id) => [id, 1]);
  return (Object.keys(TLP_WEIGHTS) as (keyof typeof TLP_WEIGHTS)[]).map((level) => [TLP2_MARKINGS[level], TLP_WEIGHTS[level]]);
}
