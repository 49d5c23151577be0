/**
 * Feeds for defenders: a collection's values in a format a firewall, a DNS server or an IDS loads, each feed
 * behind its own secret token. A feed reads the collection as its creator would (the exchange's scoped read,
 * `ObjectService.latestVersions`: latest versions only, never RED), capped by the feed's TLP ceiling (GREEN
 * unless asked: CLEAR and GREEN; AMBER at most). Signed-in users make feeds of the collections they may read;
 * a feed's creator and platform administrators list and revoke it; the operator all.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import { isPrivileged, SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { hashToken } from '../../../core/auth/token.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../../../core/errors.ts';
import { FEED_FORMAT_NAMES, FEED_FORMATS, isFeedFormat, type FeedFormatName } from '../../../../shared/feeds/feed-formats.ts';
import { sourceTypesOf } from '../../../../shared/feeds/feed-entries.ts';
import { DEFAULT_SID_BASE, DEFAULT_SID_RANGE, suricataRuleCount } from '../../../../shared/feeds/suricata-feed.ts';
import { TLP_AMBER, TLP_GREEN, tlpName } from '../../../../shared/stix/sharing.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import type { FeedRecord, FeedRepository } from '../repositories/feed.repository.ts';
import { collectEntries, entriesDigest, NOTHING_LISTED, writeFeed, type WarningListCheck } from './feed-content.ts';
import { generateFeedToken, isFeedToken } from './feed-token.ts';

/** A feed as services hand it out: never its token. */
export interface Feed {
  id: string;
  name: string;
  apiRoot: string;
  collectionId: string;
  format: FeedFormatName;
  maxTlp: 'clear' | 'green' | 'amber';
  includeWarninglisted: boolean;
  sidBase: number;
  sidRange: number;
  zone: string;
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface NewFeed {
  collection: string;
  format: string;
  name?: string | undefined;
  maxTlp?: string | undefined;
  includeWarninglisted?: boolean | undefined;
  sidBase?: number | undefined;
  sidRange?: number | undefined;
  zone?: string | undefined;
}

/** A feed's content, written. */
export interface FeedContent {
  feed: Feed;
  text: string;
  mediaType: string;
  /** SHA-256 of the text, hex. */
  digest: string;
  /** When the content last changed (ms), for zones their serial's time. */
  changedAt: number;
  entries: number;
  skipped: number;
  warninglisted: number;
}

/** Who a feed's creator is now: its actor, or undefined when it is gone or disabled. */
export interface FeedReaders {
  actorOf(createdBy: string): Promise<Actor | undefined>;
}

const CEILINGS: Readonly<Record<string, number>> = { clear: 0, green: TLP_GREEN, amber: TLP_AMBER };
const ZONE_NAME = /^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

interface FeedOptions {
  sidBase: number;
  sidRange: number;
  zone: string;
}

function toFeed(record: FeedRecord): Feed {
  const options = JSON.parse(record.options) as FeedOptions;
  return {
    id: record.id,
    name: record.name,
    apiRoot: record.apiRoot,
    collectionId: record.collectionId,
    format: record.format as FeedFormatName,
    maxTlp: tlpName(record.maxTlp) as Feed['maxTlp'],
    includeWarninglisted: record.includeWarninglisted,
    ...options,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    revokedAt: record.revokedAt,
  };
}

const creatorOf = (actor: Actor): string => (actor.kind === 'user' ? actor.userId : 'system');

export class FeedService {
  private readonly feeds: FeedRepository;
  private readonly collections: CollectionService;
  private readonly objects: ObjectService;
  private readonly readers: FeedReaders;
  private readonly audit: AuditLog;
  private readonly warningLists: WarningListCheck;
  private readonly clock: () => number;

