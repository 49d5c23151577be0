/**
 * STIX objects in collections: adding (with a TAXII status), reading with filters and stateless pages,
 * versions, manifests and deletion. Access is checked here, on every path, through CollectionService.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditLog } from '../../../core/audit/audit.service.ts';
import { isPrivileged, SYSTEM, type Actor } from '../../../core/auth/actor.ts';
import { conflict, forbidden, notFound, unauthenticated, type ErrorProblem } from '../../../core/errors.ts';
import type { NewVersion, ObjectRepository, StoreOutcome } from '../repositories/object.repository.ts';
import type { StatusRepository } from '../repositories/status.repository.ts';
import type { Collection, CollectionService } from './collection.service.ts';
import { describeProblems, objectsOf, prepareObjects, type Prepared, type Rejection } from './object-ingest.ts';
import { encodeCursor, pageSize, resolveQuery, versionFilter, type ObjectFilter } from './object-query.ts';
import { statusOf, type AddStatus, type IngestResult } from './status.ts';
import { readScope, type ReadPurpose } from './visibility.ts';
import { Listeners, type Accepted, type DeletedObject, type StoredBatch } from './object-events.ts';
import { decisionDetails, findingProblems, guardScanned, needsOutward, personalDataFound, rejectionProblems, scanBatch, type GuardedBatch, type PersonalDataMode, type ScannedObject } from './personal-data-guard.ts';
import { readVersions, type ReadVersion, type VersionRef } from './version-read.ts';
import { withAudiences } from './object-audiences.ts';
import { toStoredVersion, type Deletion, type GuardedIngest, type Page, type PageLimits, type RecipientDirectory, type StoredVersion } from './object-types.ts';
import { exportAll, latestVersions, type WalkDeps } from './object-walks.ts';

export type { Accepted, Deletion, DeletedObject, GuardedIngest, Page, PageLimits, ReadVersion, RecipientDirectory, StoredBatch, StoredVersion, VersionRef };


/** What a repository write runs last in its transaction (the audit entry). */
type StoreHook = NonNullable<Parameters<ObjectRepository['store']>[2]>;

function ownerOf(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : actor.kind;
}

export class ObjectService {
  private readonly objects: ObjectRepository;
  private readonly statuses: StatusRepository;
  private readonly collections: CollectionService;
  private readonly audit: AuditLog;
  private readonly limits: PageLimits;
  private readonly directory: RecipientDirectory;
  private readonly walks: WalkDeps;
  private readonly storedListeners = new Listeners<string>('objects.stored');
  private readonly acceptedHooks = new Listeners<Accepted>('objects.accepted');
  private readonly storedHooks = new Listeners<StoredBatch>('objects.stored_versions');
  private readonly deletedHooks = new Listeners<DeletedObject>('objects.deleted');

  constructor(
    objects: ObjectRepository,
    statuses: StatusRepository,
    collections: CollectionService,
    audit: AuditLog,
    limits: PageLimits,
    directory: RecipientDirectory,
  ) {
    this.directory = directory;
    this.objects = objects;
    this.statuses = statuses;
    this.collections = collections;
    this.audit = audit;
    this.limits = limits;
    this.walks = { objects, collections, audit };
  }

  /**
   * Validates and stores a batch of objects in a collection the actor may write. Valid objects are stored
   * even when others are rejected; resubmitting an id and version already stored is a duplicate, not an error.
   */
  ingest(actor: Actor, apiRoot: string, collectionId: string, objects: readonly unknown[], offset = 0, statusId?: string): Promise<IngestResult> {
    return this.ingestPrepared(actor, apiRoot, collectionId, prepareObjects(objects, offset), statusId);
  }

  /**
   * `ingest` behind the personal-data guard (`personal-data-guard.ts`) for writes by signed-in users: objects
   * with findings that would be read outside the writer's organisation are refused whole (`ask`), stored as
   * they are (`confirm`, said in the audit entry), redacted (`redact`) or rejected one by one (`reject`).
   * @throws DomainError `conflict` `personal_data.found` in `ask` mode, storing nothing.
   */
  async ingestGuarded(actor: Actor, apiRoot: string, collectionId: string, objects: readonly unknown[], options: GuardedIngest): Promise<IngestResult & { redacted: number }> {
    const { offset = 0, statusId, personalData } = options;
    const collection = await this.collections.requireWrite(actor, apiRoot, collectionId);
    const mode = actor.kind === 'user' ? personalData : 'off';
    const guarded = await this.guard(actor, collection, objects, offset, mode);
    if (mode === 'ask' && guarded.findings.size > 0) throw personalDataFound(findingProblems(objects, offset, guarded.findings));
    const prepared = prepareObjects(guarded.objects, offset);
    if (mode === 'reject' && guarded.findings.size > 0) {
      const refused = prepared.accepted.filter((a) => guarded.findings.has(a.index));
      prepared.accepted = prepared.accepted.filter((a) => !guarded.findings.has(a.index));
      for (const { index, version, versionText } of refused) prepared.rejected.push({ index, id: version.stixId, version: versionText, problems: rejectionProblems(guarded.findings.get(index)!) });
    }
    const details = { status: statusId ?? null, ...decisionDetails(mode, guarded.findings) };
    const result = await this.storePrepared(actor, collection, prepared, 'objects.add', details, (versions, _indexes, hook) => this.objects.store(collection.id, versions, hook));
    return { ...result, redacted: guarded.redacted };
  }

