/**
 * The Feeds module's REST endpoints as data: signed-in users make, list and revoke feeds of the collections
 * they may read; a feed's content is fetched with its feed token only (an anonymous route: the token is the
 * credential, in `Authorization: Bearer thqf_…` or, for consumers that can only be given a URL, `?token=`).
 */
import { ref, type RestApiPart, type RestEndpoint } from '../../../core/rest/rest-endpoint.ts';
import { FEED_FORMAT_NAMES } from '../../../../shared/feeds/feed-formats.ts';
import { FEED_SCHEMAS } from '../presenters/feed.presenter.ts';

const tag = 'feeds';

export const FEED_REST_ENDPOINTS = {
  createFeed: {
    method: 'post',
    path: '/feeds',
    tag,
    summary: 'Make a feed of a collection the caller may read, in one format, behind a new feed token (shown once)',
    body: {
      fields: {
        collection: { type: 'string', description: 'the collection’s id or alias' },
        format: { type: 'string', description: FEED_FORMAT_NAMES.join(', ') },
        name: { type: 'string', description: 'what the feed is for, 1 to 100 characters (default: the collection’s title and the format)' },
        max_tlp: { type: 'string', description: 'the TLP ceiling: clear, green (the default: CLEAR and GREEN) or amber' },
        include_warninglisted: { type: 'boolean', description: 'true: keep values found on a warning list (left out by default)' },
        sid_base: { type: 'integer', description: 'Suricata: the first sid (default 1000000)' },
        sid_range: { type: 'integer', description: 'Suricata: how many sids from sid_base (default 1000000)' },
        zone: { type: 'string', description: 'zones: the zone name the file is loaded under (default thiqa.feed), to leave out names too long under it' },
      },
      required: ['collection', 'format'],
    },
    success: { status: 201, description: 'the feed and its token, in this answer only', schema: ref('NewFeed') },
    errors: { 400: 'a format, TLP ceiling, name, sid range or zone is not usable', 403: 'the caller may not read the collection', 404: 'no such collection' },
  },
  listFeeds: {
    method: 'get',
    path: '/feeds',
    tag,
    summary: 'The caller’s feeds (every feed for platform administrators), newest first',
    success: { status: 200, description: 'the feeds, revoked ones too', schema: ref('FeedList') },
    errors: {},
  },
  getFeed: {
    method: 'get',
    path: '/feeds/{id}',
    tag,
    summary: 'One feed of the caller’s (any, for platform administrators)',
    parameters: { id: 'feed id' },
    success: { status: 200, description: 'the feed', schema: ref('Feed') },
    errors: { 404: 'no such feed, or not the caller’s' },
  },
  revokeFeed: {
    method: 'post',
    path: '/feeds/{id}/revoke',
    tag,
    summary: 'Revoke a feed: its token stops working at once (again: nothing changes)',
    parameters: { id: 'feed id' },
    success: { status: 200, description: 'the feed as it now is', schema: ref('Feed') },
    errors: { 404: 'no such feed, or not the caller’s' },
  },
  feedContent: {
    method: 'get',
    path: '/feeds/{id}/content',
    tag,
    summary: 'A feed’s content, read as its creator would see the collection, capped by its TLP ceiling; authenticated by the feed token alone',
    parameters: { id: 'feed id' },
    query: [{ name: 'token', type: 'string', description: 'the feed token, for consumers that can only be given a URL (it then shows in logs: prefer Authorization: Bearer)' }],
    anonymous: true,
    success: {
      status: 200,
      description: 'the feed in its format: CSV (text/csv), a blocklist or rbldnsd dataset (text/plain), Suricata rules (text/plain), a zone (text/dns); 304 with If-None-Match of the current ETag',
      schema: { type: 'string', description: 'the feed’s text, UTF-8' },
      mediaType: 'text/plain; charset=utf-8',
      headers: { ETag: 'SHA-256 of the content', 'Last-Modified': 'when the content last changed', 'Content-Type': 'the format’s media type' },
    },
    errors: { 400: 'the feed has more rules than its sid range holds', 403: 'the feed’s creator is disabled or may no longer read the collection', 404: 'the collection is gone' },
  },
} as const satisfies Record<string, RestEndpoint>;

export const FEED_REST_API: RestApiPart = { endpoints: FEED_REST_ENDPOINTS, schemas: FEED_SCHEMAS };
