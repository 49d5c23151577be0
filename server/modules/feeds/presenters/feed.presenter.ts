/** REST JSON of feeds (never their token but in the answer that creates one), and its JSON Schemas. */
import { objectSchema, ref, listOf, type JsonSchema } from '../../../core/rest/rest-endpoint.ts';
import { FEED_FORMAT_NAMES, FEED_FORMATS } from '../../../../shared/feeds/feed-formats.ts';
import type { Feed } from '../services/feed.service.ts';

/** Where a feed's content is fetched, below the REST base. */
export function contentPath(feed: Pick<Feed, 'id'>): string {
  return `/api/v1/feeds/${feed.id}/content`;
}

export function presentFeed(feed: Feed) {
  return {
    id: feed.id,
    name: feed.name,
    api_root: feed.apiRoot,
    collection: feed.collectionId,
    format: feed.format,
    media_type: FEED_FORMATS[feed.format].mediaType,
    max_tlp: feed.maxTlp,
    include_warninglisted: feed.includeWarninglisted,
    sid_base: feed.sidBase,
    sid_range: feed.sidRange,
    zone: feed.zone,
    created_by: feed.createdBy,
    created_at: new Date(feed.createdAt).toISOString(),
    revoked_at: feed.revokedAt === null ? null : new Date(feed.revokedAt).toISOString(),
    path: contentPath(feed),
  };
}

export function presentNewFeed(created: { feed: Feed; token: string }) {
  return { feed: presentFeed(created.feed), token: created.token };
}

const text = { type: 'string' } as const;
const integer = { type: 'integer' } as const;

export const FEED_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Feed: objectSchema({
    id: text,
    name: text,
    api_root: text,
    collection: text,
    format: { type: 'string', enum: FEED_FORMAT_NAMES },
    media_type: text,
    max_tlp: { type: 'string', enum: ['clear', 'green', 'amber'] },
    include_warninglisted: { type: 'boolean' },
    sid_base: integer,
    sid_range: integer,
    zone: text,
    created_by: { type: 'string', description: 'user id, or system' },
    created_at: { type: 'string', format: 'date-time' },
    revoked_at: { type: ['string', 'null'], format: 'date-time' },
    path: { type: 'string', description: 'where its content is fetched, with the feed token' },
  }),
  NewFeed: objectSchema({ feed: ref('Feed'), token: { type: 'string', description: 'the feed token (thqf_…), in this answer only: it is stored hashed' } }),
  FeedList: objectSchema({ feeds: listOf('Feed') }),
};
