/**
 * A STIX bundle file in and out of a collection, for the web UI: an upload is read as it streams in (the
 * streaming bundle reader of shared/json), stored in batches through `ObjectService.ingest` (validation,
 * sharing rules, one audit entry per batch) and answered with the outcome of every object; a download is
 * `ObjectService.exportAll` (visibility, audit), page by page.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import { invalid, isDomainError, tooLarge } from '../../../core/errors.ts';
import { isBundleReadError, readBundleObjects } from '../../../../shared/json/index.ts';
import type { CollectionService } from './collection.service.ts';
import type { ObjectService } from './object.service.ts';

/** Objects per `ingest` call while importing an upload. */
export const IMPORT_BATCH = 1_000;

export interface ImportedObject {
  index: number;
  id: string | null;
  type: string | null;
  outcome: 'stored' | 'duplicate' | 'rejected';
  /** Errors of a rejected object; empty otherwise. */
  problems: { rule: string; path: string; message: string; params?: Readonly<Record<string, string | number>> }[];
}

export interface ImportReport {
  total: number;
  stored: number;
  duplicates: number;
  rejected: number;
  results: ImportedObject[];
}

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export class BundleTransferService {
  private readonly objects: ObjectService;
  private readonly collections: CollectionService;

  constructor(objects: ObjectService, collections: CollectionService) {
    this.objects = objects;
    this.collections = collections;
  }

  /**
   * Stores the objects of a bundle read from `source` (UTF-8 bytes, at most `maxBytes`) in a collection the
   * caller may write. Objects before a fault in the file (or before the limit) stay stored.
   * @throws DomainError `not_found` `collection.not_found`; `forbidden` `collection.write_forbidden`; `invalid`
   *   `import.malformed_bundle` (params `stored`, `total`, `reason`, `offset`, `line`, `column`); `too_large`
   *   `content.too_large` (params `max`, `stored`).
   */
  async importBundle(actor: Actor, collectionId: string, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<ImportReport> {
    const found = await this.collections.find(actor, collectionId);
    const collection = await this.collections.requireWrite(actor, found.apiRoot, found.id);
    const report: ImportReport = { total: 0, stored: 0, duplicates: 0, rejected: 0, results: [] };
    let batch: unknown[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const objects = batch;
      const offset = report.total - objects.length;
      batch = [];
      const result = await this.objects.ingest(actor, collection.apiRoot, collection.id, objects, offset);
      const results: ImportedObject[] = [];
      const about = (index: number) => {
        const object = objects[index - offset];
        const record = (typeof object === 'object' && object !== null ? object : {}) as Record<string, unknown>;
        return { index, id: textOf(record.id), type: textOf(record.type) };
      };
      for (const { index, stored } of result.accepted) results.push({ ...about(index), outcome: stored ? 'stored' : 'duplicate', problems: [] });
      for (const { index, problems } of result.rejected) {
        const errors = problems.filter((p) => p.severity === 'error').map(({ rule, path, message, params }) => (params ? { rule, path, message, params } : { rule, path, message }));
        results.push({ ...about(index), outcome: 'rejected', problems: errors });
      }
      report.results.push(...results.sort((a, b) => a.index - b.index));
      report.stored += result.stored.length;
      report.duplicates += result.duplicates.length;
      report.rejected += result.rejected.length;
    };
    let bytes = 0;
    const bounded = async function* () {
      for await (const chunk of source) {
        bytes += chunk.byteLength;
        if (bytes > maxBytes) throw tooLarge('content.too_large', `the bundle is larger than the limit of ${maxBytes} bytes`, { max: maxBytes });
        yield chunk;
      }
    };
    try {
      for await (const object of readBundleObjects(bounded())) {
        batch.push(object);
        report.total++;
        if (batch.length >= IMPORT_BATCH) await flush();
      }
    } catch (error) {
      // What was read before the fault is complete JSON: it is stored like the rest, then the fault is told.
      await flush();
      if (isBundleReadError(error)) {
        const { code, offset, line, column } = error;
        throw invalid('import.malformed_bundle', `${error.message}; the ${report.stored} objects stored before that point stay stored`, {
          stored: report.stored,
          total: report.total,
          reason: code,
          offset,
          line,
          column,
        });
      }
      if (isDomainError(error) && error.code === 'content.too_large') throw tooLarge(error.code, error.message, { ...error.params, stored: report.stored });
      throw error;
    }
    await flush();
    return report;
  }

  /**
   * A collection the caller may read, as a bundle: its file name (alias, else id) and the object pages (what
   * `ObjectService.exportAll` hands out, audited once the last page is read). Access is checked before this
   * answers, so a refusal is an error rather than a broken download.
   * @throws DomainError `not_found` `collection.not_found`; `forbidden` `collection.read_forbidden`.
   */
  async exportBundle(actor: Actor, collectionId: string): Promise<{ fileName: string; pages: AsyncIterable<Uint8Array[]> }> {
    const found = await this.collections.find(actor, collectionId);
    await this.collections.requireRead(actor, found.apiRoot, found.id);
    const pages = this.objects.exportAll(actor, found.id);
    const first = await pages.next();
    const bodies = (rows: readonly { id: string; body: Uint8Array | undefined }[]) =>
      rows.map((row) => {
        if (row.body === undefined) throw new Error(`the store answered ${row.id} without its body`);
        return row.body;
      });
    async function* all(): AsyncGenerator<Uint8Array[]> {
      if (first.done) return;
      yield bodies(first.value);
      for await (const rows of pages) yield bodies(rows);
    }
    return { fileName: `${found.alias ?? found.id}.json`, pages: all() };
  }
}
