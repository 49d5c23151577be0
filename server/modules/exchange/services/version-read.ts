/**
 * Exact versions read as a reader may see them, across collections (`ObjectService.readVersions`): the
 * lookup re-reads the (collection, id, version) triples its index found this way. The collections' access is
 * worked out once for the whole read (one `listAll`), and each collection's versions come in a query per
 * `PAIRS_PER_QUERY`, under the reader's scope like every other read path (`readScope`, the condition of
 * `object-visibility.sql.ts`).
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { browseFactsOf } from '../../../../shared/stix/browse-facts.ts';
import type { ObjectRepository } from '../repositories/object.repository.ts';
import type { CollectionService } from './collection.service.ts';
import { bodyFor, readScope, withheldProperties } from './visibility.ts';

const decoder = new TextDecoder();

/** Pairs asked for in one query (two parameters each, within every driver's limit). */
const PAIRS_PER_QUERY = 400;

/** A version asked for: its collection, id and version key. */
export interface VersionRef {
  collectionId: string;
  id: string;
  version: string;
}

/** A version as the reader is given it, with where it is and whether properties were withheld. */
export interface ReadVersion {
  collectionId: string;
  apiRoot: string;
  id: string;
  version: string;
  type: string;
  /** The body as the reader is given it (UTF-8 JSON); read `withheldOnly`, only where `withheld`. */
  body: Uint8Array | undefined;
  /** Whether top-level properties of the stored version were left out of `body` for this reader. */
  withheld: boolean;
  originOrg: string | null;
  /** Its display name (`name`, else `value`) as the reader may see it: null when it has none or it was withheld. */
  name: string | null;
}

/** See `ObjectService.readVersions`. */
export async function readVersions(objects: ObjectRepository, collections: CollectionService, actor: Actor, refs: readonly VersionRef[], withheldOnly = false): Promise<ReadVersion[]> {
  const wanted = new Map<string, Map<string, { id: string; version: string }>>();
  for (const ref of refs) {
    const pairs = wanted.get(ref.collectionId) ?? new Map<string, { id: string; version: string }>();
    pairs.set(`${ref.id} ${ref.version}`, { id: ref.id, version: ref.version });
    wanted.set(ref.collectionId, pairs);
  }
  if (wanted.size === 0) return [];
  const readable = new Map((await collections.listAll(actor)).filter((c) => c.canRead && wanted.has(c.id)).map((c) => [c.id, c]));
  const found: ReadVersion[] = [];
  for (const [collectionId, pairs] of wanted) {
    const collection = readable.get(collectionId);
    if (!collection) continue;
    const scope = readScope(actor, collection);
    const list = [...pairs.values()];
    for (let i = 0; i < list.length; i += PAIRS_PER_QUERY) {
      for (const row of await objects.exactVersions(collectionId, list.slice(i, i + PAIRS_PER_QUERY), scope, withheldOnly ? 'redacted' : 'all')) {
        const hidden = withheldProperties(row.redactions, row.clearance, scope.cap);
        const withheld = hidden.size > 0;
        const body = withheld ? bodyFor(row.body!, row.redactions, row.clearance, scope.cap) : withheldOnly ? undefined : row.body;
        // The stored name leaves out every property under a granular marking (what anyone may search):
        // for such a version it is worked out again, less only what this reader is not given.
        const name = row.redactions ? browseFactsOf(JSON.parse(decoder.decode(row.body!)) as Record<string, unknown>, hidden).name : (row.name ?? null);
        found.push({ collectionId, apiRoot: collection.apiRoot, id: row.stix_id, version: row.version, type: row.type, body, withheld, originOrg: row.origin_org ?? null, name });
      }
    }
  }
  return found;
}
