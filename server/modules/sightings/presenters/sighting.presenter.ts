/**
 * Sightings as the REST API and `thiqa sighting … --json` answer them: one sighting, an indicator's
 * aggregate with its list; and the JSON Schemas of those answers. Nothing here says which organisation
 * stored a sighting: only what the STIX object itself names (`created_by_ref`), and only as the reader sees it.
 */
import { listOf, objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { tlpName } from '../../../../shared/stix/sharing.ts';
import type { IndicatorSightings, PostedSighting, VisibleSighting } from '../services/sighting.service.ts';

const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
const refs = (value: unknown) => (Array.isArray(value) ? value.filter((ref): ref is string => typeof ref === 'string') : []);

export function presentSighting({ object, tlp }: VisibleSighting) {
  const createdBy = textOrNull(object.created_by_ref);
  return {
    id: object.id as string,
    indicator: textOrNull(object.sighting_of_ref),
    count: typeof object.count === 'number' ? object.count : null,
    first_seen: textOrNull(object.first_seen),
    last_seen: textOrNull(object.last_seen),
    where: textOrNull(object.description),
    where_sighted_refs: refs(object.where_sighted_refs),
    observed_data_refs: refs(object.observed_data_refs),
    created_by_ref: createdBy,
    anonymous: createdBy === null,
    tlp: tlpName(tlp),
    created: textOrNull(object.created),
  };
}

export function presentPosted(posted: PostedSighting) {
  return { collection: posted.collectionId, sighting: presentSighting(posted.sighting), object: posted.sighting.object };
}

export function presentSightings(found: IndicatorSightings) {
  const { aggregate } = found;
  return {
    collection: found.collectionId,
    indicator: found.indicatorId,
    aggregate: {
      sightings: aggregate.sightings,
      total_count: aggregate.totalCount,
      organisations: aggregate.organisations,
      anonymous: aggregate.anonymous,
      first_seen: aggregate.firstSeen,
      last_seen: aggregate.lastSeen,
    },
    sightings: found.sightings.map(presentSighting),
  };
}

const text = (description: string): JsonSchema => ({ type: 'string', description });
const textOrNullSchema = (description: string): JsonSchema => ({ type: ['string', 'null'], description });
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
const ids = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description });

export const SIGHTING_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Sighting: objectSchema({
    id: text('STIX id of the sighting'),
    indicator: textOrNullSchema('the indicator sighted (sighting_of_ref)'),
    count: { type: ['integer', 'null'], minimum: 0, description: 'times sighted; null when the sighting does not say' },
    first_seen: textOrNullSchema('start of the window it was seen in'),
    last_seen: textOrNullSchema('end of the window it was seen in'),
    where: textOrNullSchema('where it was seen, in words (the sighting’s description)'),
    where_sighted_refs: ids('identities or locations where it was seen'),
    observed_data_refs: ids('observed data that show it'),
    created_by_ref: textOrNullSchema('the identity of the organisation that reported it; null for an anonymous sighting'),
    anonymous: { type: 'boolean', description: 'true when the sighting names no organisation' },
    tlp: { type: 'string', enum: ['clear', 'green', 'amber', 'amber+strict', 'red'] },
    created: textOrNullSchema('when the sighting was made'),
  }),
  PostedSighting: objectSchema({ collection: text('collection id'), sighting: ref('Sighting'), object: { type: 'object', description: 'the STIX sighting as stored' } }),
  IndicatorSightings: objectSchema({
    collection: text('collection id'),
    indicator: text('indicator id'),
    aggregate: objectSchema({
      sightings: count('sightings the caller may see'),
      total_count: count('sum of their counts (a sighting without a count counts once)'),
      organisations: count('distinct organisations that reported them'),
      anonymous: count('sightings that name no organisation'),
      first_seen: textOrNullSchema('earliest first_seen'),
      last_seen: textOrNullSchema('latest last_seen'),
    }),
    sightings: listOf('Sighting'),
  }),
};
