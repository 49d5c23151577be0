/**
 * The web UI's reads of objects: a collection's latest objects newest first with filters and free text, one
 * object with its versions and the relationships and sightings that link it to others, one version, and the
 * dashboard. Every read takes its rows through the reader's scope (`readScope`, visibility.ts) in the query
 * that reads them and its bodies through `bodyFor`, exactly as TAXII does: what a reader may not see is
 * neither listed, linked, nor counted. A collection the caller may not read answers as `CollectionService`
 * says (not found, or forbidden when it may only write).
 */
import type { Actor } from '../../../core/auth/actor.ts';
import type { CommunityService } from '../../../core/communities/community.service.ts';
import { notFound } from '../../../core/errors.ts';
import type { OrganisationService } from '../../../core/organisations/organisation.service.ts';
import { parseTimestamp } from '../../../../shared/stix/timestamp.ts';
import { browseFactsOf } from '../../../../shared/stix/browse-facts.ts';
import type { BrowseRow, ObjectBrowseRepository } from '../repositories/object-browse.repository.ts';
import type { ReadScope } from '../repositories/object.repository.ts';
import type { Collection, CollectionService } from './collection.service.ts';
import { encodeBrowseCursor, resolveBrowseQuery, type BrowseFilter } from './object-browse-query.ts';
import { bodyFor, readScope } from './visibility.ts';
import { NO_WARNING_FLAGS, type WarningFlag, type WarningFlags } from './warning-flags.ts';

export const DESCRIPTION_MAX = 300;
/** Relationships listed each way in an object's detail. */
export const LINKS_MAX = 200;
const RECENT = 10;
const ACTIVITY_DAYS = 30;
const ACTIVITY_MAX = 20;
/** Objects asked about in one query of `sightingsOfMany`. */
const IDS_PER_QUERY = 500;

export interface Named {
  id: string;
  name: string;
}

/** An object's latest visible version (or the version asked for), in a few words. */
export interface ObjectSummary {
  id: string;
  type: string;
  name: string | null;
  /** The first 300 characters of the description the reader may see. */
  description: string | null;
  /** TLP rank. */
  tlp: number;
  /** Timestamp key; '' for objects with neither `modified` nor `created`. */
  version: string;
  /** Microseconds. */
  dateAdded: number;
  organisation: Named | null;
  collectionId: string;
  /** The warning lists its values are on (`WarningFlags`); empty when none. */
  warningLists: WarningFlag[];
}

/** A relationship or sighting linking an object to another. */
export interface ObjectLink {
  relationship: ObjectSummary;
  relationshipType: string | null;
  /** The other end, or null when the reader may not see it or it is not in the collection. */
  other: ObjectSummary | null;
  otherId: string | null;
}

export interface ObjectDetail {
  /** The version's JSON as the reader may see it. */
  object: Record<string, unknown>;
  summary: ObjectSummary;
  versions: { version: string; dateAdded: number }[];
  outgoing: ObjectLink[];
  incoming: ObjectLink[];
}

/** A version as the caller may see it, with its TLP rank and when it was added (microseconds). */
export interface WholeVersion {
  object: Record<string, unknown>;
  tlp: number;
  dateAdded: number;
}

export interface SummaryPage {
  objects: ObjectSummary[];
  next: string | undefined;
}

export interface Dashboard {
  collections: number;
  recent: ObjectSummary[];
  byType: { type: string; count: number }[];
  byTlp: { tlp: number; count: number }[];
  activity: { community: Named; collection: { id: string; title: string }; organisation: Named | null; objects: number; lastAdded: number }[];
}

const decoder = new TextDecoder();

type Organisations = (id: string | null) => Named | null;

export class ObjectBrowseService {
  private readonly browse: ObjectBrowseRepository;
  private readonly collections: CollectionService;
  private readonly organisations: OrganisationService;
  private readonly communities: CommunityService;
  private readonly flags: WarningFlags;

  constructor(browse: ObjectBrowseRepository, collections: CollectionService, organisations: OrganisationService, communities: CommunityService, flags: WarningFlags = NO_WARNING_FLAGS) {
    this.browse = browse;
    this.collections = collections;
    this.organisations = organisations;
    this.communities = communities;
    this.flags = flags;
  }

