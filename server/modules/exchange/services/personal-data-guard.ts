/**
 * The personal-data guard of an ingest (pure but for the error it builds): before objects are stored where
 * people outside the writer's organisation may read them, their free text is scanned (shared/privacy) and
 * the writer decides. Modes:
 * - `ask` (the web UI's import and REST): a batch holding a finding is refused whole, `personal_data.found`,
 *   listing each finding (object, JSON path, kind; never the value), so nothing is stored;
 * - `confirm`: stored as they are; the batch's audit entry says so, with counts by kind;
 * - `redact`: each finding's span is replaced by `[redacted]`, a new text validated like any other;
 * - `reject` (TAXII, whose clients have no dialogue): each object with a finding is rejected in the status;
 * - `off`: not scanned (federation pulls, migrations, anything else not written by a signed-in user).
 * The operator's CLI imports and pushes guard their batches on a worker thread with `guardForStore`, in
 * `ask`, `confirm` or `redact` mode (cli/personal-data-decision.ts).
 * An object leaves the organisation when the collection is read beyond it and the object is not
 * AMBER+STRICT or RED, or when it names recipients (organisations or users) of its own.
 */
import { DomainError, invalid, type ErrorProblem } from '../../../core/errors.ts';
import { personalDataRule, redactPersonalData, scanObject, type ObjectFinding } from '../../../../shared/privacy/object-scan.ts';
import { sharingFactsOf, TLP_AMBER_STRICT } from '../../../../shared/stix/sharing.ts';
import type { Problem } from '../../../../shared/stix/problem.ts';

export type PersonalDataDecision = 'confirm' | 'redact';
export type PersonalDataMode = 'off' | 'ask' | 'reject' | PersonalDataDecision;

/** The decisions a caller may send (`personal_data=` on REST, `X-Thiqa-Personal-Data` on TAXII). */
export const PERSONAL_DATA_DECISIONS: readonly PersonalDataDecision[] = ['confirm', 'redact'];

/** The header a TAXII client decides with (`confirm` or `redact`). */
export const PERSONAL_DATA_HEADER = 'X-Thiqa-Personal-Data';

/**
 * A decision sent by a caller: `confirm` or `redact`, else `fallback` when absent.
 * @throws DomainError `invalid` `request.invalid_field` (params `field`, `in`, `expected`) for another value.
 */
export function parseDecision(value: string | undefined, field: string, where: 'query' | 'header', fallback: PersonalDataMode): PersonalDataMode {
  if (value === undefined || value === '') return fallback;
  const decision = value.trim().toLowerCase();
  if ((PERSONAL_DATA_DECISIONS as readonly string[]).includes(decision)) return decision as PersonalDataDecision;
  throw invalid('request.invalid_field', `"${field}" must be confirm or redact, got "${value}"`, { field, in: where, expected: 'confirm or redact' });
}

/** Findings listed in a `personal_data.found` error at most (the count says how many there are in all). */
export const LISTED_FINDINGS = 500;

