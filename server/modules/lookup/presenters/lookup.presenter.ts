/**
 * Lookup answers as the REST API and `thiqa lookup --json` give them (an indicator with its sightings the
 * caller may see), and their JSON Schemas.
 */
import { listOf, objectSchema, ref, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { OBSERVABLE_TYPES } from '../../../../shared/observables/observable.ts';
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

const string = (description: string): JsonSchema => ({ type: 'string', description });
const nullable = (description: string): JsonSchema => ({ type: ['string', 'null'], description });

export const LOOKUP_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  LookupMatch: objectSchema({
    id: string('the STIX id'),
    type: string('the STIX type'),
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
  LookupAnswers: objectSchema({ results: { type: 'array', items: ref('LookupAnswer'), description: 'one answer per value, in the order asked' } }),
};
