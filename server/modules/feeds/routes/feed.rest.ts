/** REST handlers of the Feeds module (see the declarations in `feed-rest-endpoints.ts`). */
import { unauthenticated } from '../../../core/errors.ts';
import { bodyStream, RestReply, type RestRouter } from '../../../core/rest/rest-router.ts';
import { FEED_FORMATS } from '../../../../shared/feeds/feed-formats.ts';
import { presentFeed, presentNewFeed } from '../presenters/feed.presenter.ts';
import type { FeedService } from '../services/feed.service.ts';
import { FEED_REST_ENDPOINTS as E } from './feed-rest-endpoints.ts';

type Body = Readonly<Record<string, string | number | boolean | undefined>>;

/** The feed token of a request: `Authorization: Bearer …`, else `?token=`. */
function tokenOf(header: string | undefined, query: string | undefined): string {
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = bearer ?? query?.trim();
  if (!token) throw unauthenticated('feed.token_required', 'a feed is fetched with its feed token: Authorization: Bearer <token>, or ?token=<token>');
  return token;
}

export function feedRestRoutes(router: RestRouter, feeds: FeedService): void {
  router.handle<Body>(E.createFeed, async ({ actor, body }) =>
    presentNewFeed(
      await feeds.create(actor, {
        collection: body.collection as string,
        format: body.format as string,
        name: body.name as string | undefined,
        maxTlp: body.max_tlp as string | undefined,
        includeWarninglisted: body.include_warninglisted as boolean | undefined,
        sidBase: body.sid_base as number | undefined,
        sidRange: body.sid_range as number | undefined,
        zone: body.zone as string | undefined,
      }),
    ),
  );
  router.handle(E.listFeeds, async ({ actor }) => ({ feeds: (await feeds.list(actor)).map(presentFeed) }));
  router.handle(E.getFeed, async ({ actor, params }) => presentFeed(await feeds.get(actor, params.id!)));
  router.handle(E.revokeFeed, async ({ actor, params }) => presentFeed(await feeds.revoke(actor, params.id!)));

  router.handle(E.feedContent, async ({ params, query, header }) => {
    const content = await feeds.contentByToken(tokenOf(header('authorization'), query.token as string | undefined));
    // A token opens its own feed only; another feed's id answers as an unknown token would.
    if (content.feed.id !== params.id) throw unauthenticated('feed.invalid_token', 'this feed token is unknown or revoked');
    const etag = `"${content.digest}"`;
    const headers = {
      'content-type': content.mediaType,
      etag,
      'last-modified': new Date(content.changedAt).toUTCString(),
      'cache-control': 'private, no-cache',
      'content-disposition': `inline; filename="${content.feed.id}.${FEED_FORMATS[content.feed.format].extension}"`,
    };
    const asked = header('if-none-match');
    if (asked !== undefined && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new RestReply(undefined, headers, undefined, 304);
    return new RestReply(undefined, headers, bodyStream(content.text));
  });
}