  constructor(feeds: FeedRepository, collections: CollectionService, objects: ObjectService, readers: FeedReaders, audit: AuditLog, warningLists: WarningListCheck = NOTHING_LISTED, clock: () => number = Date.now) {
    this.feeds = feeds;
    this.collections = collections;
    this.objects = objects;
    this.readers = readers;
    this.audit = audit;
    this.warningLists = warningLists;
    this.clock = clock;
  }

  /**
   * Makes a feed of a collection the actor may read, and its token (answered once, stored hashed).
   * @throws DomainError `feed.invalid_format`, `feed.invalid_tlp`, `feed.invalid_name`, `feed.invalid_sid_range`,
   *   `feed.invalid_zone` (400); `auth.required` for anonymous callers; the collection's read errors.
   */
  async create(actor: Actor, input: NewFeed): Promise<{ feed: Feed; token: string }> {
    if (actor.kind === 'anonymous') throw unauthenticated('auth.required', 'making a feed needs credentials');
    const format = input.format.trim().toLowerCase();
    if (!isFeedFormat(format)) throw invalid('feed.invalid_format', `"${input.format}" is not a feed format: ${FEED_FORMAT_NAMES.join(', ')}`, { field: 'format', format: input.format, formats: FEED_FORMAT_NAMES.join(', ') });
    const ceiling = (input.maxTlp ?? 'green').trim().toLowerCase();
    const maxTlp = CEILINGS[ceiling];
    if (maxTlp === undefined) throw invalid('feed.invalid_tlp', `a feed's TLP ceiling is clear, green or amber, not "${input.maxTlp}": AMBER+STRICT and RED never go into a feed`, { field: 'max_tlp', tlp: input.maxTlp ?? '' });
    const found = await this.collections.find(actor, input.collection);
    const collection = await this.collections.requireRead(actor, found.apiRoot, found.id);
    const name = (input.name ?? `${collection.title} ${format}`).trim().normalize('NFC');
    if (name.length < 1 || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) throw invalid('feed.invalid_name', 'a feed name has 1 to 100 characters and no control characters', { field: 'name', max: 100 });
    const options = this.options(input);
    const token = generateFeedToken();
    const record: FeedRecord = {
      id: randomUUID(),
      name,
      apiRoot: collection.apiRoot,
      collectionId: collection.id,
      format,
      maxTlp,
      includeWarninglisted: input.includeWarninglisted ?? false,
      options: JSON.stringify(options),
      tokenHash: hashToken(token),
      createdBy: creatorOf(actor),
      createdAt: this.clock(),
      revokedAt: null,
      contentHash: null,
      serial: 0,
    };
    const details = { collection: collection.id, format, max_tlp: ceiling, include_warninglisted: record.includeWarninglisted };
    await this.feeds.insert(record, this.audit.within(actor, { action: 'feed.create', target: record.id, details }));
    return { feed: toFeed(record), token };
  }

  private options(input: NewFeed): FeedOptions {
    const sidBase = input.sidBase ?? DEFAULT_SID_BASE;
    const sidRange = input.sidRange ?? DEFAULT_SID_RANGE;
    if (!Number.isInteger(sidBase) || !Number.isInteger(sidRange) || sidBase < 1 || sidRange < 1 || sidBase + sidRange > 2 ** 32) {
      throw invalid('feed.invalid_sid_range', `sids ${sidBase} to ${sidBase + sidRange - 1} are not a usable range: the base and the range are positive integers ending below 2^32`, { field: 'sid_base', base: sidBase, range: sidRange });
    }
    const zone = (input.zone ?? 'thiqa.feed').trim().toLowerCase().replace(/\.$/, '');
    if (!ZONE_NAME.test(zone)) throw invalid('feed.invalid_zone', `"${input.zone}" is not a DNS zone name`, { field: 'zone', zone: input.zone ?? '' });
    return { sidBase, sidRange, zone };
  }