  /**
   * The personal-data findings `ingestGuarded` in `ask` mode would refuse these objects for (none for callers
   * other than signed-in users), storing nothing: for a file checked whole before any batch of it is stored.
   */
  async personalDataProblems(actor: Actor, collection: Collection, objects: readonly unknown[], offset: number): Promise<ErrorProblem[]> {
    if (actor.kind !== 'user') return [];
    return findingProblems(objects, offset, (await this.guard(actor, collection, objects, offset, 'ask')).findings);
  }

  /** The batch guarded, asking for the grants (`readableBeyond`) only when some finding may leave: rarely. */
  private async guard(actor: Actor, collection: Collection, objects: readonly unknown[], offset: number, mode: PersonalDataMode): Promise<GuardedBatch> {
    const scanned = mode === 'off' ? new Map<number, ScannedObject>() : scanBatch(objects, offset, collection.defaultTlp);
    const outward = needsOutward(scanned) && (await this.collections.readableBeyond(actor, collection));
    return guardScanned(objects, offset, mode, scanned, outward);
  }

  /**
   * Stores objects already validated by `prepareObjects` (which is pure, so a caller may run it on another
   * thread while the previous batch is being stored). One audit entry per batch, in its transaction
   * (`objects.add`: counts, the status id of a TAXII request, and `decided`, the writer's decision on personal
   * data as `decisionDetails` gives it when the batch was guarded where it was prepared).
   */
  async ingestPrepared(actor: Actor, apiRoot: string, collectionId: string, prepared: Prepared, statusId?: string, decided: Record<string, string | number> = {}): Promise<IngestResult> {
    const collection = await this.collections.requireWrite(actor, apiRoot, collectionId);
    const details = { status: statusId ?? null, ...decided };
    return this.storePrepared(actor, collection, prepared, 'objects.add', details, (versions, _indexes, hook) => this.objects.store(collection.id, versions, hook));
  }

  /**
   * Like `ingest`, but the versions are stored with no origin: neither the actor's organisation nor the actor
   * is recorded as who stored them, so no read path (origin organisation of a summary, the AMBER+STRICT and
   * RED rules that favour the origin) can tie them to the actor. The write is still checked as the actor's
   * and audited under it (`objects.add`), so administrators who read the audit log can tell who wrote when;
   * the `onAccepted` hooks are given `SYSTEM` as the actor. For anonymous contributions (sightings);
   * AMBER+STRICT and RED need an origin, so give them recipients.
   */
  async ingestUnattributed(actor: Actor, apiRoot: string, collectionId: string, objects: readonly unknown[]): Promise<IngestResult> {
    const collection = await this.collections.requireWrite(actor, apiRoot, collectionId);
    return this.storePrepared(actor, collection, prepareObjects(objects, 0), 'objects.add', { status: null }, (versions, _indexes, hook) => this.objects.store(collection.id, versions, hook), SYSTEM);
  }

  /**
   * The collection a migration from another TAXII server may write into: an empty one, and only for
   * administrators (who keep the source's ids, versions and `date_added`).
   * @throws DomainError `forbidden` `object.migrate_forbidden`; `conflict` `object.migrate_not_empty`.
   */
  async requireMigrationTarget(actor: Actor, apiRoot: string, collectionId: string): Promise<Collection> {
    if (!isPrivileged(actor)) throw forbidden('object.migrate_forbidden', 'only administrators may migrate objects from another TAXII server');
    const collection = await this.collections.requireWrite(actor, apiRoot, collectionId);
    const count = await this.objects.count(collection.id, false);
    if (count > 0) throw conflict('object.migrate_not_empty', `a migration goes into an empty collection; ${collection.id} holds ${count} object versions`, { collection: collection.id, count });
    return collection;
  }

