/**
 * Feeding `ObjectService.ingest` from a stream of objects, in batches, with running totals. Used by `import`
 * (objects from bundles) and `demo` (synthetic objects).
 */
import { SYSTEM, type Actor } from '../server/core/auth/actor.ts';
import { describeProblems } from '../server/modules/exchange/services/object.service.ts';
import type { Collection } from '../server/modules/exchange/services/collection.service.ts';
import type { IngestResult } from '../server/modules/exchange/services/status.ts';
import type { Prepared } from '../server/modules/exchange/services/object-ingest.ts';
import type { Platform } from '../server/platform.ts';
import type { Problem } from '../shared/stix/index.ts';

/** Objects per `ingest` call: one transaction each, large enough to amortise it, small enough to not block a server. */
export const BATCH_SIZE = 5_000;

export interface RejectedObject {
  /** Position in the bundle's `objects` list (0-based, over the whole bundle). */
  index: number;
  id: string | null;
  version: string | null;
  /** One line: the errors with their paths and rule codes. */
  reasons: string;
  problems: Problem[];
}

export interface IngestTally {
  objects: number;
  stored: number;
  duplicates: number;
  rejected: RejectedObject[];
  /** Warnings of stored objects, and how many objects had any. */
  warnings: number;
  objectsWithWarnings: number;
}

/**
 * Collects objects and ingests them `BATCH_SIZE` at a time. One batch is in the store while the next is
 * gathered (PostgreSQL works while the bundle is parsed); batches still reach the store in order.
 */
export class BatchIngester {
  readonly tally: IngestTally = { objects: 0, stored: 0, duplicates: 0, rejected: [], warnings: 0, objectsWithWarnings: 0 };
  private readonly platform: Platform;
  private readonly collection: Pick<Collection, 'id' | 'apiRoot'>;
  private readonly batchSize: number;
  private batch: unknown[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  private readonly actor: Actor;

  /** `actor`: who stores the objects (their origin); the operator unless `thiqa import --as` names a user. */
  constructor(platform: Platform, collection: Pick<Collection, 'id' | 'apiRoot'>, batchSize = BATCH_SIZE, actor: Actor = SYSTEM) {
    this.actor = actor;
    this.platform = platform;
    this.collection = collection;
    this.batchSize = batchSize;
  }

  /** Adds one object; resolves once the object is safely queued (after the batch before it, when full). */
  async add(object: unknown): Promise<void> {
    this.batch.push(object);
    this.tally.objects++;
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  /**
   * Stores a batch prepared elsewhere (the import worker), after any batch still in the store; `decided`: the
   * operator's decision on its personal data, for the batch's audit entry (`decisionDetails`).
   */
  async addPrepared(prepared: Prepared, objects: number, decided: Record<string, string | number> = {}): Promise<void> {
    await this.flush();
    await this.inFlight;
    this.rethrow();
    this.tally.objects += objects;
    this.count(await this.platform.objects.ingestPrepared(this.actor, this.collection.apiRoot, this.collection.id, prepared, undefined, decided));
  }

  /** Ingests what is left and waits for the store; answers the totals. Throws the first store error. */
  async finish(): Promise<IngestTally> {
    await this.flush();
    await this.inFlight;
    this.rethrow();
    return this.tally;
  }

  private async flush(): Promise<void> {
    await this.inFlight;
    this.rethrow();
    if (this.batch.length === 0) return;
    const objects = this.batch;
    const offset = this.tally.objects - objects.length;
    this.batch = [];
    // Not awaited here: the caller goes on parsing. The failure is kept (not left unhandled) and thrown at the next step.
    this.inFlight = this.platform.objects.ingest(this.actor, this.collection.apiRoot, this.collection.id, objects, offset).then(
      (result) => this.count(result),
      (error: unknown) => {
        this.failure = { error };
      },
    );
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }

  private count(result: IngestResult): void {
    this.tally.stored += result.stored.length;
    this.tally.duplicates += result.duplicates.length;
    for (const { index, id, version, problems } of result.rejected) {
      this.tally.rejected.push({ index, id: id ?? null, version: version ?? null, reasons: describeProblems(problems), problems });
    }
    for (const problems of result.warnings.values()) {
      this.tally.objectsWithWarnings++;
      this.tally.warnings += problems.length;
    }
  }
}
