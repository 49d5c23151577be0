/**
 * Collections and their grants as the REST API answers them (the TAXII presenter answers them for TAXII
 * clients), and the JSON Schemas of those answers for the OpenAPI document.
 */
import { objectSchema, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import type { Collection, Grant } from '../services/collection.service.ts';
import { TLP_LEVELS, tlpName } from '../../../../shared/stix/sharing.ts';

/** A collection with what the caller may do with it. */
export function presentCollection(collection: Collection) {
  return {
    id: collection.id,
    api_root: collection.apiRoot,
    title: collection.title,
    description: collection.description ?? null,
    alias: collection.alias ?? null,
    can_read: collection.canRead,
    can_write: collection.canWrite,
    media_types: collection.mediaTypes,
    default_tlp: tlpName(collection.defaultTlp),
  };
}

/** One principal's access to a collection. */
export function presentGrant(grant: Grant) {
  return { principal: grant.principal, read: grant.read, write: grant.write };
}

/** The grants on a collection, by principal. */
export function presentGrants(collectionId: string, grants: readonly Grant[]) {
  return { collection_id: collectionId, grants: grants.map(presentGrant) };
}

const text = (description: string): JsonSchema => ({ type: 'string', description });
const flag = (description: string): JsonSchema => ({ type: 'boolean', description });
const grant = objectSchema({
  principal: text('user:<id>, org:<id>, community:<id>, authenticated or anonymous (read only: a public collection)'),
  read: flag('may read objects'),
  write: flag('may add objects'),
});

/** Named schemas of the answers above. */
export const COLLECTION_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Collection: objectSchema({
    id: text('collection id'),
    api_root: text('name of the TAXII API root it is in'),
    title: text('title'),
    description: { type: ['string', 'null'], description: 'description' },
    alias: { type: ['string', 'null'], description: 'short name usable instead of the id in its API root' },
    can_read: flag('the caller may read it'),
    can_write: flag('the caller may add objects to it'),
    media_types: { type: 'array', items: { type: 'string' } },
    default_tlp: { type: 'string', enum: [...TLP_LEVELS], description: 'TLP level given to objects that arrive unmarked' },
  }),
  Grant: grant,
  GrantList: objectSchema({ collection_id: text('collection id'), grants: { type: 'array', items: grant } }),
};
