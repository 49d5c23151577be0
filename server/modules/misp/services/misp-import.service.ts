/**
 * MISP events into a collection: converted batches (misp-conversion.ts: each event checked, a refused one
 * reported with every problem and storing nothing of its own; mapped; validated) stored through the Exchange's
 * `ingestPrepared`, as the calling actor, who needs write access. Sharing rules, deduplication (id and version)
 * and the audit entry per batch are the Exchange's, so importing the same event twice stores nothing the
 * second time.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import { describeProblems } from '../../exchange/services/object.service.ts';
import { personalDataFound } from '../../exchange/services/personal-data-guard.ts';
import type { MispInput } from '../../../../shared/misp/feed-directory.ts';
import { convertMispInput, MISP_BATCH, type ConversionSummary, type ConvertedBatch } from './misp-conversion.ts';

export interface MispImportReport extends ConversionSummary {
  collection: { id: string; apiRoot: string };
  objects: { total: number; stored: number; duplicates: number; rejected: number };
  /** Objects the Exchange refused (a sharing rule, a value STIX does not take), with why. */
  rejected: { id: string | null; reasons: string; rules: string[] }[];
  /** Objects with personal data that leave the organisation, stored as the importer decided; findings redacted. */
  personalData: { objects: number; redacted: number };
}

/** Batches as they come, then the summary (the generator's return value). */
export type ConvertedBatches = AsyncIterator<ConvertedBatch, ConversionSummary, undefined> | Iterator<ConvertedBatch, ConversionSummary, undefined>;

export class MispImportService {
  private readonly objects: ObjectService;
  private readonly collections: CollectionService;

  constructor(objects: ObjectService, collections: CollectionService) {
    this.objects = objects;
    this.collections = collections;
  }

  /**
   * Imports every event of `input` into the collection (id or alias), converting on this thread.
   * @throws DomainError `not_found` `collection.not_found`; `forbidden` `collection.write_forbidden`.
   */
  import(actor: Actor, collectionRef: string, input: MispInput, batchSize = MISP_BATCH): Promise<MispImportReport> {
    return this.importConverted(actor, collectionRef, convertMispInput(input, batchSize));
  }

  /**
   * Stores batches converted elsewhere (the CLI's worker thread), one after another, each with what the
   * importer decided about its personal data in its audit entry. A batch whose guard found personal data
   * without a decision (`ask`) stops the import there; a caller checks the whole input first.
   * @throws DomainError `not_found` `collection.not_found`; `forbidden` `collection.write_forbidden`;
   *   `conflict` `personal_data.found`.
   */
  async importConverted(actor: Actor, collectionRef: string, batches: ConvertedBatches): Promise<MispImportReport> {
    const found = await this.collections.find(actor, collectionRef);
    const collection = await this.collections.requireWrite(actor, found.apiRoot, found.id);
    const objects = { total: 0, stored: 0, duplicates: 0, rejected: 0 };
    const rejected: MispImportReport['rejected'] = [];
    const personalData = { objects: 0, redacted: 0 };
    for (;;) {
      const next = await batches.next();
      if (next.done) return { collection: { id: collection.id, apiRoot: collection.apiRoot }, ...next.value, objects, rejected, personalData };
      const found = next.value.personalData;
      if (found.problems.length > 0) throw personalDataFound(found.problems);
      const result = await this.objects.ingestPrepared(actor, collection.apiRoot, collection.id, next.value.prepared, undefined, found.details);
      personalData.objects += found.objects;
      personalData.redacted += found.redacted;
      objects.total += next.value.objects;
      objects.stored += result.stored.length;
      objects.duplicates += result.duplicates.length;
      objects.rejected += result.rejected.length;
      for (const { id, problems } of result.rejected) {
        rejected.push({ id: id ?? null, reasons: describeProblems(problems), rules: [...new Set(problems.filter((p) => p.severity === 'error').map((p) => p.rule))] });
      }
    }
  }
}