  /**
   * A page of a collection's latest objects the caller may see, newest first.
   * @throws DomainError `not_found` `collection.not_found`; `forbidden` `collection.read_forbidden`; `invalid`
   *   `query.invalid_filter`, `query.invalid_next`, `query.next_mismatch`.
   */
  async list(actor: Actor, collectionId: string, filter: BrowseFilter): Promise<SummaryPage> {
    const { collection, scope } = await this.reader(actor, collectionId);
    const { query, limit, filter: criteria } = resolveBrowseQuery(collection.id, filter);
    const rows = await this.browse.latest(query, scope);
    const more = rows.length > limit;
    if (more) rows.length = limit;
    const names = await this.organisationNames(actor);
    const objects = rows.map((row) => parsed(row, scope));
    return {
      objects: await this.flagged(rows.map((row, i) => summaryOf(objects[i]!, row, names, collection.id)), objects),
      next: more ? encodeBrowseCursor(rows[rows.length - 1]!.date_added, criteria) : undefined,
    };
  }

  /**
   * An object's newest visible version, its visible versions oldest first, and the visible relationships and
   * sightings from and to it (at most `LINKS_MAX` each way, newest first).
   * @throws DomainError `not_found` `object.not_found`, `collection.not_found`; `forbidden` `collection.read_forbidden`.
   */
  async detail(actor: Actor, collectionId: string, objectId: string): Promise<ObjectDetail> {
    const { collection, scope } = await this.reader(actor, collectionId);
    const versions = await this.browse.versionsOf(collection.id, objectId, scope);
    const latest = versions[versions.length - 1];
    if (!latest) throw objectNotFound(objectId);
    const [outgoing, incoming] = await Promise.all([
      this.browse.linked(collection.id, 'rel_source', objectId, scope, LINKS_MAX),
      this.browse.linked(collection.id, 'rel_target', objectId, scope, LINKS_MAX),
    ]);
    const links = [...outgoing, ...incoming].map((row) => ({ row, object: parsed(row, scope) }));
    const otherIds = links.map(({ object }) => endsOf(object)).flat().filter((id): id is string => id !== null && id !== objectId);
    const others = new Map((await this.browse.latestOf(collection.id, otherIds, scope)).map((row) => [row.stix_id, row]));
    const names = await this.organisationNames(actor);
    const summary = (row: BrowseRow, object = parsed(row, scope)) => summaryOf(object, row, names, collection.id);
    const otherObjects = [...others.values()].map((row) => ({ row, object: parsed(row, scope) }));
    const otherSummaries = await this.flagged(otherObjects.map(({ row, object }) => summary(row, object)), otherObjects.map(({ object }) => object));
    const otherSummary = new Map(otherSummaries.map((s) => [s.id, s]));
    const link = (end: 'source' | 'target') => ({ row, object }: { row: BrowseRow; object: Record<string, unknown> }): ObjectLink => {
      const otherId = endsOf(object)[end === 'source' ? 0 : 1];
      const other = otherId === null ? undefined : otherSummary.get(otherId);
      return {
        relationship: summary(row, object),
        relationshipType: typeof object.relationship_type === 'string' ? object.relationship_type : null,
        other: other ?? null,
        otherId,
      };
    };
    const object = parsed(latest, scope);
    const [flagged] = await this.flagged([summary(latest, object)], [object]);
    return {
      object,
      summary: flagged!,
      versions: versions.map((row) => ({ version: row.version, dateAdded: row.date_added })),
      outgoing: links.slice(0, outgoing.length).map(link('target')),
      incoming: links.slice(outgoing.length).map(link('source')),
    };
  }

  /**
   * The latest versions of the sightings of an object (`sighting_of_ref`) the caller may see in a collection,
   * newest first, at most `limit`, each with its TLP rank, as the caller may see them; the organisation that
   * stored them is not given (anonymous sightings are stored without one, see `ingestUnattributed`).
   * @throws DomainError as `list`.
   */
  async sightingsOf(actor: Actor, collectionId: string, objectId: string, limit: number): Promise<{ object: Record<string, unknown>; tlp: number }[]> {
    const { collection, scope } = await this.reader(actor, collectionId);
    const rows = await this.browse.linked(collection.id, 'rel_target', objectId, scope, limit, 'sighting');
    return rows.map((row) => ({ object: parsed(row, scope), tlp: Number(row.tlp) }));
  }

