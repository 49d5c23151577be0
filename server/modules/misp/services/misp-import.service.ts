/**
 * MISP events into a collection: each event file is checked (a refused one is reported with every problem and
 * stores nothing of its own), converted (shared/misp) and stored through the Exchange's ingest in batches, as
 * the calling actor, who needs write access. Validation, sharing rules, deduplication (id and version) and the
 * audit entry per batch are the Exchange's, so importing the same event twice stores nothing the second time.
 */
import type { Actor } from '../../../core/auth/actor.ts';
import type { CollectionService } from '../../exchange/services/collection.service.ts';
import type { ObjectService } from '../../exchange/services/object.service.ts';
import { describeProblems } from '../../exchange/services/object.service.ts';
import type { MispInput } from '../../../../shared/misp/feed-directory.ts';
import type { MispProblem } from '../../../../shared/misp/misp-event.ts';
import { hashLines, verifyHashes } from '../../../../shared/misp/misp-feed.ts';
import { eventToStix } from '../../../../shared/misp/misp-to-stix.ts';
import { Tally, type UnmappedEntry } from '../../../../shared/misp/misp-tally.ts';
import { THIQA_IDENTITY, X_MISP_EXTENSION_DEFINITION } from '../../../../shared/misp/x-misp-extension.ts';

/** Objects per `ingest` call. */
export const MISP_BATCH = 5_000;

export interface MispImportReport {
  collection: { id: string; apiRoot: string };
  kind: 'event' | 'feed';
  events: { read: number; imported: number; refused: number };
  attributes: number;
  /** STIX objects made, by type. */
  stix: Record<string, number>;
  objects: { total: number; stored: number; duplicates: number; rejected: number };
  /** Objects the Exchange refused (a sharing rule, a value STIX does not take), with why. */
  rejected: { id: string | null; reasons: string; rules: string[] }[];
  /** What was kept in `x_misp` rather than mapped, by kind. */
  unmapped: UnmappedEntry[];
  /** Problems of the files: refused events, the manifest, hashes.csv. */
  problems: MispProblem[];
  hashes: { checked: boolean; mismatches: number };
}

export class MispImportService {
  private readonly objects: ObjectService;
  private readonly collections: CollectionService;

  constructor(objects: ObjectService, collections: CollectionService) {
    this.objects = objects;
    this.collections = collections;
  }

  /**
   * Imports every event of `input` into the collection (id or alias).
   * @throws DomainError `not_found` `collection.not_found`; `forbidden` `collection.write_forbidden`.
   */
  async import(actor: Actor, collectionRef: string, input: MispInput, batchSize = MISP_BATCH): Promise<MispImportReport> {
    const found = await this.collections.find(actor, collectionRef);
    const collection = await this.collections.requireWrite(actor, found.apiRoot, found.id);
    const tally = new Tally();
    const report: MispImportReport = {
      collection: { id: collection.id, apiRoot: collection.apiRoot },
      kind: input.kind,
      events: { read: 0, imported: 0, refused: 0 },
      attributes: 0,
      stix: tally.stix,
      objects: { total: 0, stored: 0, duplicates: 0, rejected: 0 },
      rejected: [],
      unmapped: [],
      problems: [...input.problems],
      hashes: { checked: input.hashes !== undefined, mismatches: 0 },
    };
    let batch: unknown[] = [THIQA_IDENTITY, X_MISP_EXTENSION_DEFINITION];
    const flush = async () => {
      if (batch.length === 0) return;
      const objects = batch;
      batch = [];
      const result = await this.objects.ingest(actor, collection.apiRoot, collection.id, objects);
      report.objects.total += objects.length;
      report.objects.stored += result.stored.length;
      report.objects.duplicates += result.duplicates.length;
      report.objects.rejected += result.rejected.length;
      for (const { id, problems } of result.rejected) {
        report.rejected.push({ id: id ?? null, reasons: describeProblems(problems), rules: [...new Set(problems.filter((p) => p.severity === 'error').map((p) => p.rule))] });
      }
    };
    const expected = new Set<string>();
    const read = new Set<string>();
    for (const file of input.events()) {
      report.events.read++;
      if (!file.event) {
        report.events.refused++;
        report.problems.push(...file.problems);
        continue;
      }
      if (input.hashes) {
        read.add(file.event.uuid.toLowerCase());
        for (const line of hashLines(file.event)) expected.add(line);
      }
      batch.push(...eventToStix(file.event, tally).objects);
      report.events.imported++;
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    if (input.hashes) {
      const mismatches = verifyHashes(expected, read, input.hashes);
      report.hashes.mismatches = mismatches.length;
      report.problems.push(...mismatches);
    }
    report.attributes = tally.attributes;
    report.unmapped = tally.unmappedEntries();
    return report;
  }
}