  /**
   * Stores one batch of a migration (after `requireMigrationTarget`): validated and shared like `ingest`,
   * each object under the `date_added` the source gave it (`dateAdded[i]` for `objects[i]`, microseconds),
   * moved on by 1 µs where the store needs it (`nudged`). Administrators only; audited as `objects.migrate`.
   * @throws DomainError `forbidden` `object.migrate_forbidden`.
   */
  async ingestMigrated(actor: Actor, apiRoot: string, collectionId: string, objects: readonly unknown[], dateAdded: readonly number[], offset = 0): Promise<IngestResult & { nudged: number }> {
    if (!isPrivileged(actor)) throw forbidden('object.migrate_forbidden', 'only administrators may migrate objects from another TAXII server');
    const collection = await this.collections.requireWrite(actor, apiRoot, collectionId);
    let nudged = 0;
    const result = await this.storePrepared(actor, collection, prepareObjects(objects, offset), 'objects.migrate', {}, async (versions, indexes, hook) => {
      const stored = await this.objects.storeMigrated(collection.id, versions, indexes.map((index) => dateAdded[index - offset]!), hook);
      nudged = stored.nudged;
      return stored.outcomes;
    });
    return { ...result, nudged };
  }

  /**
   * Stores the accepted objects with `write`; one audit entry per batch (`action`, with counts and
   * `details`), in the batch's transaction. `origin` is who the versions are stored as coming from (the
   * actor, or `SYSTEM` for none).
   */
  private async storePrepared(
    actor: Actor,
    collection: Collection,
    prepared: Prepared,
    action: 'objects.add' | 'objects.migrate',
    extra: Record<string, string | number | null>,
    write: (versions: NewVersion[], indexes: number[], hook: StoreHook) => Promise<StoreOutcome[]>,
    origin: Actor = actor,
  ): Promise<IngestResult> {
    const { versions, indexes, rejected } = await withAudiences(this.directory, origin, collection, prepared);
    const event = (outcomes: readonly StoreOutcome[]): AuditEvent => {
      const stored = outcomes.filter((o) => o.stored).length;
      const details = { stored, duplicates: outcomes.length - stored, rejected: rejected.length, ...extra };
      return { action, target: collection.id, details };
    };
    const outcomes = await write(versions, indexes, this.audit.within<StoreOutcome[]>(actor, event));
    if (outcomes.some((o) => o.stored)) await this.storedListeners.emit(collection.id);
    if (this.storedHooks.size > 0 && outcomes.some((o) => o.stored)) {
      const stored = new Set(outcomes.filter((o) => o.stored).map((o) => `${o.stixId} ${o.version}`));
      const batch: StoredBatch = {
        collectionId: collection.id,
        versions: versions.filter((v) => stored.has(`${v.stixId} ${v.version}`)).map((v) => ({ id: v.stixId, version: v.version, body: v.body })),
      };
      await this.storedHooks.emit(batch);
    }
    if (action === 'objects.add' && outcomes.length > 0) {
      const accepted: Accepted = { actor: origin, collectionId: collection.id, versions: outcomes.map((o) => ({ id: o.stixId, version: o.version })) };
      await this.acceptedHooks.emit(accepted);
    }
    // Nothing to store opens no transaction: the (all rejected, or empty) request is recorded on its own.
    if (versions.length === 0) await this.audit.record(actor, event([]));
    return {
      stored: outcomes.filter((o) => o.stored).map((o) => ({ id: o.stixId, version: o.version, dateAdded: o.dateAdded! })),
      duplicates: outcomes.filter((o) => !o.stored).map((o) => ({ id: o.stixId, version: o.version })),
      rejected,
      warnings: prepared.warnings,
      accepted: outcomes.map((o, i) => ({ index: indexes[i]!, id: o.stixId, stored: o.stored })),
    };
  }


  /**
   * The TAXII "add objects" operation: ingests the envelope and records a status resource. Objects with
   * personal data that would leave the writer's organisation are rejected in the status unless the client
   * decided (`personalData`: `confirm` or `redact`, from the `X-Thiqa-Personal-Data` header).
   */
  async add(actor: Actor, apiRoot: string, collectionId: string, content: unknown, personalData: PersonalDataMode = 'reject'): Promise<AddStatus> {
    const requestTimestamp = Date.now() * 1000;
    const objects = objectsOf(content);
    const statusId = randomUUID();
    const result = await this.ingestGuarded(actor, apiRoot, collectionId, objects, { statusId, personalData });
    const status = statusOf(statusId, requestTimestamp, objects.length, result);
    await this.statuses.create({
      id: status.id,
      api_root: apiRoot,
      collection_id: collectionId,
      owner: ownerOf(actor),
      request_timestamp: requestTimestamp,
      status: status.status,
      total_count: status.totalCount,
      success_count: status.successes.length,
      failure_count: status.failures.length,
      pending_count: 0,
      details: JSON.stringify({ successes: status.successes, failures: status.failures, pendings: [] }),
    });
    return status;
  }