  /**
   * A page of the latest versions of objects of `types` the caller may see, whole (as it may see them), added
   * before `before` (microseconds; none: from the newest), newest added first, at most `limit`: what another
   * module pages through when it filters on the objects' content (the Incidents module's listing).
   * @throws DomainError as `list`.
   */
  async latestWhole(actor: Actor, collectionId: string, page: { types: readonly string[]; before?: number | undefined; limit: number }): Promise<WholeVersion[]> {
    const { collection, scope } = await this.reader(actor, collectionId);
    const rows = await this.browse.latest({ collectionId: collection.id, types: page.types, addedBefore: page.before, limit: page.limit }, scope);
    return rows.map((row) => ({ object: parsed(row, scope), tlp: row.tlp, dateAdded: row.date_added }));
  }

  /**
   * The latest versions of the relationships to an object (`target_ref`) the caller may see in a collection,
   * newest first, at most `limit`, read through the index of relationship ends rather than by scanning.
   * @throws DomainError as `list`.
   */
  async relationshipsTo(actor: Actor, collectionId: string, objectId: string, limit: number): Promise<WholeVersion[]> {
    const { collection, scope } = await this.reader(actor, collectionId);
    const rows = await this.browse.linked(collection.id, 'rel_target', objectId, scope, limit, 'relationship');
    return rows.map((row) => ({ object: parsed(row, scope), tlp: row.tlp, dateAdded: row.date_added }));
  }

  /**
   * `sightingsOf` for many objects of one collection at once (the lookup's matched indicators): one access
   * check and one query. Objects with no sighting the caller may see are absent from the map.
   * @throws DomainError as `list`.
   */
  async sightingsOfMany(actor: Actor, collectionId: string, objectIds: readonly string[], limitEach: number): Promise<Map<string, { object: Record<string, unknown>; tlp: number }[]>> {
    // From `listAll`, which a lookup reads once (`CollectionService.sameAccess`); `reader` says why when it is not there.
    const readable = (await this.collections.listAll(actor)).find((c) => c.id === collectionId && c.canRead);
    const { collection, scope } = readable ? { collection: readable, scope: readScope(actor, readable) } : await this.reader(actor, collectionId);
    const found = new Map<string, { object: Record<string, unknown>; tlp: number }[]>();
    for (let i = 0; i < objectIds.length; i += IDS_PER_QUERY) {
      for (const row of await this.browse.sightingsOfMany(collection.id, objectIds.slice(i, i + IDS_PER_QUERY), scope, limitEach)) {
        const list = found.get(row.rel_target) ?? [];
        list.push({ object: parsed(row, scope), tlp: Number(row.tlp) });
        found.set(row.rel_target, list);
      }
    }
    return found;
  }

  /**
   * One version of an object (`version`: its `modified` timestamp) as the caller may see it.
   * @throws DomainError `not_found` `object.not_found` (also for a version that is no timestamp); as `list`.
   */
  async version(actor: Actor, collectionId: string, objectId: string, version: string): Promise<Record<string, unknown>> {
    const { collection, scope } = await this.reader(actor, collectionId);
    const key = parseTimestamp(version)?.key;
    const row = key === undefined ? undefined : (await this.browse.versionsOf(collection.id, objectId, scope, key))[0];
    if (!row) throw objectNotFound(objectId);
    return parsed(row, scope);
  }

