/**
 * What a feed holds, from the versions its reader may see: their entries (`shared/feeds/feed-entries.ts`),
 * less warning-listed values unless the feed keeps them, sorted, written in the feed's format. Pure but for
 * the versions handed in, so the bench times it on its own.
 */
import { createHash } from 'node:crypto';
import { entriesOf, sortEntries, type FeedEntry } from '../../../../shared/feeds/feed-entries.ts';
import type { ValueKind } from '../../../../shared/feeds/feed-values.ts';
import { FEED_FORMATS, type FeedFormatName, type WriteOptions } from '../../../../shared/feeds/feed-formats.ts';
import type { StoredVersion } from '../../exchange/services/object.service.ts';

/**
 * The warning lists (known benign values: public resolvers, cloud ranges, top sites…), as the feeds ask them.
 * `kind` is a feed value kind (`ipv4`, `domain`…), `value` in normal form.
 */
export interface WarningListCheck {
  isListed(kind: string, value: string): boolean;
  /** Resolves once the lists are loaded (called before each content is built). */
  ready?(): Promise<unknown>;
}

/** No warning lists: nothing is listed. The platform wires the real check where there is one. */
export const NOTHING_LISTED: WarningListCheck = { isListed: () => false };

export interface CollectedEntries {
  entries: FeedEntry[];
  /** Values with no normal form, left out. */
  skipped: number;
  /** Values on a warning list, left out (0 when the feed keeps them). */
  warninglisted: number;
}

const decoder = new TextDecoder();

/** The sorted entries of the kinds asked for, of pages of versions, as of `now` (ms). */
export async function collectEntries(pages: AsyncIterable<StoredVersion[]>, now: number, warningLists: WarningListCheck, includeWarninglisted: boolean, kinds: readonly ValueKind[]): Promise<CollectedEntries> {
  const wanted = new Set(kinds);
  const entries: FeedEntry[] = [];
  let skipped = 0;
  let warninglisted = 0;
  for await (const page of pages) {
    for (const version of page) {
      if (!version.body) continue;
      const found = entriesOf(JSON.parse(decoder.decode(version.body)) as Record<string, unknown>, version.tlp ?? 1, now, wanted);
      skipped += found.skipped;
      for (const entry of found.entries) {
        if (!includeWarninglisted && warningLists.isListed(entry.kind, entry.value)) warninglisted++;
        else entries.push(entry);
      }
    }
  }
  return { entries: sortEntries(entries), skipped, warninglisted };
}

/** The digest a zone's serial follows: what the zone is made of (values and labels), not the serial itself. */
export function entriesDigest(entries: readonly FeedEntry[], options: Omit<WriteOptions, 'serial'>): string {
  const hash = createHash('sha256').update(JSON.stringify(options));
  for (const e of entries) hash.update(`${e.kind}\t${e.value}\t${e.labels.join(',')}\n`);
  return hash.digest('hex');
}

/** The feed's text in its format. */
export function writeFeed(format: FeedFormatName, entries: readonly FeedEntry[], options: WriteOptions): string {
  return FEED_FORMATS[format].write(entries, options);
}
