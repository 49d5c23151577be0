/**
 * Whole collections read page by page (`ObjectService.exportAll`, `latestVersions`): every version for an
 * export or a push, or the latest of each object for the defenders' feeds, as the reader may see them.
 */
import type { AuditLog } from '../../../core/audit/audit.service.ts';
import type { Actor } from '../../../core/auth/actor.ts';
import type { ObjectRepository } from '../repositories/object.repository.ts';
import type { CollectionService } from './collection.service.ts';
import { toStoredVersion, type StoredVersion } from './object-types.ts';
import { readScope } from './visibility.ts';

/** What the walks read through. */
export interface WalkDeps {
  objects: ObjectRepository;
  collections: CollectionService;
  audit: AuditLog;
}

/** See `ObjectService.exportAll`. */
export async function* exportAll(deps: WalkDeps, actor: Actor, collectionIdOrAlias: string, pageRows: number, purpose: 'export' | 'push', audited = true): AsyncGenerator<StoredVersion[]> {
  const found = await deps.collections.find(actor, collectionIdOrAlias);
  const collection = await deps.collections.requireRead(actor, found.apiRoot, found.id);
  const scope = readScope(actor, collection, purpose);
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await deps.objects.list(
      { collectionId: collection.id, after, versions: { all: true, first: false, last: false, keys: [] }, limit: pageRows },
      true,
      scope,
    );
    if (rows.length > 0) {
      count += rows.length;
      yield rows.map((row) => toStoredVersion(row, scope));
      after = rows[rows.length - 1]!.date_added;
    }
    if (rows.length < pageRows) break;
  }
  if (audited) await deps.audit.record(actor, { action: 'collection.export', target: collection.id, details: { versions: count } });
}

/** See `ObjectService.latestVersions`. */
export async function* latestVersions(deps: WalkDeps, actor: Actor, apiRoot: string, collectionId: string, options: { types: readonly string[]; maxTlp: number }, pageRows: number): AsyncGenerator<StoredVersion[]> {
  const collection = await deps.collections.requireRead(actor, apiRoot, collectionId);
  const exported = readScope(actor, collection, 'export');
  const scope = { ...exported, cap: Math.min(exported.cap, options.maxTlp) };
  let after = 0;
  for (;;) {
    const rows = await deps.objects.list(
      { collectionId: collection.id, after, types: options.types, versions: { all: false, first: false, last: true, keys: [] }, limit: pageRows },
      true,
      scope,
    );
    if (rows.length > 0) {
      yield rows.map((row) => ({ ...toStoredVersion(row, scope), tlp: Number(row.tlp) }));
      after = rows[rows.length - 1]!.date_added;
    }
    if (rows.length < pageRows) break;
  }
}
