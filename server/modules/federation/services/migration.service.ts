/**
 * Migration from another TAXII 2.1 server, for teams moving to Thiqa: every version of a remote collection
 * into an empty local collection, keeping ids, versions and the `date_added` the source gave each version
 * (read from its manifest). Administrators only. Values the store cannot keep as they are (not after the
 * version before, or taken in the store) move on by 1 µs and are counted as nudged; invalid objects are
 * rejected with their reasons, like any ingest, and the migration goes on.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { formatMicros } from '../../../../shared/stix/timestamp.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import { describeProblems, type ObjectService } from '../../exchange/services/object.service.ts';
import { datedObjects, type DatedSource } from '../taxii-client/taxii-dated-objects.ts';

export interface MigrationReport {
  collection: { id: string; apiRoot: string };
  /** Versions read from the source. */
  pulled: number;
  stored: number;
  duplicates: number;
  /** Stored under a `date_added` 1 µs or more after the source's. */
  nudged: number;
  rejected: { index: number; id: string | null; version: string | null; reasons: string }[];
  /** The source's first and last `date_added` migrated (as stored), null when nothing was. */
  firstDateAdded: string | null;
  lastDateAdded: string | null;
}

export interface MigrationOptions {
  /** Objects asked for per page (default 1,000). */
  limit?: number;
  /** Called after each batch is stored, with the totals so far. */
  onBatch?: (report: MigrationReport) => void;
  signal?: AbortSignal;
}

export class MigrationService {
  private readonly objects: ObjectService;
  private readonly collections: CollectionService;

  constructor(objects: ObjectService, collections: CollectionService) {
    this.objects = objects;
    this.collections = collections;
  }

  /**
   * Migrates every version of `source` into the local collection `into` (id or alias).
   * @throws DomainError `forbidden` `object.migrate_forbidden` for a caller who is not an administrator;
   *   `conflict` `object.migrate_not_empty` when the collection holds anything; TaxiiRemoteError from the source
   *   (the batches stored before it stay stored).
   */
  async migrate(actor: Actor, into: string, source: DatedSource, options: MigrationOptions = {}): Promise<MigrationReport> {
    const found = await this.collections.find(actor, into);
    const collection = await this.objects.requireMigrationTarget(actor, found.apiRoot, found.id);
    const report: MigrationReport = { collection: { id: collection.id, apiRoot: collection.apiRoot }, pulled: 0, stored: 0, duplicates: 0, nudged: 0, rejected: [], firstDateAdded: null, lastDateAdded: null };
    let first: number | undefined;
    let last: number | undefined;
    const batches = datedObjects(source, { limit: options.limit ?? 1_000 }, options.signal)[Symbol.asyncIterator]();
    let coming = batches.next();
    for (;;) {
      const current = await coming;
      if (current.done) break;
      const batch = current.value;
      // The next page is read while this one is stored (a failure of it surfaces when it is awaited).
      coming = batches.next();
      coming.catch(() => undefined);
      // In the source's date_added order; one out of order in the listing is nudged after its predecessor.
      const ordered = [...batch].sort((a, b) => a.dateAdded - b.dateAdded);
      const result = await this.objects.ingestMigrated(actor, collection.apiRoot, collection.id, ordered.map((d) => d.object), ordered.map((d) => d.dateAdded), report.pulled);
      report.pulled += batch.length;
      report.stored += result.stored.length;
      report.duplicates += result.duplicates.length;
      report.nudged += result.nudged;
      for (const { index, id, version, problems } of result.rejected) report.rejected.push({ index, id: id ?? null, version: version ?? null, reasons: describeProblems(problems) });
      for (const { dateAdded } of result.stored) {
        first = first === undefined ? dateAdded : Math.min(first, dateAdded);
        last = last === undefined ? dateAdded : Math.max(last, dateAdded);
      }
      report.firstDateAdded = first === undefined ? null : formatMicros(first);
      report.lastDateAdded = last === undefined ? null : formatMicros(last);
      options.onBatch?.(report);
    }
    return report;
  }
}
