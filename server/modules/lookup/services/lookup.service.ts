/**
 * Lookup: for each value asked, its type and normal form, the objects holding it that the caller may see,
 * how many organisations reported them, and the warning lists it is on.
 *
 * Who may see what is the Exchange's to say: every candidate the index finds is read again through the
 * Exchange's scoped read (`ObjectService.readVersions` of the exact versions, as the caller), and a match
 * counts only when the version the caller is given still holds the value (a property hidden by a granular
 * marking does not). So a RED or AMBER+STRICT version, or a collection the caller may not read, never shows,
 * not even in a count.
 * An address finds itself and the networks that contain it; a network finds itself, the networks that
 * contain it, and the first `RANGE_LIMIT` single addresses in it. Each matched indicator carries its sightings
 * as the caller may see them, from the Sightings module (`LookupSightings`).
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { invalid } from '../../../core/errors.ts';
import { containingNetworks, networkRange } from '../../../../shared/observables/address-range.ts';
import { objectObservables } from '../../../../shared/observables/object-observables.ts';
import { detectObservable, type Observable, type ObservableType } from '../../../../shared/observables/observable.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { ObjectService, ReadVersion } from '../../exchange/services/object.service.ts';
import type { ObservableHit, ObservableRepository } from '../repositories/observable.repository.ts';
import { correlationsOf, type Correlations, type SeenVersion } from './correlation.ts';

/** At most this many values in one lookup. */
export const LOOKUP_MAX_VALUES = 10_000;

/** The port to the Warning lists module: the enabled lists, brought up to date once a lookup, and the lists a value is on. */
export interface LookupWarningLists {
  ready(): Promise<{ hits(type: ObservableType, value: string, hashAlgorithm: string | undefined): readonly { name: string; type: string }[] }>;
}

/** What a match says of an indicator's sightings the caller may see. */
export interface SightingsSummary {
  sightings: number;
  totalCount: number;
  organisations: number;
  anonymous: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** The port to the Sightings module: indicators' sightings as `actor` may see them, many of one collection at once, by id. */
export interface LookupSightings {
  of(actor: Actor, collectionId: string, indicatorIds: readonly string[]): Promise<Map<string, SightingsSummary>>;
}

/** An object holding the value: its latest version the caller may see that holds it. */
export interface LookupMatch {
  id: string;
  type: string;
  version: string;
  apiRoot: string;
  collectionId: string;
  /** Its name (else value) in that version as the caller may see it; null when it has none. */
  name: string | null;
  /** For an indicator: its sightings the caller may see. */
  sightings?: SightingsSummary | undefined;
}

export interface LookupAnswer {
  /** The value as asked. */
  query: string;
  /** Its detected type and normal form; undefined when it is no observable value. */
  observable: Observable | undefined;
  matches: LookupMatch[];
  /** Distinct organisations that stored the matching versions the caller may see (the caller's own included). */
  organisations: number;
  warningLists: { name: string; type: string }[];
}

const keyOf = (type: string, value: string) => `${type} ${value}`;


const decoder = new TextDecoder();

export class LookupService {
  private readonly rows: ObservableRepository;
  private readonly objects: ObjectService;
  private readonly collections: CollectionService;
  private readonly warningLists: LookupWarningLists;
  private readonly sightings: LookupSightings | undefined;

  constructor(rows: ObservableRepository, objects: ObjectService, collections: CollectionService, warningLists: LookupWarningLists, sightings?: LookupSightings) {
    this.rows = rows;
    this.objects = objects;
    this.collections = collections;
    this.warningLists = warningLists;
    this.sightings = sightings;
  }

  /** One value (see `lookupMany`). */
  async lookup(actor: Actor, value: string): Promise<LookupAnswer> {
    return (await this.lookupMany(actor, [value]))[0]!;
  }

  /**
   * Each value's answer, in the order asked.
   * @throws DomainError `invalid` `lookup.no_values` (none given), `lookup.too_many_values` (more than `LOOKUP_MAX_VALUES`).
   */
  lookupMany(actor: Actor, values: readonly string[]): Promise<LookupAnswer[]> {
    // The collections the caller may read are worked out once for the whole lookup, sightings included.
    return this.collections.sameAccess(() => this.answerAll(actor, values));
  }

  private async answerAll(actor: Actor, values: readonly string[]): Promise<LookupAnswer[]> {
    if (values.length === 0) throw invalid('lookup.no_values', 'a lookup needs at least one value', {});
    if (values.length > LOOKUP_MAX_VALUES) {
      throw invalid('lookup.too_many_values', `a lookup takes at most ${LOOKUP_MAX_VALUES} values; ${values.length} were given`, { max: LOOKUP_MAX_VALUES, count: values.length });
    }
    const observables = values.map((value) => detectObservable(value));
    const hitsPerValue = await this.candidates(observables);
    const visible = await this.readVisible(actor, hitsPerValue.flat());
    const lists = await this.warningLists.ready();
    const answers = values.map((query, i) => {
      const observable = observables[i];
      const flags = observable ? lists.hits(observable.type, observable.value, observable.hashAlgorithm).map(({ name, type }) => ({ name, type })) : [];
      return this.answer(query, observable, hitsPerValue[i]!, visible, flags);
    });
    if (this.sightings) await this.withSightings(actor, answers, this.sightings);
    return answers;
  }