  /** The feeds the actor may see: its own; every feed for platform administrators and the operator. */
  async list(actor: Actor): Promise<Feed[]> {
    if (actor.kind === 'anonymous') throw unauthenticated('auth.required', 'listing feeds needs credentials');
    return (await this.feeds.list(isPrivileged(actor) ? undefined : creatorOf(actor))).map(toFeed);
  }

  /** One feed the actor may see. @throws DomainError `feed.not_found` (404) otherwise. */
  async get(actor: Actor, id: string): Promise<Feed> {
    return toFeed(await this.require(actor, id));
  }

  private async require(actor: Actor, id: string): Promise<FeedRecord> {
    const record = await this.feeds.findById(id);
    if (!record || actor.kind === 'anonymous' || (!isPrivileged(actor) && record.createdBy !== creatorOf(actor))) {
      throw notFound('feed.not_found', `there is no feed "${id}"`, { feed: id });
    }
    return record;
  }

  /** Revokes a feed: its token stops working at once. Revoking it again changes nothing. */
  async revoke(actor: Actor, id: string): Promise<Feed> {
    const record = await this.require(actor, id);
    const at = this.clock();
    const changed = await this.feeds.revoke(id, at, this.audit.within(actor, { action: 'feed.revoke', target: id, details: { collection: record.collectionId } }));
    return toFeed(changed ? { ...record, revokedAt: at } : ((await this.feeds.findById(id)) ?? record));
  }

  /**
   * The content of the feed a token opens, read as the feed's creator.
   * @throws DomainError `feed.invalid_token` (401) for an unknown or revoked token; `feed.reader_gone` (403)
   *   when its creator is disabled or removed; the collection's read errors when the creator lost access.
   */
  async contentByToken(token: string): Promise<FeedContent> {
    const record = isFeedToken(token) ? await this.feeds.findByTokenHash(hashToken(token)) : undefined;
    if (!record || record.revokedAt !== null) throw unauthenticated('feed.invalid_token', 'this feed token is unknown or revoked');
    return this.content(record);
  }

  /** The content of a feed the actor may see (`thiqa feed write`), revoked or not, read as its creator. */
  async contentById(actor: Actor, id: string): Promise<FeedContent> {
    return this.content(await this.require(actor, id));
  }

  private async content(record: FeedRecord): Promise<FeedContent> {
    const feed = toFeed(record);
    const reader = record.createdBy === 'system' ? SYSTEM : await this.readers.actorOf(record.createdBy);
    if (!reader) throw forbidden('feed.reader_gone', `the user who made feed "${record.id}" is disabled or gone: the feed serves nothing`, { feed: record.id });
    const now = this.clock();
    const { kinds } = FEED_FORMATS[feed.format];
    const pages = this.objects.latestVersions(reader, record.apiRoot, record.collectionId, { types: sourceTypesOf(kinds), maxTlp: record.maxTlp });
    if (!record.includeWarninglisted) await this.warningLists.ready?.();
    const collected = await collectEntries(pages, now, this.warningLists, record.includeWarninglisted, kinds);
    if (feed.format === 'suricata' && suricataRuleCount(collected.entries) > feed.sidRange) {
      throw invalid('feed.sid_range_full', `the feed needs ${suricataRuleCount(collected.entries)} sids and its range holds ${feed.sidRange}`, { feed: record.id, needed: suricataRuleCount(collected.entries), range: feed.sidRange });
    }
    const options = { feedName: feed.name, zone: feed.zone, sidBase: feed.sidBase, sidRange: feed.sidRange };
    const serial = await this.feeds.serialFor(record.id, entriesDigest(collected.entries, options), Math.floor(now / 1000));
    const text = writeFeed(feed.format, collected.entries, { ...options, serial });
    const digest = createHash('sha256').update(text).digest('hex');
    return { feed, text, mediaType: FEED_FORMATS[feed.format].mediaType, digest, changedAt: serial * 1000, entries: collected.entries.length, skipped: collected.skipped, warninglisted: collected.warninglisted };
  }
}