  /** A status resource; only its requester and administrators may read it. */
  async status(actor: Actor, apiRoot: string, statusId: string): Promise<AddStatus> {
    if (actor.kind === 'anonymous') throw unauthenticated('auth.required', 'this TAXII server needs credentials: HTTP Basic or a Bearer token');
    const row = await this.statuses.find(apiRoot, statusId);
    const privileged = isPrivileged(actor);
    if (!row || (!privileged && row.owner !== ownerOf(actor))) {
      throw notFound('status.not_found', `there is no status "${statusId}" in API root "${apiRoot}"`, { status: statusId });
    }
    const details = JSON.parse(row.details) as Pick<AddStatus, 'successes' | 'failures' | 'pendings'>;
    return { id: row.id, status: row.status, requestTimestamp: row.request_timestamp, totalCount: row.total_count, ...details };
  }

  /** A page of objects (bodies included). */
  async list(actor: Actor, apiRoot: string, collectionId: string, filter: ObjectFilter): Promise<Page> {
    return this.page(actor, apiRoot, collectionId, filter, 'last', true);
  }

  /** A page of manifest rows (no bodies). */
  async manifest(actor: Actor, apiRoot: string, collectionId: string, filter: ObjectFilter): Promise<Page> {
    return this.page(actor, apiRoot, collectionId, filter, 'last', false);
  }

  /** Versions of one object; not_found when the collection holds none matching. */
  async getObject(actor: Actor, apiRoot: string, collectionId: string, objectId: string, filter: ObjectFilter): Promise<Page> {
    const page = await this.page(actor, apiRoot, collectionId, { ...filter, ids: [objectId] }, 'last', true);
    if (page.rows.length === 0 && filter.next === undefined) throw objectNotFound(objectId);
    return page;
  }

  /** The version list of one object, oldest first. */
  async versions(actor: Actor, apiRoot: string, collectionId: string, objectId: string, filter: ObjectFilter): Promise<Page> {
    const page = await this.page(actor, apiRoot, collectionId, { ...filter, ids: [objectId], versions: undefined }, 'all', false);
    if (page.rows.length === 0 && filter.next === undefined) throw objectNotFound(objectId);
    return page;
  }

  /** Deletes versions of an object (all of them unless `match[version]` narrows it). */
  async delete(actor: Actor, apiRoot: string, collectionId: string, objectId: string, filter: ObjectFilter): Promise<number> {
    const collection = await this.collections.requireWrite(actor, apiRoot, collectionId);
    const scope = readScope(actor, await this.collections.requireRead(actor, apiRoot, collectionId));
    const audited = this.audit.within(actor, (versions: number) =>
      versions > 0 ? { action: 'objects.delete', target: objectId, details: { collection: collection.id, versions } } : undefined,
    );
    const deleted = await this.objects.delete(collection.id, objectId, versionFilter(filter.versions, 'all'), filter.specVersions ?? [], audited, scope);
    if (deleted === 0) throw objectNotFound(objectId);
    await this.deletedHooks.emit({ collectionId: collection.id, id: objectId });
    return deleted;
  }

  /**
   * Calls `listener` with the collection's id after every write that stored something in this process (the
   * federation's continuous push wakes on it). Answers the function that stops it.
   */
  onStored(listener: (collectionId: string) => void): () => void {
    return this.storedListeners.add(listener);
  }

  /**
   * Awaits `hook` after every write of objects (not migrations) that accepted versions, once they are stored
   * (the federation records which peer pushed them). Answers the function that removes it.
   */
  onAccepted(hook: (accepted: Accepted) => Promise<void>): () => void {
    return this.acceptedHooks.add(hook);
  }

  /**
   * Awaits `hook` after every write (migrations too) that stored new versions, with their bodies as stored
   * (the lookup index is kept from them). Answers the function that removes it.
   */
  onStoredVersions(hook: (stored: StoredBatch) => Promise<void>): () => void {
    return this.storedHooks.add(hook);
  }

  /** Awaits `hook` after every deletion of versions of an object. Answers the function that removes it. */
  onDeleted(hook: (deleted: DeletedObject) => Promise<void>): () => void {
    return this.deletedHooks.add(hook);
  }

