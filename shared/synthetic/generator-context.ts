/**
 * The state one generated stream carries: the random source, the clock, the small pools of recent ids that
 * references are drawn from, and the recent objects that may get a new version. Everything here is bounded,
 * so the stream's memory does not grow with its length.
 */
import type { SeededRandom, Weighted } from './random.ts';
import { RecentPool } from './reference-pool.ts';
import { ObservableSource } from './observables.ts';

/** A STIX object as the generator yields it. */
export type StixObject = Record<string, unknown>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Mean gap between two generated objects; a million objects then span about a year and a half. */
const MEAN_GAP_MS = 45_000;
/** Types whose ids reports and notes may point at (not reports and notes themselves). */
const REPORTABLE = new Set([
  'indicator', 'malware', 'threat-actor', 'intrusion-set', 'campaign', 'attack-pattern', 'vulnerability',
  'relationship', 'sighting', 'ipv4-addr', 'domain-name', 'url', 'file', 'email-addr',
]);

/** Bounded state of one stream, shared by the builders. */
export class GeneratorContext {
  readonly random: SeededRandom;
  readonly observables: ObservableSource;
  /** Every identity id; there are only a handful, so all are kept. */
  readonly identities: string[] = [];
  /** Recent objects that may later be republished with a later `modified`. */
  readonly versionable = new RecentPool<StixObject>(32);
  private readonly pools = new Map<string, RecentPool<string>>();
  private readonly reportable = new RecentPool<string>(256);
  private readonly markings: readonly Weighted<string>[];
  private clock: number;

  /**
   * @param start milliseconds since the epoch of the first timestamp.
   * @param markings marking-definition ids with weights; empty means objects carry no markings.
   */
  constructor(random: SeededRandom, start: number, markings: readonly Weighted<string>[]) {
    this.random = random;
    this.observables = new ObservableSource(random);
    this.clock = start;
    this.markings = markings;
  }

  /** The current time, as milliseconds since the epoch. */
  get now(): number {
    return this.clock;
  }

  /** Moves the clock forward (at least one millisecond, so versions stay strictly ordered) and returns it. */
  tick(): string {
    // Exponential gaps: activity comes in bursts with quiet spells, like a real feed.
    this.clock += 1 + Math.floor(-Math.log(1 - this.random.next()) * MEAN_GAP_MS);
    return stamp(this.clock);
  }

  /** A timestamp between `minDays` and `maxDays` days before now. */
  daysAgo(minDays: number, maxDays: number): string {
    return stamp(this.clock - Math.floor((minDays + this.random.next() * (maxDays - minDays)) * DAY));
  }

  /** `object_marking_refs` for a new object: one marking, or none when no markings were configured. */
  markingRefs(type?: string): string[] {
    if (this.markings.length === 0) return [];
    // Who is who is public knowledge: identities take the first (most open) marking.
    if (type === 'identity') return [this.markings[0]![0]];
    return [this.random.weighted(this.markings)];
  }

  /** The properties every new SDO or SRO starts with, created now by one of the identities. */
  common(type: string, createdBy: string | undefined = this.pickIdentity()): StixObject {
    const created = this.tick();
    const markings = this.markingRefs(type);
    return {
      type,
      spec_version: '2.1',
      id: `${type}--${this.random.uuid()}`,
      ...(createdBy ? { created_by_ref: createdBy } : {}),
      created,
      modified: created,
      ...(markings.length > 0 ? { object_marking_refs: markings } : {}),
    };
  }

  /** An identity id; national CIRTs (listed first) publish more than the other organisations. */
  pickIdentity(): string | undefined {
    if (this.identities.length === 0) return undefined;
    const cirts = Math.min(5, this.identities.length);
    return this.random.chance(0.7)
      ? this.identities[this.random.int(0, cirts - 1)]
      : this.random.pick(this.identities);
  }

  /** A recent id of one of the given types, or undefined when none has been generated yet. */
  pickId(types: readonly string[]): string | undefined {
    const ready = types.filter((type) => (this.pools.get(type)?.size ?? 0) > 0);
    if (ready.length === 0) return undefined;
    return this.pools.get(this.random.pick(ready))!.pick(this.random);
  }

  /** Up to `n` distinct recent ids of objects worth putting in a report or a note. */
  sampleReportable(n: number): string[] {
    return this.reportable.sample(this.random, n);
  }

  /** Records a yielded object so later objects can refer to it (and, for SDOs and SROs, version it). */
  remember(object: StixObject): void {
    const type = object.type as string;
    const id = object.id as string;
    if (type === 'identity') this.identities.push(id);
    let pool = this.pools.get(type);
    if (!pool) this.pools.set(type, (pool = new RecentPool<string>(128)));
    pool.add(id);
    if (REPORTABLE.has(type)) this.reportable.add(id);
    if (typeof object.modified === 'string' && type !== 'identity') this.versionable.add(object);
  }
}

/** A STIX timestamp with millisecond precision. */
export function stamp(millis: number): string {
  return new Date(millis).toISOString();
}