  /**
   * The objects sharing an observable value with the object's latest version the caller may see, as the
   * caller may see them, and how many other organisations reported them (`correlation.ts`).
   * @throws DomainError `not_found` `object.not_found`, `collection.not_found`; `forbidden` `collection.read_forbidden`.
   */
  async correlationsOf(actor: Actor, collectionId: string, objectId: string): Promise<Correlations> {
    return correlationsOf(actor, collectionId, objectId, { rows: this.rows, objects: this.objects, collections: this.collections, readVisible: (hits) => this.readVisible(actor, hits, false) });
  }

  /** Each matched indicator's sightings as the caller may see them, read at once per collection. */
  private async withSightings(actor: Actor, answers: LookupAnswer[], sightings: LookupSightings): Promise<void> {
    const indicators = answers.flatMap((a) => a.matches).filter((m) => m.type === 'indicator');
    const idsByCollection = new Map<string, Set<string>>();
    for (const match of indicators) idsByCollection.set(match.collectionId, (idsByCollection.get(match.collectionId) ?? new Set()).add(match.id));
    const read = new Map<string, Map<string, SightingsSummary>>();
    for (const [collectionId, ids] of idsByCollection) read.set(collectionId, await sightings.of(actor, collectionId, [...ids]));
    for (const match of indicators) match.sightings = read.get(match.collectionId)?.get(match.id);
  }

  /**
   * Each value's index rows: its own, those of the networks containing it (of the prefix lengths the index
   * holds), and for a network the addresses in it.
   */
  private async candidates(observables: readonly (Observable | undefined)[]): Promise<ObservableHit[][]> {
    const prefixes = observables.some((o) => o?.type === 'ipv4-addr' || o?.type === 'ipv6-addr') ? await this.rows.prefixes() : new Map<string, Set<number>>();
    const wanted = observables.map((o) => (o === undefined ? [] : o.type === 'ipv4-addr' || o.type === 'ipv6-addr' ? containingNetworks(o, prefixes.get(o.type) ?? new Set()) : [o.value]));
    const byType = new Map<string, Set<string>>();
    observables.forEach((o, i) => {
      if (!o) return;
      const values = byType.get(o.type) ?? new Set<string>();
      for (const value of wanted[i]!) values.add(value);
      byType.set(o.type, values);
    });
    const found = new Map<string, ObservableHit[]>();
    for (const [type, values] of byType) {
      for (const hit of await this.rows.findValues(type, [...values])) {
        const key = keyOf(hit.type, hit.value);
        const list = found.get(key);
        if (list) list.push(hit);
        else found.set(key, [hit]);
      }
    }
    return Promise.all(
      observables.map(async (o, i) => {
        if (!o) return [];
        const own = wanted[i]!.flatMap((value) => found.get(keyOf(o.type, value)) ?? []);
        const range = networkRange(o);
        return range ? [...own, ...(await this.rows.findInRange(o.type, range))] : own;
      }),
    );
  }

  /**
   * The candidate versions the caller may see, by collection, id and version, as the Exchange gives them
   * (one scoped read of the exact triples). A version's values are worked out again only when properties
   * were withheld from the caller: otherwise its body is the stored one the index was made from.
   */
  private async readVisible(actor: Actor, hits: readonly ObservableHit[], withheldOnly = true): Promise<Map<string, SeenVersion>> {
    const refs = hits.map((hit) => ({ collectionId: hit.collectionId, id: hit.stixId, version: hit.version }));
    const visible = new Map<string, SeenVersion>();
    for (const version of await this.objects.readVersions(actor, refs, withheldOnly)) {
      const values = version.withheld ? new Set(objectObservables(JSON.parse(decoder.decode(version.body!)) as Record<string, unknown>).map((o) => keyOf(o.type, o.value))) : undefined;
      visible.set(`${version.collectionId} ${version.id} ${version.version}`, { version, values });
    }
    return visible;
  }

  private answer(query: string, observable: Observable | undefined, hits: readonly ObservableHit[], visible: ReadonlyMap<string, SeenVersion>, warningLists: LookupAnswer['warningLists']): LookupAnswer {
    if (!observable) return { query, observable, matches: [], organisations: 0, warningLists: [] };
    const latest = new Map<string, ReadVersion>();
    const organisations = new Set<string>();
    for (const hit of hits) {
      const seen = visible.get(`${hit.collectionId} ${hit.stixId} ${hit.version}`);
      if (!seen || (seen.values && !seen.values.has(keyOf(hit.type, hit.value)))) continue;
      const { version } = seen;
      if (version.originOrg) organisations.add(version.originOrg);
      const key = `${version.collectionId} ${version.id}`;
      const held = latest.get(key);
      if (!held || held.version < version.version) latest.set(key, version);
    }
    const matches = [...latest.values()].map((v) => ({ id: v.id, type: v.type, name: v.name, version: v.version, apiRoot: v.apiRoot, collectionId: v.collectionId }));
    matches.sort((a, b) => (a.collectionId === b.collectionId ? a.id.localeCompare(b.id) : a.collectionId.localeCompare(b.collectionId)));
    return { query, observable, matches, organisations: organisations.size, warningLists };
  }
}
