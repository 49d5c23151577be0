/** A country's needs matched with assistance offers, as the REST API answers them, and its JSON Schema. */
import { objectSchema, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { OFFER_REACH, type Matching } from '../services/matching.service.ts';
import { presentPublished } from './search.presenter.ts';

export function presentMatching(matching: Matching) {
  const edition = matching.edition;
  return {
    country: matching.country,
    region: matching.region,
    sub_region: matching.subRegion,
    edition: edition ? { name: edition.name, kind: edition.kind, status: edition.status, year: edition.year, framework: edition.framework } : null,
    offers: matching.offers,
    needs: matching.needs.map(({ need, offers }) => ({
      question: need.question,
      number: need.number,
      text: need.text,
      pillar: need.pillar,
      indicator: need.indicator,
      priority: need.priority,
      offers: offers.map(({ record, reach }) => ({ reach, ...presentPublished(record) })),
    })),
  };
}

export const MATCHING_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  GatewayMatching: objectSchema({
    country: { type: 'string' },
    region: { type: ['string', 'null'] },
    sub_region: { type: ['string', 'null'] },
    edition: {
      oneOf: [
        objectSchema({
          name: { type: 'string' },
          kind: { type: 'string' },
          status: { type: 'string' },
          year: { type: ['integer', 'null'] },
          framework: { oneOf: [objectSchema({ id: { type: 'string' }, version: { type: 'string' } }), { type: 'null' }] },
        }),
        { type: 'null' },
      ],
      description: 'the edition the needs come from; null when the country has no published result',
    },
    offers: { type: 'integer', description: 'published assistance offers reaching the country, whatever their indicators' },
    needs: {
      type: 'array',
      description: 'the country’s needs, highest priority first, each with the offers whose indicators include its indicator',
      items: objectSchema({
        question: { type: 'string' },
        number: { type: 'string' },
        text: { type: 'object', additionalProperties: { type: 'string' }, description: 'the question in the framework’s languages' },
        pillar: { type: 'string' },
        indicator: { type: 'string', description: 'the GCA indicator the need comes from' },
        priority: { type: 'number', description: 'weight × missing credit' },
        offers: {
          type: 'array',
          description: 'the most precisely aimed first (country, sub-region, region, world), then newest published',
          items: objectSchema({
            reach: { type: 'string', enum: [...OFFER_REACH], description: 'how the offer reaches the country: by name, or by the area holding it' },
            id: { type: 'string' },
            type: { type: 'string', enum: ['assistance'] },
            revision: { type: 'integer' },
            record: { type: 'object', description: 'the published assistance record' },
            languages: { type: 'array', items: { type: 'string' } },
            published_at: { type: 'string', format: 'date-time' },
            updated_at: { type: 'string', format: 'date-time' },
          }),
        },
      }),
    },
  }),
};