  /**
   * Counts over the latest versions the caller may see in every collection it may read, the ten newest of
   * them, and the additions of the last 30 days in the collections of its organisation's communities, by
   * collection and origin organisation (newest first, at most 20).
   */
  async dashboard(actor: Actor): Promise<Dashboard> {
    const readable = (await this.collections.listAll(actor)).filter((c) => c.canRead);
    const names = await this.organisationNames(actor);
    const byType = new Map<string, number>();
    const byTlp = new Map<number, number>();
    const recent: { summary: ObjectSummary; object: Record<string, unknown> }[] = [];
    const since = (Date.now() - ACTIVITY_DAYS * 86_400_000) * 1000;
    const communityNames = actor.kind === 'user' && actor.organisationId !== null ? new Map((await this.communities.list(actor)).map((c) => [c.id, c.name])) : new Map<string, string>();
    const activity: Dashboard['activity'] = [];
    for (const collection of readable) {
      const scope = readScope(actor, collection);
      for (const { type, tlp, n } of await this.browse.tally(collection.id, scope)) {
        byType.set(type, (byType.get(type) ?? 0) + n);
        byTlp.set(tlp, (byTlp.get(tlp) ?? 0) + n);
      }
      for (const row of await this.browse.latest({ collectionId: collection.id, limit: RECENT }, scope)) {
        const object = parsed(row, scope);
        recent.push({ summary: summaryOf(object, row, names, collection.id), object });
      }
      const community = collection.access.member ? collection.access.community : null;
      if (community === null || !communityNames.has(community)) continue;
      for (const row of await this.browse.additions(collection.id, since, scope)) {
        activity.push({
          community: { id: community, name: communityNames.get(community)! },
          collection: { id: collection.id, title: collection.title },
          organisation: names(row.origin_org),
          objects: row.n,
          lastAdded: row.last_added,
        });
      }
    }
    const newest = recent.sort((a, b) => b.summary.dateAdded - a.summary.dateAdded).slice(0, RECENT);
    return {
      collections: readable.length,
      recent: await this.flagged(newest.map((r) => r.summary), newest.map((r) => r.object)),
      byType: [...byType].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
      byTlp: [...byTlp].sort(([a], [b]) => a - b).map(([tlp, count]) => ({ tlp, count })),
      activity: activity.sort((a, b) => b.lastAdded - a.lastAdded).slice(0, ACTIVITY_MAX),
    };
  }

  /** The summaries with the warning lists their objects' values are on. */
  private async flagged(summaries: ObjectSummary[], objects: readonly Record<string, unknown>[]): Promise<ObjectSummary[]> {
    const flags = await this.flags.flagsOf(objects);
    return summaries.map((summary, i) => ({ ...summary, warningLists: flags[i] ?? [] }));
  }

  private async reader(actor: Actor, collectionId: string): Promise<{ collection: Collection; scope: ReadScope }> {
    const found = await this.collections.find(actor, collectionId);
    const collection = await this.collections.requireRead(actor, found.apiRoot, found.id);
    return { collection, scope: readScope(actor, collection) };
  }

  /** Organisation names by id, for the origin of summaries (organisations are few: read once a request). */
  private async organisationNames(actor: Actor): Promise<Organisations> {
    if (actor.kind === 'anonymous') return () => null;
    const byId = new Map((await this.organisations.list(actor)).map((o) => [o.id, o.name]));
    return (id) => (id === null || !byId.has(id) ? null : { id, name: byId.get(id)! });
  }
}

/** The version's JSON as the reader may see it. */
function parsed(row: BrowseRow, scope: ReadScope): Record<string, unknown> {
  return JSON.parse(decoder.decode(bodyFor(row.body, row.redactions, row.clearance, scope.cap))) as Record<string, unknown>;
}

/** The two ends of a relationship or sighting as the reader's body gives them (see `browseFactsOf`). */
function endsOf(object: Record<string, unknown>): [string | null, string | null] {
  const { relSource, relTarget } = browseFactsOf(object);
  return [relSource, relTarget];
}

function summaryOf(object: Record<string, unknown>, row: BrowseRow, names: Organisations, collectionId: string): ObjectSummary {
  const description = typeof object.description === 'string' && object.description !== '' ? object.description : null;
  return {
    id: row.stix_id,
    type: row.type,
    name: browseFactsOf(object).name,
    description: description?.slice(0, DESCRIPTION_MAX) ?? null,
    tlp: row.tlp,
    version: row.version,
    dateAdded: row.date_added,
    organisation: names(row.origin_org),
    collectionId,
    warningLists: [],
  };
}

function objectNotFound(objectId: string) {
  return notFound('object.not_found', `there is no object "${objectId}" the caller may see in this collection`, { object: objectId });
}
