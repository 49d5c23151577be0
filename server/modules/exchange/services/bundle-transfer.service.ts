/**
 * A STIX bundle file in and out of a collection, for the web UI: an upload is read as it streams in (the
 * streaming bundle reader of shared/json), stored in batches through `ObjectService.ingest` (validation,
 * sharing rules, one audit entry per batch) and answered with the outcome of every object; a download is
 * `ObjectService.exportAll` (visibility, audit), page by page.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { Actor } from '../../../core/auth/actor.ts';
import { invalid, isDomainError, tooLarge, type ErrorProblem } from '../../../core/errors.ts';
import { isBundleReadError, readBundleObjects, writeBundleStream } from '../../../../shared/json/index.ts';
import { spoolBundle } from './bundle-spool.ts';
import { personalDataFound, type PersonalDataMode } from './personal-data-guard.ts';
import type { Collection } from './collection.service.ts';
import { PersonalDataTally } from '../../../../shared/privacy/export-tally.ts';
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
  /** Findings of personal data replaced by `[redacted]` (`personal_data=redact`). */
  redacted: number;
  /** What the importer decided about personal data, when it had to. */
  personalData: 'confirm' | 'redact' | null;
  results: ImportedObject[];
}

/** A collection as a bundle download (`exportBundle`). */
export interface ExportedBundle {
  fileName: string;
  stream: Readable;
  /** Objects with findings of personal data, and findings written as `[redacted]` (a redacted export only). */
  personalData: { objects: number; redacted: number } | null;
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
   * caller may write. Objects before a fault in the file (or before the limit) stay stored. Objects with
   * personal data that would be read outside the caller's organisation need a decision (`personalData`,
   * see `personal-data-guard.ts`): without one (`ask`) the whole file is read and checked first, held in
   * memory (at most `maxBytes`), and a finding anywhere stores nothing.
   * @throws DomainError `conflict` `personal_data.found` (each finding as a problem); DomainError `not_found` `collection.not_found`; `forbidden` `collection.write_forbidden`; `invalid`
   *   `import.malformed_bundle` (params `stored`, `total`, `reason`, `offset`, `line`, `column`); `too_large`
   *   `content.too_large` (params `max`, `stored`).
   */
  async importBundle(actor: Actor, collectionId: string, source: AsyncIterable<Uint8Array>, maxBytes: number, personalData: PersonalDataMode = 'ask'): Promise<ImportReport> {
    const found = await this.collections.find(actor, collectionId);
    const collection = await this.collections.requireWrite(actor, found.apiRoot, found.id);
    const decided = personalData === 'confirm' || personalData === 'redact' ? personalData : null;
    const report: ImportReport = { total: 0, stored: 0, duplicates: 0, rejected: 0, redacted: 0, personalData: decided, results: [] };
    let batch: unknown[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const objects = batch;
      const offset = report.total - objects.length;
      batch = [];
      const result = await this.objects.ingestGuarded(actor, collection.apiRoot, collection.id, objects, { offset, personalData });
      report.redacted += result.redacted;
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
    const input = personalData === 'ask' && actor.kind === 'user' ? await this.checkedWhole(actor, collection, bounded()) : bounded();
    try {
      for await (const object of readBundleObjects(input)) {
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
   * Reads the whole file once, checking each batch for personal data, and answers the same bytes again for
   * storing (then the fault that stopped the reading, if one did: the store pass meets it where it was).
   * @throws DomainError `conflict` `personal_data.found` when anything was found, before anything is stored.
   */
  private async checkedWhole(actor: Actor, collection: Collection, source: AsyncIterable<Uint8Array>): Promise<AsyncIterable<Uint8Array>> {
    const chunks: Uint8Array[] = [];
    let fault: { error: unknown } | undefined;
    const kept = async function* () {
      try {
        for await (const chunk of source) {
          chunks.push(chunk);
          yield chunk;
        }
      } catch (error) {
        fault = { error };
        throw error;
      }
    };
    const problems: ErrorProblem[] = [];
    let batch: unknown[] = [];
    let total = 0;
    const check = async () => {
      problems.push(...(await this.objects.personalDataProblems(actor, collection, batch, total - batch.length)));
      batch = [];
    };
    try {
      for await (const object of readBundleObjects(kept())) {
        batch.push(object);
        total++;
        if (batch.length >= IMPORT_BATCH) await check();
      }
    } catch (error) {
      // A malformed file or one over the limit: what came before is checked, the store pass reports the fault.
      if (!fault && !isBundleReadError(error)) throw error;
    }
    await check();
    if (problems.length > 0) throw personalDataFound(problems);
    return (async function* () {
      yield* chunks;
      if (fault) throw fault.error;
    })();
  }

  /**
   * A collection the caller may read, as a bundle: its file name (alias, else id) and its bytes, from the
   * object pages `ObjectService.exportAll` hands out (audited once the last page is read). Streamed as it is
   * read, unless `redactPersonalData`: then each finding of personal data is written as `[redacted]`
   * (`redactPersonalData`) into a temporary file first, so `personalData` can say how many objects held
   * findings and how many were redacted before the download starts. Access is checked before this answers,
   * so a refusal is an error rather than a broken download.
   * @throws DomainError `not_found` `collection.not_found`; `forbidden` `collection.read_forbidden`.
   */
  async exportBundle(actor: Actor, collectionId: string, options: { redactPersonalData?: boolean } = {}): Promise<ExportedBundle> {
    const found = await this.collections.find(actor, collectionId);
    await this.collections.requireRead(actor, found.apiRoot, found.id);
    const pages = this.objects.exportAll(actor, found.id);
    const first = await pages.next();
    const tally = options.redactPersonalData ? new PersonalDataTally({ redact: true }) : undefined;
    const bodies = (rows: readonly { id: string; body: Uint8Array | undefined }[]) =>
      rows.map((row) => {
        if (row.body === undefined) throw new Error(`the store answered ${row.id} without its body`);
        return tally ? tally.takeBody(row.body) : row.body;
      });
    async function* all(): AsyncGenerator<Uint8Array[]> {
      if (first.done) return;
      yield bodies(first.value);
      for await (const rows of pages) yield bodies(rows);
    }
    const fileName = `${found.alias ?? found.id}.json`;
    if (tally) {
      const stream = await spoolBundle(all());
      return { fileName, stream, personalData: { objects: tally.objects, redacted: tally.redacted } };
    }
    // The bundle writer waits for the response to drain, so a slow download slows the reading of pages.
    const through = new PassThrough();
    writeBundleStream(all(), through).then(
      () => through.end(),
      (error: unknown) => through.destroy(error as Error),
    );
    return { fileName, stream: through, personalData: null };
  }
}
