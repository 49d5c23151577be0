/**
 * MISP input to storable batches: each event file checked, mapped to STIX (shared/misp) and validated by the
 * Exchange's `prepareObjects`, in batches of about `batchSize` objects; the summary (events, attributes, what
 * was not mapped, the files' problems, hashes.csv) comes last. Pure of any store, so the CLI runs it on a worker
 * thread while the main thread stores the previous batch.
 */
import type { MispInput } from '../../../../shared/misp/feed-directory.ts';
import type { MispProblem } from '../../../../shared/misp/misp-event.ts';
import { hashLines, verifyHashes } from '../../../../shared/misp/misp-feed.ts';
import { eventToStix } from '../../../../shared/misp/misp-to-stix.ts';
import { Tally, type UnmappedEntry } from '../../../../shared/misp/misp-tally.ts';
import { THIQA_IDENTITY, X_MISP_EXTENSION_DEFINITION } from '../../../../shared/misp/x-misp-extension.ts';
import { prepareObjects, type Prepared } from '../../exchange/services/object-ingest.ts';
import { guardForStore, type BatchGuard, type GuardReport } from '../../exchange/services/personal-data-guard.ts';

/** Objects per batch handed to the store. */
export const MISP_BATCH = 5_000;

export interface ConvertedBatch {
  prepared: Prepared;
  objects: number;
  /** What the personal-data guard found (and redacted) in the batch; none without a guard. */
  personalData: GuardReport;
}

const UNGUARDED: BatchGuard = { mode: 'off', outward: false, defaultTlp: 0 };

export interface ConversionSummary {
  kind: 'event' | 'feed';
  events: { read: number; imported: number; refused: number };
  attributes: number;
  /** STIX objects made, by type. */
  stix: Record<string, number>;
  /** What was kept in `x_misp` rather than mapped, by kind. */
  unmapped: UnmappedEntry[];
  /** Problems of the files: refused events, the manifest, hashes.csv. */
  problems: MispProblem[];
  hashes: { checked: boolean; mismatches: number };
}

/**
 * Converts `input` batch by batch, each through the personal-data `guard` before it is validated (none by
 * default); returns the summary once every event has been read.
 */
export function* convertMispInput(input: MispInput, batchSize = MISP_BATCH, guard: BatchGuard = UNGUARDED): Generator<ConvertedBatch, ConversionSummary, undefined> {
  const tally = new Tally();
  const events = { read: 0, imported: 0, refused: 0 };
  const problems = [...input.problems];
  const expected = new Set<string>();
  const read = new Set<string>();
  let batch: unknown[] = [THIQA_IDENTITY, X_MISP_EXTENSION_DEFINITION];
  let offset = 0;
  const take = (): ConvertedBatch => {
    const objects = batch;
    batch = [];
    offset += objects.length;
    const guarded = guardForStore(objects, offset - objects.length, guard);
    return { prepared: prepareObjects(guarded.objects, offset - objects.length), objects: objects.length, personalData: guarded.report };
  };
  for (const file of input.events()) {
    events.read++;
    if (!file.event) {
      events.refused++;
      problems.push(...file.problems);
      continue;
    }
    if (input.hashes) {
      read.add(file.event.uuid.toLowerCase());
      for (const line of hashLines(file.event)) expected.add(line);
    }
    batch.push(...eventToStix(file.event, tally).objects);
    events.imported++;
    if (batch.length >= batchSize) yield take();
  }
  if (batch.length > 0) yield take();
  const mismatches = input.hashes ? verifyHashes(expected, read, input.hashes) : [];
  return {
    kind: input.kind,
    events,
    attributes: tally.attributes,
    stix: tally.stix,
    unmapped: tally.unmappedEntries(),
    problems: [...problems, ...mismatches],
    hashes: { checked: input.hashes !== undefined, mismatches: mismatches.length },
  };
}
