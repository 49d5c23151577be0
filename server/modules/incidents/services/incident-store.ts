/**
 * How the Incidents module reads and writes STIX objects: only through the Exchange's services, as the caller,
 * so TLP, visibility, validation and the audit log apply as to any object. An incident is read at its latest
 * version the caller may see; a write the exchange refuses fails with its problems.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { invalid, type ErrorProblem } from '../../../core/errors.ts';
import type { OrganisationService } from '../../../core/organisations/organisation.service.ts';
import { isIdentifier } from '../../../../shared/stix/identifier.ts';
import type { Collection, CollectionService } from '../../exchange/services/collection.service.ts';
import type { ObjectBrowseService, WholeVersion } from '../../exchange/services/object-browse.service.ts';
import type { ObjectService, StoredVersion } from '../../exchange/services/object.service.ts';

/** A version as the caller may see it, with its TLP rank. */
export interface VisibleObject {
  object: Record<string, unknown>;
  tlp: number;
}

/**
 * Objects read at most by one scan: the notes of a collection, when finding those about an incident (the
 * Exchange indexes the ends of relationships and sightings, not a note's `object_refs`), and the incidents one
 * page of a filtered listing looks at (a page may hold fewer than asked, with a `next` to go on).
 */
export const SCAN_MAX = 10_000;
/** Relationships to an incident read at most (its linked indicators). */
export const LINKED_MAX = 500;

const decoder = new TextDecoder();

export function visibleOf(row: StoredVersion): VisibleObject {
  return { object: JSON.parse(decoder.decode(row.body!)) as Record<string, unknown>, tlp: row.tlp ?? 0 };
}

/** @throws DomainError `invalid` `incident.invalid_id` unless `id` is `incident--<uuid>`. */
export function requireIncidentId(id: string): void {
  if (!isIdentifier(id) || !id.startsWith('incident--')) throw invalid('incident.invalid_id', `"${id}" is not the id of an incident (incident--<uuid>)`, { id });
}

export class IncidentStore {
  readonly objects: ObjectService;
  private readonly collections: CollectionService;
  private readonly organisations: OrganisationService;
  private readonly browse: ObjectBrowseService;

  constructor(objects: ObjectService, collections: CollectionService, organisations: OrganisationService, browse: ObjectBrowseService) {
    this.objects = objects;
    this.collections = collections;
    this.organisations = organisations;
    this.browse = browse;
  }

  /** @throws DomainError `collection.not_found`, `collection.read_forbidden`. */
  collection(actor: Actor, idOrAlias: string): Promise<Collection> {
    return this.collections.find(actor, idOrAlias);
  }

  /** The STIX identity of the actor's organisation; null for the operator or a user of none. */
  async identityOf(actor: Actor): Promise<string | null> {
    if (actor.kind !== 'user' || actor.organisationId === null) return null;
    return (await this.organisations.find(actor, actor.organisationId)).identityId;
  }

  /** The latest version of an object the actor may see. @throws DomainError `object.not_found`. */
  async latest(actor: Actor, collection: Collection, id: string): Promise<VisibleObject> {
    const page = await this.objects.getObject(actor, collection.apiRoot, collection.id, id, {});
    return visibleOf(page.rows[0]!);
  }

  /** Every version of an object the actor may see, oldest first. */
  async history(actor: Actor, collection: Collection, id: string): Promise<VisibleObject[]> {
    const found: VisibleObject[] = [];
    let next: string | undefined;
    do {
      const page = await this.objects.getObject(actor, collection.apiRoot, collection.id, id, { versions: ['all'], next });
      found.push(...page.rows.map(visibleOf));
      next = page.next;
    } while (next !== undefined && found.length < SCAN_MAX);
    return found;
  }

  /**
   * A page of the latest versions of objects of `type` the actor may see in the collection, newest added
   * first, added before `before` (microseconds; none: from the newest), at most `limit`.
   */
  page(actor: Actor, collection: Collection, type: string, before: number | undefined, limit: number): Promise<WholeVersion[]> {
    return this.browse.latestWhole(actor, collection.id, { types: [type], before, limit });
  }

  /** The latest relationships to `id` the actor may see in the collection, newest first (at most `LINKED_MAX`). */
  relationshipsTo(actor: Actor, collection: Collection, id: string): Promise<VisibleObject[]> {
    return this.browse.relationshipsTo(actor, collection.id, id, LINKED_MAX);
  }

  /** The latest versions of objects of `type` the actor may see in the collection (at most `SCAN_MAX`). */
  async latestOfType(actor: Actor, collection: Collection, type: string): Promise<VisibleObject[]> {
    const found: VisibleObject[] = [];
    let next: string | undefined;
    do {
      const page = await this.objects.list(actor, collection.apiRoot, collection.id, { types: [type], limit: 1_000, next });
      found.push(...page.rows.map(visibleOf));
      next = page.next;
    } while (next !== undefined && found.length < SCAN_MAX);
    return found;
  }

  /**
   * Stores objects as the actor through the exchange's ingest.
   * @throws DomainError `invalid` `incident.rejected` (the problems say why), and the write errors of the
   *   collection (`collection.write_forbidden`).
   */
  async store(actor: Actor, collection: Collection, objects: readonly Record<string, unknown>[]): Promise<void> {
    const result = await this.objects.ingest(actor, collection.apiRoot, collection.id, objects);
    const rejection = result.rejected[0];
    if (rejection) {
      const problems: ErrorProblem[] = rejection.problems.map((p) => ({ rule: p.rule, path: p.path, message: p.message }));
      throw invalid('incident.rejected', `the exchange refused it: ${problems.map((p) => p.message).join('; ')}`, { id: rejection.id ?? '' }, problems);
    }
  }
}
