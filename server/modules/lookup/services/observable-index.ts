/**
 * Keeps the observable index: the values of each version the Exchange stores are added right after the
 * store (`ObjectService.onStoredVersions`), and an object's rows are rebuilt from what is left of it after a
 * deletion (`onDeleted`). The index is written after the store's transaction, not in it: a process stopped
 * in between leaves it short of that batch, and `reindex` rebuilds it whole from the collections.
 * Bodies are read as stored (the operator's read); who may see them is decided at lookup time.
 */
import { SYSTEM } from '../../../core/auth/actor.ts';
import { isDomainError } from '../../../core/errors.ts';
import { addressKey, prefixOf } from '../../../../shared/observables/address-range.ts';
import { objectObservables } from '../../../../shared/observables/object-observables.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { DeletedObject, ObjectService, StoredBatch } from '../../exchange/services/object.service.ts';
import type { ObservableRepository, ObservableRow } from '../repositories/observable.repository.ts';

const decoder = new TextDecoder();
const REINDEX_PAGE = 5_000;

/** What a reindex went through. */
export interface ReindexReport {
  collections: number;
  versions: number;
  observables: number;
}

/** The index rows of one version, from its body. */
export function rowsOf(collectionId: string, stixId: string, version: string, body: Uint8Array): ObservableRow[] {
  const object = JSON.parse(decoder.decode(body)) as Record<string, unknown>;
  return objectObservables(object).map((o) => ({ type: o.type, value: o.value, addressKey: addressKey(o) ?? null, prefix: prefixOf(o) ?? null, collectionId, stixId, version }));
}

export class ObservableIndex {
  private readonly rows: ObservableRepository;
  private readonly objects: ObjectService;
  private readonly collections: CollectionService;

  constructor(rows: ObservableRepository, objects: ObjectService, collections: CollectionService) {
    this.rows = rows;
    this.objects = objects;
    this.collections = collections;
  }

  /** Listens to the Exchange's writes and deletions. */
  attach(): void {
    this.objects.onStoredVersions((batch) => this.addStored(batch));
    this.objects.onDeleted((deleted) => this.rebuildObject(deleted));
  }

  /** Adds the rows of versions just stored. */
  async addStored(batch: StoredBatch): Promise<void> {
    await this.rows.add(batch.versions.flatMap((v) => rowsOf(batch.collectionId, v.id, v.version, v.body)));
  }

  /** Replaces an object's rows by those of the versions still stored. */
  async rebuildObject(deleted: DeletedObject): Promise<void> {
    await this.rows.removeObject(deleted.collectionId, deleted.id);
    const collection = await this.collections.find(SYSTEM, deleted.collectionId);
    let next: string | undefined;
    do {
      const page = await this.objects.list(SYSTEM, collection.apiRoot, collection.id, { ids: [deleted.id], versions: ['all'], next }).catch((error: unknown) => {
        if (isDomainError(error) && error.kind === 'not_found') return undefined;
        throw error;
      });
      if (!page) return;
      await this.rows.add(page.rows.flatMap((v) => (v.body ? rowsOf(collection.id, v.id, v.version, v.body) : [])));
      next = page.next;
    } while (next !== undefined);
  }

  /** Rebuilds the whole index from every version of every collection. */
  async reindex(): Promise<ReindexReport> {
    await this.rows.clear();
    const report: ReindexReport = { collections: 0, versions: 0, observables: 0 };
    for (const collection of await this.collections.listAll(SYSTEM)) {
      report.collections++;
      let after = 0;
      for (;;) {
        const versions = await this.objects.changesSince(SYSTEM, collection.apiRoot, collection.id, after, REINDEX_PAGE);
        const rows = versions.flatMap((v) => (v.body ? rowsOf(collection.id, v.id, v.version, v.body) : []));
        await this.rows.add(rows);
        report.versions += versions.length;
        report.observables += rows.length;
        if (versions.length < REINDEX_PAGE) break;
        after = versions[versions.length - 1]!.dateAdded;
      }
    }
    return report;
  }
}
