/**
 * Sightings of indicators: a team says "we saw it too", with a count, a time window and where; and every
 * reader gets the aggregate of the sightings it may see. A sighting is a STIX 2.1 `sighting` stored through
 * the exchange's ingest in the indicator's collection, so TLP, visibility, validation and the audit log apply
 * to it as to any object; this service reads and writes nothing else.
 *
 * Anonymity: an anonymous sighting names no organisation (`created_by_ref`, `where_sighted_refs`) and is
 * stored with no origin (`ObjectService.ingestUnattributed`), so no API shows who posted it; the audit log
 * still records the write under the poster (see ARCHITECTURE.md for the limits).
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { invalid, type ErrorProblem } from '../../../core/errors.ts';
import type { OrganisationService } from '../../../core/organisations/organisation.service.ts';
import { isIdentifier } from '../../../../shared/stix/identifier.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { ObjectBrowseService } from '../../exchange/services/object-browse.service.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import { aggregateSightings, type SightingAggregate } from './sighting-aggregate.ts';
import { buildSighting, checkSightingRequest, type Poster, type SightingRequest } from './sighting-input.ts';

/** Sightings read for one indicator's aggregate and list (the newest). */
export const SIGHTINGS_MAX = 10_000;

/** A sighting as a reader may see it. */
export interface VisibleSighting {
  object: Record<string, unknown>;
  tlp: number;
}

export interface IndicatorSightings {
  collectionId: string;
  indicatorId: string;
  aggregate: SightingAggregate;
  /** Newest first. */
  sightings: VisibleSighting[];
}

export interface PostedSighting {
  collectionId: string;
  sighting: VisibleSighting;
}

export class SightingService {
  private readonly objects: ObjectService;
  private readonly browse: ObjectBrowseService;
  private readonly collections: CollectionService;
  private readonly organisations: OrganisationService;
  private readonly now: () => Date;

  constructor(objects: ObjectService, browse: ObjectBrowseService, collections: CollectionService, organisations: OrganisationService, now: () => Date = () => new Date()) {
    this.objects = objects;
    this.browse = browse;
    this.collections = collections;
    this.organisations = organisations;
    this.now = now;
  }

  /**
   * Posts a sighting of an indicator the actor may see, in the indicator's collection (which it must be
   * allowed to write).
   * @throws DomainError `invalid` `sighting.invalid_indicator`, those of `checkSightingRequest` and
   *   `buildSighting`, `sighting.rejected` (the exchange refused it, e.g. TLP:AMBER outside a community, or
   *   its `where` seems to hold personal data that people outside the organisation would read: the problems
   *   say why); `not_found` `object.not_found`, `collection.not_found`; `forbidden`
   *   `collection.read_forbidden`, `collection.write_forbidden`.
   */
  async post(actor: Actor, collectionIdOrAlias: string, indicatorId: string, request: SightingRequest): Promise<PostedSighting> {
    requireIndicatorId(indicatorId);
    const input = checkSightingRequest(request);
    const collection = await this.collections.find(actor, collectionIdOrAlias);
    await this.objects.getObject(actor, collection.apiRoot, collection.id, indicatorId, {});
    const sighting = buildSighting(indicatorId, input, await this.posterOf(actor), this.now());
    // The `where` text goes to everyone who reads the collection: personal data in it is refused, to be reworded.
    const personal = await this.objects.personalDataProblems(actor, collection, [sighting], 0);
    if (personal.length > 0) throw invalid('sighting.rejected', `the sighting was refused: ${personal.map((p) => p.message).join('; ')}`, { indicator: indicatorId }, personal);
    const result = input.anonymous
      ? await this.objects.ingestUnattributed(actor, collection.apiRoot, collection.id, [sighting])
      : await this.objects.ingest(actor, collection.apiRoot, collection.id, [sighting]);
    const rejection = result.rejected[0];
    if (rejection) {
      const problems: ErrorProblem[] = rejection.problems.map((p) => ({ rule: p.rule, path: p.path, message: p.message }));
      throw invalid('sighting.rejected', `the sighting was refused: ${problems.map((p) => p.message).join('; ')}`, { indicator: indicatorId }, problems);
    }
    return { collectionId: collection.id, sighting: { object: sighting, tlp: input.tlp ?? collection.defaultTlp } };
  }

  /**
   * The aggregate and the list of an indicator's sightings that the actor may see (the newest
   * `SIGHTINGS_MAX`), as the actor may see them.
   * @throws DomainError `invalid` `sighting.invalid_indicator`; `not_found` `object.not_found` (also for an
   *   indicator the actor may not see), `collection.not_found`; `forbidden` `collection.read_forbidden`.
   */
  async list(actor: Actor, collectionIdOrAlias: string, indicatorId: string): Promise<IndicatorSightings> {
    requireIndicatorId(indicatorId);
    const collection = await this.collections.find(actor, collectionIdOrAlias);
    await this.objects.getObject(actor, collection.apiRoot, collection.id, indicatorId, {});
    const sightings = await this.browse.sightingsOf(actor, collection.id, indicatorId, SIGHTINGS_MAX);
    return { collectionId: collection.id, indicatorId, aggregate: aggregateSightings(sightings.map((s) => s.object)), sightings };
  }

  /**
   * The aggregate of an indicator's sightings the actor may see, for a caller that has already found a version
   * of the indicator the actor may see (the lookup): no check of the indicator's latest version here.
   */
  async aggregateOf(actor: Actor, collectionId: string, indicatorId: string): Promise<SightingAggregate> {
    return aggregateSightings((await this.browse.sightingsOf(actor, collectionId, indicatorId, SIGHTINGS_MAX)).map((s) => s.object));
  }

  /** `aggregateOf` for many indicators of one collection, read at once; answers one aggregate per id. */
  async aggregatesOf(actor: Actor, collectionId: string, indicatorIds: readonly string[]): Promise<Map<string, SightingAggregate>> {
    const found = await this.browse.sightingsOfMany(actor, collectionId, indicatorIds, SIGHTINGS_MAX);
    return new Map(indicatorIds.map((id) => [id, aggregateSightings((found.get(id) ?? []).map((s) => s.object))]));
  }

  private async posterOf(actor: Actor): Promise<Poster> {
    if (actor.kind !== 'user') return { identityId: null, userName: null };
    const identityId = actor.organisationId === null ? null : (await this.organisations.find(actor, actor.organisationId)).identityId;
    return { identityId, userName: actor.name };
  }
}

function requireIndicatorId(id: string): void {
  if (!isIdentifier(id) || !id.startsWith('indicator--')) {
    throw invalid('sighting.invalid_indicator', `"${id}" is not the id of an indicator (indicator--<uuid>)`, { indicator: id });
  }
}
