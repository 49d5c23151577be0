/**
 * Lookup answers as the REST API and `thiqa lookup --json` give them (an indicator with its sightings the
 * caller may see), an object's correlations, and their JSON Schemas.
 */
import { listOf, objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { OBSERVABLE_TYPES } from '../../../../shared/observables/observable.ts';
import { formatKey } from '../../../../shared/stix/timestamp.ts';
import type { Observable } from '../../../../shared/observables/observable.ts';
import type { Correlations } from '../services/correlation.ts';
import type { LookupAnswer } from '../services/lookup.service.ts';

export function presentAnswer(answer: LookupAnswer) {
  return {
    query: answer.query,
    type: answer.observable?.type ?? null,
    value: answer.observable?.value ?? null,
    hash_algorithm: answer.observable?.hashAlgorithm ?? null,
    matches: answer.matches.map((m) => ({
      id: m.id,
      type: m.type,
      name: m.name,
      version: m.version,
      api_root: m.apiRoot,
      collection: m.collectionId,
      ...(m.sightings
        ? { sightings: { sightings: m.sightings.sightings, total_count: m.sightings.totalCount, organisations: m.sightings.organisations, anonymous: m.sightings.anonymous, first_seen: m.sightings.firstSeen, last_seen: m.sightings.lastSeen } }
        : {}),
    })),
    organisations: answer.organisations,
    warning_lists: answer.warningLists.map((l) => ({ name: l.name, type: l.type })),
  };
}

export function presentAnswers(answers: readonly LookupAnswer[]) {
  return { results: answers.map(presentAnswer) };
}

const observable = (o: Observable) => ({ type: o.type, value: o.value });
const versionText = (key: string): string | null => (key === '' ? null : formatKey(key));

/** An object's correlations as the caller may see them. */
export function presentCorrelations(c: Correlations) {
  return {
    id: c.id,
    collection: c.collectionId,
    version: versionText(c.version),
    values: c.values.map(observable),
    objects: c.objects.map((o) => ({ id: o.id, type: o.type, name: o.name, version: versionText(o.version), api_root: o.apiRoot, collection: o.collectionId, shared: o.shared.map(observable) })),
    total: c.total,
    organisations: c.organisations,
  };
}

const string = (description: string): JsonSchema => ({ type: 'string', description });
const nullable = (description: string): JsonSchema => ({ type: ['string', 'null'], description });

export const LOOKUP_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  LookupMatch: objectSchema({
    id: string('the STIX id'),
    type: string('the STIX type'),
    name: nullable('its name, else value, in that version as the caller may see it (null when it has none)'),
    version: string('the latest version the caller may see that holds the value (its modified timestamp; empty for an SCO)'),
    api_root: string('the API root of the collection'),
    collection: string('the collection id'),
    sightings: objectSchema({
      sightings: { type: 'integer', minimum: 0, description: 'sightings of this indicator the caller may see' },
      total_count: { type: 'integer', minimum: 0, description: 'the sum of their counts' },
      organisations: { type: 'integer', minimum: 0, description: 'distinct organisations that reported them' },
      anonymous: { type: 'integer', minimum: 0, description: 'of those sightings, how many were reported anonymously' },
      first_seen: nullable('the earliest first_seen'),
      last_seen: nullable('the latest last_seen'),
    }),
  }, ['sightings']),
  LookupAnswer: objectSchema({
    query: string('the value as asked'),
    type: { type: ['string', 'null'], enum: [...OBSERVABLE_TYPES, null], description: 'its detected type; null when it is no observable value' },
    value: nullable('its normal form'),
    hash_algorithm: nullable('for a hash: MD5, SHA-1, SHA-256 or SHA-512, by its length'),
    matches: listOf('LookupMatch'),
    organisations: { type: 'integer', minimum: 0, description: 'how many organisations stored the matching versions the caller may see (the caller’s own included)' },
    warning_lists: { type: 'array', items: objectSchema({ name: string('the list’s name'), type: string('cidr, hostname, string, substring or regex') }) },
  }),
  Observable: objectSchema({ type: { type: 'string', enum: [...OBSERVABLE_TYPES] }, value: string('its normal form') }),
  Correlations: objectSchema({
    id: string('the object’s STIX id'),
    collection: string('its collection id'),
    version: nullable('the version whose values were compared: the newest the caller may see (null when it has neither modified nor created)'),
    values: listOf('Observable'),
    objects: {
      type: 'array',
      description: 'the objects sharing at least one of those values, in any collection the caller may read, by collection then id (at most 200)',
      items: objectSchema({
        id: string('the STIX id'),
        type: string('the STIX type'),
        name: nullable('its name, else value, as the caller may see it'),
        version: nullable('its newest version the caller may see that holds a shared value'),
        api_root: string('the API root of its collection'),
        collection: string('its collection id'),
        shared: listOf('Observable'),
      }),
    },
    total: { type: 'integer', minimum: 0, description: 'how many objects are linked in all' },
    organisations: { type: 'integer', minimum: 0, description: 'distinct organisations that stored the linked versions the caller may see, other than the one that stored the object' },
  }),
  LookupAnswers: objectSchema({ results: { type: 'array', items: ref('LookupAnswer'), description: 'one answer per value, in the order asked' } }),
};
