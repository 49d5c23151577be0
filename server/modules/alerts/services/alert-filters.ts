/**
 * What a subscription asks for, and whether an object version answers it. Pure: the object is the one its
 * owner may read (the exchange's scoped read), so a filter never matches on a property hidden from them.
 * Every filter given must match (AND); within one filter, any of its values (OR). An object is never matched
 * above the subscription's TLP ceiling, and never when it is RED.
 */
import { isMajorIncident } from '../../../../shared/stix/incident-core.ts';
import { patternValues } from '../../../../shared/stix/pattern-values.ts';
import { TLP_RED } from '../../../../shared/stix/sharing.ts';

export interface SubscriptionFilters {
  /** Community ids: the collection is in one of their API roots. */
  communities: string[];
  /** Collection ids. */
  collections: string[];
  /** STIX types (`indicator`, `ipv4-addr`, …). */
  types: string[];
  /** Any of these in the object's `labels`. */
  labels: string[];
  /** TLP rank ceiling (at most AMBER+STRICT: RED is never notified). */
  maxTlp: number;
  /** Observable values: an SCO's `value`, or a constant a STIX pattern compares for equality. */
  watch: string[];
  /**
   * Only major incidents (`shared/stix/incident-core.ts`): every version of an incident marked major, from the
   * one that marks it on. Absent in subscriptions made before it existed.
   */
  majorIncidents?: boolean;
}

/** What filters look at in a version its owner may read. */
export interface MatchFacts {
  type: string;
  tlp: number;
  collectionId: string;
  community: string | null;
  object: Record<string, unknown>;
}

/** The observable values an object carries: its own `value` (SCOs), or its pattern's equality constants. */
export function observableValuesOf(object: Record<string, unknown>): string[] {
  if (typeof object.value === 'string') return [object.value];
  if (object.type === 'indicator' && object.pattern_type === 'stix' && typeof object.pattern === 'string') return patternValues(object.pattern).map((v) => v.value);
  return [];
}

const anyOf = (wanted: readonly string[], test: (value: string) => boolean) => wanted.length === 0 || wanted.some(test);

/** True when the version answers every filter of the subscription (and is below RED and the ceiling). */
export function matchesFilters(filters: SubscriptionFilters, facts: MatchFacts): boolean {
  if (facts.tlp >= TLP_RED || facts.tlp > filters.maxTlp) return false;
  const labels = Array.isArray(facts.object.labels) ? facts.object.labels.filter((l): l is string => typeof l === 'string') : [];
  const values = filters.watch.length === 0 ? [] : observableValuesOf(facts.object);
  return (
    anyOf(filters.communities, (c) => c === facts.community) &&
    anyOf(filters.collections, (c) => c === facts.collectionId) &&
    anyOf(filters.types, (t) => t === facts.type) &&
    anyOf(filters.labels, (l) => labels.includes(l)) &&
    anyOf(filters.watch, (w) => values.includes(w)) &&
    (filters.majorIncidents !== true || isMajorIncident(facts.object))
  );
}

/** Whether a version could match without reading it: the collection and community filters only. */
export function mayMatchCollection(filters: SubscriptionFilters, collectionId: string, community: string | null): boolean {
  return anyOf(filters.communities, (c) => c === community) && anyOf(filters.collections, (c) => c === collectionId);
}
