/**
 * Correlation: the objects linked to one by an observable value they share, as a reader may see them.
 *
 * The link is the observable index: the rows the Lookup module writes when the Exchange stores a version
 * (`observable-index.ts`) put every object holding a value under that value, so a new object is linked to
 * the older ones the moment its rows are written; nothing else is stored. What a reader is shown is decided
 * when asked, from what that reader may see: the object's own values are those of its latest version the
 * reader may see (a property a granular marking hides gives none), and each candidate the index finds is
 * re-read through the Exchange's scoped read as the reader (`LookupService`'s visibility re-read). A RED or
 * AMBER+STRICT version the reader may not see, or a collection it may not read, is neither listed nor counted.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { notFound } from '../../../core/errors.ts';
import { browseFactsOf } from '../../../../shared/stix/browse-facts.ts';
import { objectObservables } from '../../../../shared/observables/object-observables.ts';
import type { Observable } from '../../../../shared/observables/observable.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { ObjectService, StoredVersion } from '../../exchange/services/object.service.ts';
import type { ReadVersion } from '../../exchange/services/version-read.ts';
import type { ObservableHit, ObservableRepository } from '../repositories/observable.repository.ts';

/** At most this many linked objects are listed (all of them are counted). */
export const CORRELATIONS_MAX = 200;

const decoder = new TextDecoder();

/** A version as the reader was given it, with the `type value` keys its visible body holds. */
export interface SeenVersion {
  version: ReadVersion;
  /** The values its visible body holds, when properties were withheld; undefined: every value indexed for it. */
  values: ReadonlySet<string> | undefined;
}

/** An object sharing at least one value with the one asked about. */
export interface CorrelatedObject {
  id: string;
  type: string;
  /** Its name (else value) in its listed version, as the reader may see it. */
  name: string | null;
  /** Its latest version the reader may see that holds a shared value. */
  version: string;
  apiRoot: string;
  collectionId: string;
  /** The values it shares with the object, in the object's order. */
  shared: Observable[];
  /** The organisation that stored the listed version (null when none: anonymous or the operator). */
  originOrg: string | null;
}

export interface Correlations {
  id: string;
  collectionId: string;
  /** The version of the object whose values were compared: its latest the reader may see. */
  version: string;
  /** Those values. */
  values: Observable[];
  /** The linked objects, by collection then id, at most `CORRELATIONS_MAX`. */
  objects: CorrelatedObject[];
  /** How many linked objects there are in all. */
  total: number;
  /** "Also reported by N organisations": distinct organisations that stored the linked versions the reader may see, other than the object's own. */
  organisations: number;
}

/** What correlation needs of the Lookup service. */
export interface CorrelationReads {
  rows: ObservableRepository;
  objects: ObjectService;
  collections: CollectionService;
  /** The candidate versions the reader may see, keyed `collection id version` (`LookupService`'s re-read). */
  /** The hits' versions the caller may see, with their bodies (for the names shown). */
  readVisible(hits: readonly ObservableHit[]): Promise<ReadonlyMap<string, SeenVersion>>;
}

const keyOf = (o: { type: string; value: string }) => `${o.type} ${o.value}`;

/**
 * The object's correlations as `actor` may see them.
 * @throws DomainError `not_found` `object.not_found` (no version the reader may see), as `CollectionService.find`
 *   and `ObjectService.list` (`collection.not_found`, `collection.read_forbidden`).
 */
export async function correlationsOf(actor: Actor, collectionId: string, objectId: string, reads: CorrelationReads): Promise<Correlations> {
  const own = await latestVisible(actor, collectionId, objectId, reads);
  const values = objectObservables(JSON.parse(decoder.decode(own.row.body)) as Record<string, unknown>);
  const byType = new Map<string, string[]>();
  for (const o of values) byType.set(o.type, [...(byType.get(o.type) ?? []), o.value]);
  const hits: ObservableHit[] = [];
  for (const [type, list] of byType) {
    for (const hit of await reads.rows.findValues(type, list)) if (hit.collectionId !== own.collectionId || hit.stixId !== objectId) hits.push(hit);
  }
  const visible = await reads.readVisible(hits);
  const latest = new Map<string, SeenVersion>();
  const shared = new Map<string, Set<string>>();
  const organisations = new Set<string>();
  for (const hit of hits) {
    const seen = visible.get(`${hit.collectionId} ${hit.stixId} ${hit.version}`);
    if (!seen || (seen.values && !seen.values.has(keyOf(hit)))) continue;
    const key = `${seen.version.collectionId} ${seen.version.id}`;
    shared.set(key, (shared.get(key) ?? new Set()).add(keyOf(hit)));
    if (seen.version.originOrg && seen.version.originOrg !== own.row.originOrg) organisations.add(seen.version.originOrg);
    const held = latest.get(key);
    if (!held || held.version.version < seen.version.version) latest.set(key, seen);
  }
  const linked = [...latest].sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, CORRELATIONS_MAX);
  return {
    id: objectId,
    collectionId: own.collectionId,
    version: own.row.version,
    values,
    objects: linked.map(([key, { version: seen }]) => ({
      id: seen.id,
      type: seen.type,
      name: seen.body ? browseFactsOf(JSON.parse(decoder.decode(seen.body)) as Record<string, unknown>).name : null,
      version: seen.version,
      apiRoot: seen.apiRoot,
      collectionId: seen.collectionId,
      shared: values.filter((o) => shared.get(key)!.has(keyOf(o))),
      originOrg: seen.originOrg,
    })),
    total: latest.size,
    organisations: organisations.size,
  };
}

/** The object's latest version the reader may see (as the object page shows it). */
async function latestVisible(actor: Actor, collectionId: string, objectId: string, reads: CorrelationReads): Promise<{ row: StoredVersion & { body: Uint8Array }; collectionId: string }> {
  const collection = await reads.collections.find(actor, collectionId);
  let best: (StoredVersion & { body: Uint8Array }) | undefined;
  let next: string | undefined;
  do {
    const page = await reads.objects.list(actor, collection.apiRoot, collection.id, { ids: [objectId], versions: ['all'], next });
    for (const row of page.rows) if (row.body && (!best || best.version < row.version)) best = { ...row, body: row.body };
    next = page.next;
  } while (next !== undefined);
  if (!best) throw notFound('object.not_found', `there is no object "${objectId}" the caller may see in this collection`, { object: objectId });
  return { row: best, collectionId: collection.id };
}
