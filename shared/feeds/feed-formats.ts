/**
 * The formats of a defender's feed, as data: each names its media type, file extension and writer, so the
 * service, the REST adapter and the CLI agree on them. Every writer takes the entries in `sortEntries` order
 * and answers the same text for the same entries and options.
 */
import type { FeedEntry } from './feed-entries.ts';
import { VALUE_KINDS, type ValueKind } from './feed-values.ts';
import { writeBlocklist } from './blocklist-feed.ts';
import { writeCsvFeed } from './csv-feed.ts';
import { writeSuricataRules } from './suricata-feed.ts';
import { writeDnsblZone, writeRbldnsdDataset, writeRpzZone } from './zone-feed.ts';

/** What a writer is given besides the entries. */
export interface WriteOptions {
  feedName: string;
  /** Zones: the SOA serial. */
  serial: number;
  /** Zones: the zone name meant (names too long under it are left out). */
  zone: string;
  sidBase: number;
  sidRange: number;
}

export interface FeedFormat {
  mediaType: string;
  extension: string;
  /** Whether the format has an SOA serial (raised whenever the content changes). */
  zone: boolean;
  /** The kinds of values it lists (the others are not even read). */
  kinds: readonly ValueKind[];
  write(entries: readonly FeedEntry[], options: WriteOptions): string;
}

const TEXT = 'text/plain; charset=utf-8';

const blocklist = (kind: ValueKind): FeedFormat => ({ mediaType: TEXT, extension: 'txt', zone: false, kinds: [kind], write: (entries) => writeBlocklist(entries, kind) });

export const FEED_FORMATS = {
  csv: { mediaType: 'text/csv; charset=utf-8; header=present', extension: 'csv', zone: false, kinds: VALUE_KINDS, write: (entries) => writeCsvFeed(entries) },
  ipv4: blocklist('ipv4'),
  ipv6: blocklist('ipv6'),
  domain: blocklist('domain'),
  url: blocklist('url'),
  sha256: blocklist('sha256'),
  email: blocklist('email'),
  suricata: { mediaType: TEXT, extension: 'rules', zone: false, kinds: ['ipv4', 'ipv6', 'domain', 'url'], write: (entries, o) => writeSuricataRules(entries, o) },
  rpz: { mediaType: 'text/dns', extension: 'zone', zone: true, kinds: ['ipv4', 'ipv6', 'domain'], write: (entries, o) => writeRpzZone(entries, o) },
  'dnsbl-bind': { mediaType: 'text/dns', extension: 'zone', zone: true, kinds: ['ipv4'], write: (entries, o) => writeDnsblZone(entries, o) },
  'dnsbl-rbldnsd': { mediaType: TEXT, extension: 'txt', zone: true, kinds: ['ipv4'], write: (entries, o) => writeRbldnsdDataset(entries, o) },
} as const satisfies Record<string, FeedFormat>;

export type FeedFormatName = keyof typeof FEED_FORMATS;

export const FEED_FORMAT_NAMES = Object.keys(FEED_FORMATS) as FeedFormatName[];

export function isFeedFormat(name: string): name is FeedFormatName {
  return Object.hasOwn(FEED_FORMATS, name);
}
