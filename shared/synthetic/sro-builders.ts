/**
 * Builders of objects that point at other objects: relationships, sightings, reports, notes, and new
 * versions of earlier objects. Each returns undefined when the stream has nothing yet to point at, and the
 * generator then makes something else.
 */
import type { GeneratorContext, StixObject } from './generator-context.ts';
import { SCO_TYPES } from './observables.ts';
import type { Weighted } from './random.ts';
import { NOTES, REPORT_TYPES } from './vocabulary.ts';

const THREATS = ['malware', 'threat-actor', 'intrusion-set', 'campaign', 'attack-pattern'] as const;

/** Relationship shapes STIX 2.1 defines (section 4), weighted by how often feeds carry them. */
interface RelationshipRule {
  source: readonly string[];
  type: string;
  target: readonly string[];
}
const RELATIONSHIP_RULES: readonly Weighted<RelationshipRule>[] = [
  [{ source: ['indicator'], type: 'indicates', target: THREATS }, 40],
  [{ source: ['malware'], type: 'uses', target: ['attack-pattern'] }, 6],
  [{ source: ['threat-actor', 'intrusion-set', 'campaign'], type: 'uses', target: ['malware', 'attack-pattern'] }, 18],
  [{ source: ['threat-actor', 'intrusion-set', 'campaign'], type: 'targets', target: ['identity', 'vulnerability'] }, 12],
  [{ source: ['malware'], type: 'targets', target: ['vulnerability'] }, 4],
  [{ source: ['campaign'], type: 'attributed-to', target: ['intrusion-set', 'threat-actor'] }, 4],
  [{ source: ['indicator'], type: 'related-to', target: SCO_TYPES }, 12],
  [{ source: THREATS, type: 'related-to', target: THREATS }, 4],
];

/** A relationship of a shape STIX defines, between two recently generated objects. */
export function buildRelationship(context: GeneratorContext): StixObject | undefined {
  const { random } = context;
  const rule = random.weighted(RELATIONSHIP_RULES);
  const source = context.pickId(rule.source);
  const target = context.pickId(rule.target);
  if (!source || !target || source === target) return undefined;
  return {
    ...context.common('relationship'),
    relationship_type: rule.type,
    source_ref: source,
    target_ref: target,
    ...(random.chance(0.3) ? { confidence: random.int(30, 100) } : {}),
  };
}

/** An organisation reporting that it saw an indicator match, some number of times over a period. */
export function buildSighting(context: GeneratorContext): StixObject | undefined {
  const { random } = context;
  const indicator = context.pickId(['indicator']);
  if (!indicator || context.identities.length === 0) return undefined;
  const where = random.sample(context.identities, random.chance(0.8) ? 1 : 2);
  const firstSeen = context.daysAgo(0.5, 20);
  const lastSeen = new Date(Date.parse(firstSeen) + Math.floor(random.next() * (context.now - Date.parse(firstSeen))))
    .toISOString();
  return {
    ...context.common('sighting', where[0]),
    sighting_of_ref: indicator,
    count: random.weighted<number>([[1, 5], [random.int(2, 20), 4], [random.int(21, 5_000), 1]]),
    first_seen: firstSeen,
    last_seen: lastSeen,
    where_sighted_refs: where,
  };
}

/** A report bundling recent objects, published when it is created. */
export function buildReport(context: GeneratorContext): StixObject | undefined {
  const { random } = context;
  const refs = context.sampleReportable(random.int(3, 15));
  if (refs.length === 0) return undefined;
  const head = context.common('report');
  const created = head.created as string;
  return {
    ...head,
    name: random.chance(0.5)
      ? `Weekly threat bulletin ${created.slice(0, 10)}`
      : `Advisory ${created.slice(0, 4)}-${random.int(100, 999)}: activity against ${random.pick(['banks', 'telecom operators', 'ministries', 'energy providers'])}`,
    description: 'Synthetic report generated for demonstration.',
    report_types: [random.pick(REPORT_TYPES)],
    published: created,
    object_refs: refs,
  };
}

/** An analyst's note on one to three recent objects, in one of the organisations' languages. */
export function buildNote(context: GeneratorContext): StixObject | undefined {
  const { random } = context;
  const refs = context.sampleReportable(random.int(1, 3));
  if (refs.length === 0) return undefined;
  const text = random.pick(NOTES);
  return {
    ...context.common('note'),
    abstract: text.abstract,
    content: text.content,
    object_refs: refs,
    lang: text.lang,
  };
}

/** A later version of a recent object: same id and `created`, later `modified`, a changed property. */
export function buildNewVersion(context: GeneratorContext): StixObject | undefined {
  const { random } = context;
  const previous = context.versionable.pick(random);
  if (!previous) return undefined;
  // Deep copy: the previous version has been yielded and its nested arrays must not change under the consumer.
  const next: StixObject = { ...structuredClone(previous), modified: context.tick() };
  switch (random.int(0, 2)) {
    case 0:
      next.confidence = random.int(10, 100);
      break;
    case 1:
      next.labels = [random.pick(['confirmed', 'false-positive-checked', 'under-review', 'shared-with-sector'])];
      break;
    default:
      if (next.type === 'indicator') next.valid_until = next.modified;
      else next.description = `${typeof next.description === 'string' ? next.description : ''} Updated.`.trim();
  }
  context.versionable.replace(next, (a, b) => a.id === b.id);
  return next;
}