/** Objects of one batch with findings that would leave the organisation. */
export interface GuardedBatch {
  /** The objects to store: the same ones, or redacted copies in `redact` mode. */
  objects: unknown[];
  /** Index in the request → its findings, for objects that leave the organisation. */
  findings: Map<number, ObjectFinding[]>;
  /** Spans replaced (`redact` mode). */
  redacted: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether an object stored in a collection read beyond the organisation (`outward`) leaves it. */
export function leavesOrganisation(object: Record<string, unknown>, outward: boolean, defaultTlp: number): boolean {
  const facts = sharingFactsOf(object);
  if (facts.recipientRefs.length > 0 || facts.recipientUsers.length > 0) return true;
  return outward && (facts.level ?? defaultTlp) < TLP_AMBER_STRICT;
}

/** An object of a batch with findings: they leave `always` (it names recipients) or only from a collection read beyond the organisation. */
export interface ScannedObject {
  findings: ObjectFinding[];
  always: boolean;
}

/**
 * The objects of a batch whose findings could leave the organisation (index in the request → findings),
 * before anyone asks whether the collection is read beyond it: a batch without findings needs no grants.
 */
export function scanBatch(objects: readonly unknown[], offset: number, defaultTlp: number): Map<number, ScannedObject> {
  const scanned = new Map<number, ScannedObject>();
  objects.forEach((object, i) => {
    if (!isRecord(object)) return;
    const findings = scanObject(object);
    if (findings.length === 0 || !leavesOrganisation(object, true, defaultTlp)) return;
    scanned.set(offset + i, { findings, always: leavesOrganisation(object, false, defaultTlp) });
  });
  return scanned;
}

/** Whether `scanBatch`'s answer needs to know if the collection is read beyond the organisation. */
export function needsOutward(scanned: ReadonlyMap<number, ScannedObject>): boolean {
  for (const object of scanned.values()) if (!object.always) return true;
  return false;
}

/** `guardBatch` after `scanBatch`: keeps the findings that leave given `outward`, redacting in `redact` mode. */
export function guardScanned(objects: readonly unknown[], offset: number, mode: PersonalDataMode, scanned: ReadonlyMap<number, ScannedObject>, outward: boolean): GuardedBatch {
  const batch: GuardedBatch = { objects: [...objects], findings: new Map(), redacted: 0 };
  if (mode === 'off') return batch;
  for (const [index, { findings, always }] of scanned) {
    if (!always && !outward) continue;
    batch.findings.set(index, findings);
    if (mode === 'redact') {
      const redacted = redactPersonalData(objects[index - offset] as Record<string, unknown>);
      batch.objects[index - offset] = redacted.object;
      batch.redacted += redacted.redacted;
    }
  }
  return batch;
}

/** Scans a batch (`offset` is the index of its first object in the request) and redacts in `redact` mode. */
export function guardBatch(objects: readonly unknown[], offset: number, mode: PersonalDataMode, outward: boolean, defaultTlp: number): GuardedBatch {
  return guardScanned(objects, offset, mode, mode === 'off' ? new Map() : scanBatch(objects, offset, defaultTlp), outward);
}

/**
 * How a batch prepared away from the store is guarded (the CLI's worker threads): the mode, and whether the
 * collection is read beyond the organisation, asked once by the thread that holds the store.
 */
export interface BatchGuard {
  mode: PersonalDataMode;
  outward: boolean;
  defaultTlp: number;
}

/** What guarding a batch told: objects with findings that leave, as problems (`ask`), the decision's audit details, spans redacted. */
export interface GuardReport {
  objects: number;
  problems: ErrorProblem[];
  details: Record<string, string | number>;
  redacted: number;
}

/** `guardBatch` by a `BatchGuard`: the objects to prepare (redacted copies in `redact` mode) and the report. */
export function guardForStore(objects: readonly unknown[], offset: number, guard: BatchGuard): { objects: unknown[]; report: GuardReport } {
  const guarded = guardBatch(objects, offset, guard.mode, guard.outward, guard.defaultTlp);
  const problems = guard.mode === 'ask' ? findingProblems(objects, offset, guarded.findings) : [];
  return { objects: guarded.objects, report: { objects: guarded.findings.size, problems, details: decisionDetails(guard.mode, guarded.findings), redacted: guarded.redacted } };
}

/** The findings as problems (rule by kind, path, the object's index and id): never the value. */
export function findingProblems(objects: readonly unknown[], offset: number, findings: ReadonlyMap<number, readonly ObjectFinding[]>): ErrorProblem[] {
  const problems: ErrorProblem[] = [];
  for (const [index, found] of findings) {
    const object = objects[index - offset];
    const id = isRecord(object) && typeof object.id === 'string' ? object.id : null;
    for (const finding of found) problems.push({ rule: personalDataRule(finding.kind), path: finding.path, message: findingMessage(finding), index, object: id, kind: finding.kind });
  }
  return problems;
}

/** What a rejected object's problems say of its findings (TAXII `reject` mode). */
export function rejectionProblems(found: readonly ObjectFinding[]): Problem[] {
  return found.map((finding) => ({
    severity: 'error',
    rule: personalDataRule(finding.kind),
    path: finding.path,
    message: `${findingMessage(finding)}; send the header X-Thiqa-Personal-Data: confirm to share it, or redact to replace it`,
  }));
}

function findingMessage(finding: ObjectFinding): string {
  const what = finding.kind === 'national-id' ? `a national identity number (${finding.scheme})` : `personal data (${finding.kind})`;
  return `${finding.path} holds ${what}, and the object would be read outside your organisation`;
}

/** What a REST caller is told to do about findings (the CLI names its option instead). */
const REST_REMEDY = 'send personal_data=confirm to share them as they are, or personal_data=redact to replace each finding with [redacted]';

/**
 * The refusal of a request holding findings, storing nothing: `conflict` `personal_data.found` (params
 * `objects`, `findings`; the first `LISTED_FINDINGS` as problems). `remedy` ends the message.
 */
export function personalDataFound(problems: readonly ErrorProblem[], remedy = REST_REMEDY): DomainError {
  const objects = new Set(problems.map((p) => `${p.source ?? ''} ${p.index}`)).size;
  return new DomainError(
    'conflict',
    'personal_data.found',
    `${objects} objects hold personal data and would be read outside your organisation: ${remedy}`,
    { objects, findings: problems.length },
    problems.slice(0, LISTED_FINDINGS),
  );
}

/** The audit details of a batch the writer decided on (counts by kind, never a value). */
export function decisionDetails(mode: PersonalDataMode, findings: ReadonlyMap<number, readonly ObjectFinding[]>): Record<string, string | number> {
  if ((mode !== 'confirm' && mode !== 'redact') || findings.size === 0) return {};
  const kinds = new Map<string, number>();
  for (const found of findings.values()) for (const finding of found) kinds.set(finding.kind, (kinds.get(finding.kind) ?? 0) + 1);
  const listed = [...kinds].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => `${kind}:${count}`).join(',');
  return { personal_data: mode, personal_data_objects: findings.size, personal_data_findings: listed };
}
