/**
 * What an object's markings say about who may see it, read from the object alone: its TLP level (object
 * markings), the TLP levels of its granular markings by top-level property, and the recipients its author named.
 * Pure, so that it runs wherever objects are validated (the import worker included). The server decides what
 * the facts mean for a reader (server/modules/exchange/services/visibility.ts).
 *
 * Levels are ranks, most open first: 0 CLEAR (TLP 1.0 WHITE), 1 GREEN, 2 AMBER, 3 AMBER+STRICT, 4 RED.
 */
import { isRecord } from './checker.ts';
import { typeDefinition } from './registry.ts';
import { TLP1_MARKINGS, TLP2_MARKINGS } from './tlp.ts';

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export const TLP_CLEAR = 0;
export const TLP_GREEN = 1;
export const TLP_AMBER = 2;
export const TLP_AMBER_STRICT = 3;
export const TLP_RED = 4;

/**
 * What the hub refuses in an object's sharing on ingest, reported like validation problems (the validator's
 * rules are in RULES.md): AMBER outside a community's collection, RED naming nobody, a recipient the hub does
 * not know, a malformed recipient list.
 */
export const SHARING_RULES = ['tlp-amber-outside-community', 'tlp-red-without-recipients', 'recipient-unknown', 'recipient-invalid'] as const;
export type SharingRule = (typeof SHARING_RULES)[number];

/** Custom property naming the organisations (their STIX identity ids) an object is shared with beyond its community. */
export const RECIPIENT_REFS = 'x_thiqa_recipient_refs';
/** Custom property naming the users (by user name) a TLP:RED object is for. */
export const RECIPIENT_USERS = 'x_thiqa_recipient_users';

const RANK_BY_MARKING: ReadonlyMap<string, number> = new Map([
  [TLP1_MARKINGS.white, TLP_CLEAR],
  [TLP1_MARKINGS.green, TLP_GREEN],
  [TLP1_MARKINGS.amber, TLP_AMBER],
  [TLP1_MARKINGS.red, TLP_RED],
  [TLP2_MARKINGS.clear, TLP_CLEAR],
  [TLP2_MARKINGS.green, TLP_GREEN],
  [TLP2_MARKINGS.amber, TLP_AMBER],
  [TLP2_MARKINGS['amber+strict'], TLP_AMBER_STRICT],
  [TLP2_MARKINGS.red, TLP_RED],
]);

/** The rank of a TLP marking-definition id (1.0 or 2.0), or undefined for any other marking. */
export function tlpRankOfMarking(markingRef: string): number | undefined {
  return RANK_BY_MARKING.get(markingRef);
}

/** The rank of a level written by a person: `clear`, `white`, `green`, `amber`, `amber+strict`, `red`, any case, `TLP:` optional. */
export function parseTlpLevel(text: string): number | undefined {
  const name = text.trim().toLowerCase().replace(/^tlp:/, '');
  if (name === 'white') return TLP_CLEAR;
  const rank = (TLP_LEVELS as readonly string[]).indexOf(name);
  return rank < 0 ? undefined : rank;
}

/** The TLP 2.0 name of a rank. */
export function tlpName(rank: number): TlpLevel {
  const name = TLP_LEVELS[rank];
  if (name === undefined) throw new RangeError(`no TLP level of rank ${rank}`);
  return name;
}

export interface SharingFacts {
  /** The most restrictive TLP level of `object_marking_refs`; undefined when none is a TLP marking. */
  level: number | undefined;
  /** Top-level property → the most restrictive TLP level of the granular markings selecting into it. */
  fieldLevels: Map<string, number>;
  /** `x_thiqa_recipient_refs` when it is a list of strings (else see `problems`). */
  recipientRefs: string[];
  /** `x_thiqa_recipient_users` when it is a list of strings. */
  recipientUsers: string[];
  /** What is wrong with the recipient properties: [property, reason]. */
  problems: [string, string][];
}

function stringList(object: Record<string, unknown>, property: string, problems: [string, string][]): string[] {
  const value = object[property];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string') || value.length === 0) {
    problems.push([property, 'must be a non-empty list of strings']);
    return [];
  }
  return [...new Set(value as string[])];
}

/** Reads the sharing facts of a (validated) object. */
export function sharingFactsOf(object: Record<string, unknown>): SharingFacts {
  let level: number | undefined;
  for (const ref of Array.isArray(object.object_marking_refs) ? object.object_marking_refs : []) {
    const rank = typeof ref === 'string' ? tlpRankOfMarking(ref) : undefined;
    if (rank !== undefined) level = Math.max(level ?? rank, rank);
  }
  const fieldLevels = new Map<string, number>();
  for (const marking of Array.isArray(object.granular_markings) ? object.granular_markings : []) {
    if (!isRecord(marking) || typeof marking.marking_ref !== 'string' || !Array.isArray(marking.selectors)) continue;
    const rank = tlpRankOfMarking(marking.marking_ref);
    if (rank === undefined) continue;
    for (const selector of marking.selectors) {
      if (typeof selector !== 'string') continue;
      const top = selector.split('.')[0]!;
      fieldLevels.set(top, Math.max(fieldLevels.get(top) ?? rank, rank));
    }
  }
  const problems: [string, string][] = [];
  const recipientRefs = stringList(object, RECIPIENT_REFS, problems);
  const recipientUsers = stringList(object, RECIPIENT_USERS, problems);
  return { level, fieldLevels, recipientRefs, recipientUsers, problems };
}

// Properties an object cannot be served without: removing one would make it invalid or meaningless.
const ALWAYS_KEPT = ['type', 'id', 'spec_version', 'created', 'modified', 'object_marking_refs', 'granular_markings', RECIPIENT_REFS, RECIPIENT_USERS];

/**
 * The properties of `type` that a reader cannot be given the object without: those the specification
 * requires, those its presence rules (at least one of, requires, when) tie to others, and the markings.
 * A granular marking on one of them restricts the whole object.
 */
export function essentialProperties(type: string): ReadonlySet<string> {
  const cached = essentialCache.get(type);
  if (cached) return cached;
  const essential = new Set(ALWAYS_KEPT);
  const definition = typeDefinition(type);
  for (const name of definition?.required ?? []) essential.add(name);
  for (const constraint of definition?.constraints ?? []) {
    if (constraint.kind === 'any-of') constraint.properties.forEach((p) => essential.add(p));
    if (constraint.kind === 'requires') [constraint.property, ...constraint.needs].forEach((p) => essential.add(p));
    if (constraint.kind === 'when') [constraint.property, ...(constraint.require ?? [])].forEach((p) => essential.add(p));
  }
  essentialCache.set(type, essential);
  return essential;
}
const essentialCache = new Map<string, ReadonlySet<string>>();

/**
 * The object without the `hidden` top-level properties, and without the granular markings (or selectors)
 * that pointed into them, so what remains is a valid object that says nothing of what was taken out.
 */
export function redactObject(object: Record<string, unknown>, hidden: ReadonlySet<string>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (!hidden.has(key)) result[key] = value;
  if (Array.isArray(object.granular_markings)) {
    const kept = [];
    for (const marking of object.granular_markings) {
      if (!isRecord(marking) || !Array.isArray(marking.selectors)) continue;
      const selectors = marking.selectors.filter((s) => typeof s === 'string' && !hidden.has(s.split('.')[0]!));
      if (selectors.length) kept.push({ ...marking, selectors });
    }
    if (kept.length) result.granular_markings = kept;
    else delete result.granular_markings;
  }
  return result;
}