  /**
   * Every version added to a collection after `after` (a `date_added`, microseconds), oldest first, at most
   * `limit`, with bodies, TLP and origin: what `actor` may see of them, as every read path serves it.
   */
  async changesSince(actor: Actor, apiRoot: string, collectionId: string, after: number, limit: number): Promise<StoredVersion[]> {
    const collection = await this.collections.requireRead(actor, apiRoot, collectionId);
    const scope = readScope(actor, collection);
    const rows = await this.objects.list({ collectionId: collection.id, after, versions: { all: true, first: false, last: false, keys: [] }, limit }, true, scope);
    return rows.map((row) => toStoredVersion(row, scope));
  }

  /**
   * The versions named by (collection, id, version) that `actor` may see, as every read path serves them, in
   * no order; those not stored, hidden from the actor or in collections it may not read are left out, never
   * an error (the lookup re-reads its index's candidates so). `withheldOnly`: bodies only of the versions
   * whose properties were withheld from the actor. See `version-read.ts`.
   */
  readVersions(actor: Actor, refs: readonly VersionRef[], withheldOnly = false): Promise<ReadVersion[]> {
    return readVersions(this.objects, this.collections, actor, refs, withheldOnly);
  }

  /** Deletions in a collection the actor may read, after `after` (microseconds), oldest first, at most `limit`. */
  async deletionsSince(actor: Actor, apiRoot: string, collectionId: string, after: number, limit: number): Promise<Deletion[]> {
    const collection = await this.collections.requireRead(actor, apiRoot, collectionId);
    return (await this.objects.tombstones(collection.id, after, limit)).map((row) => ({
      at: row.date_added,
      id: row.stix_id,
      versions: row.versions === 'all' ? 'all' : (JSON.parse(row.versions) as string[]),
      tlp: row.tlp,
      originOrg: row.origin_org,
    }));
  }

  /**
   * Every stored version of a collection, page by page, for export (`push`: for another TAXII server, so
   * nothing AMBER+STRICT either). Recorded in the audit log (`collection.export`, with the count) once the
   * last page has been handed out, unless `audited` is false: for a check of what an export would hand out
   * that hands nothing on (the personal-data scan before a push), followed by the audited walk itself.
   */
  exportAll(actor: Actor, collectionIdOrAlias: string, pageRows = 5_000, purpose: 'export' | 'push' = 'export', audited = true): AsyncGenerator<StoredVersion[]> {
    return exportAll(this.walks, actor, collectionIdOrAlias, pageRows, purpose, audited);
  }

  /**
   * The latest version of each object of `types` the actor may see, no higher than TLP rank `maxTlp` (and
   * never RED: read as an export), page by page: the defenders' feeds. Not audited: a feed is fetched every
   * few minutes by machines, and its creation is what the audit log records.
   */
  latestVersions(actor: Actor, apiRoot: string, collectionId: string, options: { types: readonly string[]; maxTlp: number }, pageRows = 5_000): AsyncGenerator<StoredVersion[]> {
    return latestVersions(this.walks, actor, apiRoot, collectionId, options, pageRows);
  }

  private async page(actor: Actor, apiRoot: string, collectionId: string, filter: ObjectFilter, fallback: 'last' | 'all', withBody: boolean): Promise<Page> {
    const collection = await this.collections.requireRead(actor, apiRoot, collectionId);
    const scope = readScope(actor, collection);
    const limit = pageSize(filter.limit, this.limits.pageDefault, this.limits.pageMax);
    const { criteria, ...query } = resolveQuery(collection.id, filter, fallback);
    const rows = await this.objects.list({ ...query, limit: limit + 1 }, withBody, scope);
    const more = rows.length > limit;
    if (more) rows.length = limit;
    const next = more ? encodeCursor(rows[rows.length - 1]!.date_added, criteria) : undefined;
    return { rows: rows.map((row) => toStoredVersion(row, scope)), more, next };
  }

  /**
   * How many versions of a collection the actor may see: every version, or only the latest of each object.
   * A count of what is hidden is never given: it would say that something is there.
   */
  async count(actor: Actor, apiRoot: string, collectionId: string, latestOnly = true, purpose: ReadPurpose = 'read'): Promise<number> {
    const collection = await this.collections.requireRead(actor, apiRoot, collectionId);
    return this.objects.count(collection.id, latestOnly, readScope(actor, collection, purpose));
  }
}



function objectNotFound(objectId: string) {
  return notFound('object.not_found', `there is no object "${objectId}" matching the request in this collection`, { object: objectId });
}

export type { Rejection };
export { describeProblems };
